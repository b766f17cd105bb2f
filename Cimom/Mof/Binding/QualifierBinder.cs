using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Syntax;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Mof.Binding;

/// <summary>Binds qualifier declarations and qualifier lists: values typed by the qualifier's declaration.</summary>
internal sealed class QualifierBinder(MofDiagnosticBag diagnostics, ValueBinder values, bool lenient)
{
    public CimQualifierDeclaration? BindDeclaration(MofQualifierDeclaration d)
    {
        if (d.Type.Type == CimType.Reference)
        {
            diagnostics.Error(d.Type.Location, $"qualifier {d.Name} cannot have a REF type");
            return null;
        }

        var type = d.Type.ToDataType();
        object? defaultValue = null;
        if (d.DefaultValue is not null && !values.TryBind(d.DefaultValue, type, $"default of qualifier {d.Name}", out defaultValue))
            return null;
        return new CimQualifierDeclaration(d.Name, type, defaultValue, d.Scope, d.Flavors);
    }

    /// <summary>
    /// Binds the qualifiers written on one element. Undeclared qualifiers are errors (lenient: declared
    /// on the fly in <paramref name="schema"/> with a warning).
    /// </summary>
    public List<CimQualifier> BindList(IReadOnlyList<MofQualifierValue> list, CimSchemaBuilder schema, string element)
    {
        var result = new List<CimQualifier>(list.Count);
        foreach (var q in list)
        {
            var declaration = schema.FindQualifier(q.Name) ?? DeclareOnTheFly(q, schema, element);
            if (declaration is null)
                continue;
            if (TryBindValue(q, declaration, element, out var value))
                result.Add(new CimQualifier(declaration.Name, declaration.Type, value, q.Flavors));
        }

        return result;
    }

    private bool TryBindValue(MofQualifierValue q, CimQualifierDeclaration declaration, string element, out object? value)
    {
        value = null;
        var what = $"qualifier {declaration.Name} on {element}";
        if (q.Value is null)
        {
            if (declaration.Type is { Type: CimType.Boolean, IsArray: false })
            {
                value = true;
                return true;
            }

            // A bare Override is a known vendor quirk; the class resolver decides (error, or lenient warning).
            if (CimNames.Same(declaration.Name, "Override"))
                return true;
            if (!lenient)
            {
                diagnostics.Error(q.Location, $"{what} needs a value of type {declaration.Type}");
                return false;
            }

            diagnostics.Warning(q.Location, $"{what} has no value; using its default {CimValueFormatter.Format(declaration.DefaultValue)}");
            value = declaration.DefaultValue;
            return true;
        }

        var mofValue = q.Value;
        if (declaration.Type.IsArray && mofValue is not (MofArrayValue or MofNullValue))
        {
            if (!lenient)
            {
                diagnostics.Error(q.Location, $"{what} is an array ({declaration.Type}); write its value as {{ ... }}");
                return false;
            }

            diagnostics.Warning(q.Location, $"{what} is an array ({declaration.Type}); the single value is taken as a one-element array");
            mofValue = new MofArrayValue(mofValue.Location, [mofValue]);
        }

        return values.TryBind(mofValue, declaration.Type, what, out value);
    }

    private CimQualifierDeclaration? DeclareOnTheFly(MofQualifierValue q, CimSchemaBuilder schema, string element)
    {
        if (!lenient)
        {
            diagnostics.Error(q.Location, $"qualifier {q.Name} on {element} is not declared (declare it with 'Qualifier {q.Name} : type, Scope(...);' or use --lenient)");
            return null;
        }

        var type = q.Value switch
        {
            null or MofBooleanValue => CimDataType.Scalar(CimType.Boolean),
            MofIntegerValue => CimDataType.Scalar(CimType.SInt64),
            MofRealValue => CimDataType.Scalar(CimType.Real64),
            MofArrayValue => CimDataType.ArrayOf(CimType.String),
            _ => CimDataType.Scalar(CimType.String),
        };
        var declaration = new CimQualifierDeclaration(q.Name, type, null, CimScope.Any, CimFlavor.None);
        diagnostics.Warning(q.Location, $"qualifier {q.Name} on {element} is not declared; declared it as {type}, Scope(any)");
        schema.AddQualifier(declaration);
        return declaration;
    }
}
