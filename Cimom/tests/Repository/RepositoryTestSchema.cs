using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;
using FluentAssertions;

namespace CimCloud.Cimom.Tests.Repository;

/// <summary>Builds test classes from declarations through <see cref="CimSchemaBuilder"/>.</summary>
internal static class RepositoryTestSchema
{
    public static CimQualifier Q(string name, object? value = null) => new(name, CimDataType.Scalar(CimType.Boolean), value ?? true, CimFlavor.None);

    public static CimPropertyDeclaration Prop(string name, CimType type, bool key = false, object? defaultValue = null) =>
        new(name, CimDataType.Scalar(type), defaultValue, key ? [Q("Key")] : []);

    public static CimPropertyDeclaration Ref(string name, string className, bool key = true) =>
        new(name, CimDataType.ReferenceTo(className), null, key ? [Q("Key")] : []);

    public static CimClassDeclaration Class(string name, string? superClass, params CimPropertyDeclaration[] properties) =>
        new(name, superClass, [], properties, []);

    public static CimClassDeclaration Abstract(string name, params CimPropertyDeclaration[] properties) =>
        new(name, null, [Q("Abstract")], properties, []);

    public static CimClassDeclaration Association(string name, params CimPropertyDeclaration[] properties) =>
        new(name, null, [Q("Association")], properties, []);

    /// <summary>A new schema: <paramref name="basis"/> plus the given classes (each must resolve).</summary>
    public static CimSchema With(CimSchema basis, params CimClassDeclaration[] classes)
    {
        var builder = new CimSchemaBuilder(basis);
        foreach (var declaration in classes)
        {
            var diagnostics = new List<SchemaDiagnostic>();
            builder.AddClass(declaration, diagnostics).Should().NotBeNull(string.Join("; ", diagnostics));
        }

        return builder.Build();
    }

    public static CimInstance Instance(CimSchema schema, string className, string @namespace, params (string Name, object? Value)[] values)
    {
        var cimClass = schema.GetClass(className);
        var instance = new CimInstance(cimClass, @namespace);
        foreach (var (name, value) in values)
            instance[name] = CimValueConverter.Convert(value, cimClass.Properties[name]!.DataType);
        return instance;
    }
}
