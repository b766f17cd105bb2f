using System.Globalization;
using System.Text;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Mof.Writing;

/// <summary>
/// Writes a namespace (qualifier declarations, classes, instances) as MOF 2.x that the CimCloud MOF
/// compiler reads back into the same model.
/// </summary>
/// <remarks>
/// <para>
/// Classes are written in the schema's definition order (superclasses and REF targets first) with only
/// what they declare themselves: local qualifiers, local and overriding properties, local and overriding
/// methods. Inherited elements and propagated qualifiers come back by resolution when the output is
/// compiled. Qualifier flavors are written at a usage only where they differ from the declaration.
/// </para>
/// <para>
/// An overriding element always gets <c>Override("Name")</c>, also when it was compiled leniently from a
/// bare <c>Override</c> or from a redeclaration without one, so the output is strict MOF. Embedded-instance
/// properties and parameters are written as <c>string</c> (their EmbeddedInstance/EmbeddedObject
/// qualifier makes them embedded again); embedded instance values are MOF text in a string.
/// </para>
/// <para>
/// Instances give every property whose value is not null, and <c>NULL</c> where the class default is not
/// null; references are written as object-path strings, datetimes as their 25-character strings.
/// Reals have no MOF literal for NaN and infinities: writing one throws <see cref="InvalidOperationException"/>.
/// </para>
/// </remarks>
public static class MofWriter
{
    /// <summary>Writes the qualifier declarations and classes of <paramref name="schema"/>, then <paramref name="instances"/>.</summary>
    public static void Write(CimSchema schema, IEnumerable<CimInstance> instances, TextWriter writer, MofWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= MofWriterOptions.Default;
        var sb = new StringBuilder(1024);

        if (options.Header is { } header)
        {
            foreach (var line in header.Split('\n'))
                writer.Write(line.Length == 0 ? "//\n" : "// " + line.TrimEnd('\r') + "\n");
            writer.Write('\n');
        }

        if (options.Namespace is { } ns)
        {
            sb.Append("#pragma namespace(");
            CimValueFormatter.AppendString(sb, ns);
            sb.Append(')');
            Flush(sb, writer);
            writer.Write('\n');
        }

        if (schema.Qualifiers.Count > 0)
        {
            foreach (var q in schema.Qualifiers)
            {
                AppendQualifierDeclaration(sb, q);
                Flush(sb, writer);
            }

            writer.Write('\n');
        }

        foreach (var c in schema.Classes)
        {
            AppendClass(sb, c, schema, options);
            Flush(sb, writer);
            writer.Write('\n');
        }

        foreach (var instance in instances)
        {
            AppendInstance(sb, instance, options, compact: false);
            Flush(sb, writer);
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes a repository namespace: its current schema snapshot and the stored instances of each of its
    /// classes (in class definition order).
    /// </summary>
    public static void Write(CimNamespace ns, TextWriter writer, MofWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ns);
        var schema = ns.Schema;
        Write(schema, InstancesOf(ns, schema), writer, options);
    }

    /// <summary>
    /// The stored instances of <paramref name="ns"/>, class by class in definition order of
    /// <paramref name="schema"/>, and within a class by canonical path, so the output is the same every run.
    /// </summary>
    public static IEnumerable<CimInstance> InstancesOf(CimNamespace ns, CimSchema schema)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Classes.SelectMany(c => ns.EnumerateInstances(c.Name).OrderBy(i => i.Path.CanonicalForm, StringComparer.Ordinal));
    }

    /// <summary>The MOF text of a whole namespace.</summary>
    public static string WriteToString(CimSchema schema, IEnumerable<CimInstance> instances, MofWriterOptions? options = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(schema, instances, writer, options);
        return writer.ToString();
    }

    /// <summary><c>Qualifier Name : type = default, Scope(...), Flavor(...);</c> (flavors as declared; none written when none were).</summary>
    public static string FormatQualifierDeclaration(CimQualifierDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var sb = new StringBuilder();
        AppendQualifierDeclaration(sb, declaration);
        return sb.ToString();
    }

    /// <summary>The declaration of one class (its own elements only), as written by <see cref="Write"/>.</summary>
    public static string FormatClass(CimClass cimClass, CimSchema schema, MofWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cimClass);
        ArgumentNullException.ThrowIfNull(schema);
        var sb = new StringBuilder();
        AppendClass(sb, cimClass, schema, options ?? MofWriterOptions.Default);
        return sb.ToString();
    }

    /// <summary>An <c>instance of</c> declaration, over several lines or (compact) on one line as used inside embedded-instance strings.</summary>
    public static string FormatInstance(CimInstance instance, MofWriterOptions? options = null, bool compact = false)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var sb = new StringBuilder();
        AppendInstance(sb, instance, options ?? MofWriterOptions.Default, compact);
        return sb.ToString();
    }

    /// <summary>A value as a MOF literal or brace list (embedded instances as MOF text in a string).</summary>
    public static string FormatValue(object? value)
    {
        var sb = new StringBuilder();
        AppendValue(sb, value);
        return sb.ToString();
    }

    /// <summary>Hands one finished declaration to the writer. Lines always end in LF, whatever the writer's NewLine.</summary>
    private static void Flush(StringBuilder sb, TextWriter writer)
    {
        sb.Append('\n');
        writer.Write(sb);
        sb.Clear();
    }

    private static void AppendQualifierDeclaration(StringBuilder sb, CimQualifierDeclaration q)
    {
        sb.Append("Qualifier ").Append(q.Name).Append(" : ").Append(CimTypeInfo.ToMofName(q.Type.Type));
        AppendArraySuffix(sb, q.Type);
        if (q.DefaultValue is not null)
        {
            sb.Append(" = ");
            AppendValue(sb, q.DefaultValue);
        }

        sb.Append(", Scope(");
        if (q.Scope == CimScope.Any)
        {
            sb.Append("any");
        }
        else
        {
            var first = true;
            foreach (var (flag, name) in ScopeNames)
            {
                if ((q.Scope & flag) == 0)
                    continue;
                if (!first)
                    sb.Append(", ");
                sb.Append(name);
                first = false;
            }
        }

        sb.Append(')');
        if (q.Flavor != CimFlavor.None)
        {
            sb.Append(", Flavor(");
            AppendFlavors(sb, q.Flavor, ", ");
            sb.Append(')');
        }

        sb.Append(';');
    }

    private static readonly (CimScope Flag, string Name)[] ScopeNames =
    [
        (CimScope.Class, "class"),
        (CimScope.Association, "association"),
        (CimScope.Indication, "indication"),
        (CimScope.Property, "property"),
        (CimScope.Reference, "reference"),
        (CimScope.Method, "method"),
        (CimScope.Parameter, "parameter"),
        (CimScope.Qualifier, "qualifier"),
    ];

    private static readonly (CimFlavor Flag, string Name)[] FlavorNames =
    [
        (CimFlavor.EnableOverride, "EnableOverride"),
        (CimFlavor.DisableOverride, "DisableOverride"),
        (CimFlavor.ToSubclass, "ToSubclass"),
        (CimFlavor.Restricted, "Restricted"),
        (CimFlavor.Translatable, "Translatable"),
        (CimFlavor.ToInstance, "ToInstance"),
    ];

    private static void AppendFlavors(StringBuilder sb, CimFlavor flavors, string separator)
    {
        var first = true;
        foreach (var (flag, name) in FlavorNames)
        {
            if ((flavors & flag) == 0)
                continue;
            if (!first)
                sb.Append(separator);
            sb.Append(name);
            first = false;
        }
    }

    private static void AppendClass(StringBuilder sb, CimClass c, CimSchema schema, MofWriterOptions options)
    {
        AppendQualifierList(sb, c.Qualifiers, schema, overrideName: null, indent: string.Empty, options, newLine: true);
        sb.Append("class ").Append(c.Name);
        if (c.SuperClass is not null)
            sb.Append(" : ").Append(c.SuperClass.Name);
        sb.Append('\n').Append("{\n");

        foreach (var p in c.LocalProperties)
            AppendProperty(sb, c, p, schema, options);
        foreach (var m in c.LocalMethods)
            AppendMethod(sb, m, schema, options);

        sb.Append("};");
    }

    private static void AppendProperty(StringBuilder sb, CimClass c, CimProperty p, CimSchema schema, MofWriterOptions options)
    {
        var indent = options.Indent;
        AppendQualifierList(sb, p.Qualifiers, schema, p.IsOverride ? p.Name : null, indent, options, newLine: true);
        sb.Append(indent);
        AppendTypeAndName(sb, p.DataType, p.Name);
        if (p.DefaultValue is not null && !(p.IsOverride && DefaultIsInherited(c, p)))
        {
            sb.Append(" = ");
            try
            {
                AppendValue(sb, p.DefaultValue);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"default of {c.Name}.{p.Name}: {e.Message}", e);
            }
        }

        sb.Append(";\n");
    }

    /// <summary>An override that does not restate a default inherits it; writing it again would be redundant.</summary>
    private static bool DefaultIsInherited(CimClass c, CimProperty p) =>
        c.SuperClass?.Properties.Find(p.Name) is { } inherited
        && CimValueComparer.Instance.Equals(inherited.DefaultValue, p.DefaultValue);

    private static void AppendMethod(StringBuilder sb, CimMethod m, CimSchema schema, MofWriterOptions options)
    {
        var indent = options.Indent;
        AppendQualifierList(sb, m.Qualifiers, schema, m.IsOverride ? m.Name : null, indent, options, newLine: true);
        sb.Append(indent).Append(CimTypeInfo.ToMofName(m.ReturnType)).Append(' ').Append(m.Name).Append('(');
        var inner = indent + indent;
        for (var i = 0; i < m.Parameters.Count; i++)
        {
            var p = m.Parameters[i];
            sb.Append(i == 0 ? "\n" : ",\n");
            AppendQualifierList(sb, p.Qualifiers, schema, overrideName: null, inner, options, newLine: false);
            if (p.Qualifiers.Local.Any())
                sb.Append(' ');
            else
                sb.Append(inner);
            AppendTypeAndName(sb, p.DataType, p.Name);
        }

        sb.Append(");\n");
    }

    private static void AppendTypeAndName(StringBuilder sb, CimDataType type, string name)
    {
        if (type.Type == CimType.Reference)
            sb.Append(type.ClassName).Append(" REF");
        else
            sb.Append(CimTypeInfo.ToMofName(type.Type));
        sb.Append(' ').Append(name);
        AppendArraySuffix(sb, type);
    }

    private static void AppendArraySuffix(StringBuilder sb, CimDataType type)
    {
        if (!type.IsArray)
            return;
        sb.Append('[');
        if (type.ArraySize is { } size)
            sb.Append(size.ToString(CultureInfo.InvariantCulture));
        sb.Append(']');
    }

    /// <summary>
    /// Writes the local qualifiers as <c>[A, B(1), C {"x"}]</c>, on one line when short, else one per line.
    /// <paramref name="overrideName"/> is set for overriding elements: <c>Override("name")</c> is then
    /// always written (normalised from a bare or missing Override).
    /// </summary>
    private static void AppendQualifierList(StringBuilder sb, CimQualifierSet qualifiers, CimSchema schema, string? overrideName,
        string indent, MofWriterOptions options, bool newLine)
    {
        var items = new List<string>();
        var overrideWritten = false;
        foreach (var q in qualifiers)
        {
            if (q.IsPropagated)
                continue;
            if (overrideName is not null && CimNames.Same(q.Name, "Override"))
            {
                items.Add(FormatOverride(q.Value as string ?? overrideName, q, schema));
                overrideWritten = true;
                continue;
            }

            items.Add(FormatQualifier(q, schema));
        }

        if (overrideName is not null && !overrideWritten)
            items.Insert(0, FormatOverride(overrideName, null, schema));
        if (items.Count == 0)
            return;

        sb.Append(indent).Append('[');
        var oneLine = indent.Length + 2 + items.Sum(i => i.Length + 2) <= options.MaxQualifierLineLength
            && items.All(i => !i.Contains('\n', StringComparison.Ordinal));
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                sb.Append(oneLine ? ", " : ",\n" + indent + " ");
            sb.Append(items[i]);
        }

        sb.Append(']');
        if (newLine)
            sb.Append('\n');
    }

    private static string FormatOverride(string name, CimQualifier? q, CimSchema schema)
    {
        var sb = new StringBuilder("Override(");
        CimValueFormatter.AppendString(sb, name);
        sb.Append(')');
        if (q is not null)
            AppendUsageFlavors(sb, q, schema);
        return sb.ToString();
    }

    private static string FormatQualifier(CimQualifier q, CimSchema schema)
    {
        var sb = new StringBuilder(q.Name);
        switch (q.Value)
        {
            case true when q.Type is { Type: CimType.Boolean, IsArray: false }:
                break;
            case null:
                sb.Append("(null)");
                break;
            case Array:
                sb.Append(' ');
                AppendValue(sb, q.Value);
                break;
            default:
                sb.Append('(');
                AppendValue(sb, q.Value);
                sb.Append(')');
                break;
        }

        AppendUsageFlavors(sb, q, schema);
        return sb.ToString();
    }

    /// <summary>Writes <c>: Flavor ...</c> for what the usage changed relative to the declaration.</summary>
    private static void AppendUsageFlavors(StringBuilder sb, CimQualifier q, CimSchema schema)
    {
        if (schema.FindQualifier(q.Name) is not { } declaration)
            return;
        var declared = declaration.EffectiveFlavor;
        var usage = q.Flavor & ~declared;
        if (usage == CimFlavor.None)
            return;
        sb.Append(" : ");
        AppendFlavors(sb, usage, " ");
    }

    private static void AppendInstance(StringBuilder sb, CimInstance instance, MofWriterOptions options, bool compact)
    {
        sb.Append("instance of ").Append(instance.ClassName).Append(compact ? " {" : "\n{\n");
        foreach (var (property, value) in instance.Properties)
        {
            if (value is null && property.DefaultValue is null)
                continue;
            if (compact)
                sb.Append(' ');
            else
                sb.Append(options.Indent);
            sb.Append(property.Name).Append(" = ");
            try
            {
                AppendValue(sb, value);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"instance of {instance.ClassName}, property {property.Name}: {e.Message}", e);
            }

            sb.Append(compact ? ";" : ";\n");
        }

        sb.Append(compact ? " };" : "};");
    }

    private static void AppendValue(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("NULL");
                break;
            case CimInstance embedded:
                CimValueFormatter.AppendString(sb, FormatInstance(embedded, MofWriterOptions.Default, compact: true));
                break;
            case float f:
                AppendReal(sb, ShortestReal32(f));
                break;
            case double d:
                AppendReal(sb, d);
                break;
            case Array a:
                sb.Append('{');
                for (var i = 0; i < a.Length; i++)
                {
                    if (i > 0)
                        sb.Append(", ");
                    AppendValue(sb, a.GetValue(i));
                }

                sb.Append('}');
                break;
            default:
                CimValueFormatter.Append(sb, value);
                break;
        }
    }

    private static void AppendReal(StringBuilder sb, double d)
    {
        if (!double.IsFinite(d))
            throw new InvalidOperationException($"real value {d.ToString(CultureInfo.InvariantCulture)} has no MOF literal");
        CimValueFormatter.Append(sb, d);
    }

    /// <summary>
    /// The compiler reads a real literal as a double and narrows it to real32. The shortest text of the
    /// float read that way gives the float back almost always; where it would not, the exact double is used.
    /// </summary>
    private static double ShortestReal32(float f)
    {
        if (!float.IsFinite(f))
            return f;
        var d = double.Parse(f.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        return (float)d == f ? d : f;
    }
}
