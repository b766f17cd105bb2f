using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Syntax;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Mof.Binding;

/// <summary>Turns a MOF class declaration into a <see cref="CimClassDeclaration"/> and adds it to the namespace's schema builder.</summary>
internal sealed class ClassBinder(MofDiagnosticBag diagnostics, QualifierBinder qualifiers, ValueBinder values)
{
    public CimClass? Bind(MofClassDeclaration c, CimSchemaBuilder schema)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var classQualifiers = qualifiers.BindList(c.Qualifiers, schema, $"class {c.Name}");
        var properties = new List<CimPropertyDeclaration>();
        var methods = new List<CimMethodDeclaration>();
        foreach (var feature in c.Features)
        {
            switch (feature)
            {
                case MofPropertyDeclaration p:
                    properties.Add(BindProperty(c, p, schema));
                    break;
                case MofMethodDeclaration m:
                    methods.Add(BindMethod(c, m, schema));
                    break;
            }
        }

        if (diagnostics.ErrorCount > errorsBefore)
            return null;

        var declaration = new CimClassDeclaration(c.Name, c.SuperClass, classQualifiers, properties, methods, c.Location);
        var problems = new List<SchemaDiagnostic>();
        var resolved = schema.AddClass(declaration, problems);
        Report(problems, c.Location);
        return resolved;
    }

    public void Report(IEnumerable<SchemaDiagnostic> problems, SourceLocation fallback)
    {
        foreach (var p in problems)
        {
            if (p.IsWarning)
                diagnostics.Warning(p.Location ?? fallback, p.Message);
            else
                diagnostics.Error(p.Location ?? fallback, p.Message);
        }
    }

    private CimPropertyDeclaration BindProperty(MofClassDeclaration c, MofPropertyDeclaration p, CimSchemaBuilder schema)
    {
        var element = $"{(p.Type.Type == CimType.Reference ? "reference" : "property")} {c.Name}.{p.Name}";
        var type = p.Type.ToDataType();
        object? defaultValue = null;
        if (p.DefaultValue is not null)
            values.TryBind(p.DefaultValue, type, element, out defaultValue);
        return new CimPropertyDeclaration(p.Name, type, defaultValue, qualifiers.BindList(p.Qualifiers, schema, element), p.Location);
    }

    private CimMethodDeclaration BindMethod(MofClassDeclaration c, MofMethodDeclaration m, CimSchemaBuilder schema)
    {
        var element = $"method {c.Name}.{m.Name}";
        if (m.ReturnType.IsArray || m.ReturnType.Type == CimType.Reference)
            diagnostics.Error(m.ReturnType.Location, $"{element}: a method returns a scalar intrinsic type, not {m.ReturnType.ToDataType()}");
        var parameters = new CimParameter[m.Parameters.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = m.Parameters[i];
            parameters[i] = new CimParameter(p.Name, p.Type.ToDataType(),
                new CimQualifierSet(qualifiers.BindList(p.Qualifiers, schema, $"parameter {p.Name} of {element}")), p.Location);
        }

        return new CimMethodDeclaration(m.Name, m.ReturnType.Type, parameters, qualifiers.BindList(m.Qualifiers, schema, element), m.Location);
    }
}
