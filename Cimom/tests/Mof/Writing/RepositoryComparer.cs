using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Tests.Mof.Writing;

/// <summary>
/// Structural comparison of two namespaces (schema + instances): qualifier declarations, classes with
/// their effective and local qualifiers, properties, methods and parameters, and instances by path.
/// Source locations are ignored. Returns readable differences rather than a bare boolean.
/// </summary>
internal static class RepositoryComparer
{
    public static List<string> Compare(CimSchema expected, IEnumerable<CimInstance> expectedInstances,
        CimSchema actual, IEnumerable<CimInstance> actualInstances)
    {
        var diffs = new List<string>();
        CompareSchemas(expected, actual, diffs);
        CompareInstances(expectedInstances, actualInstances, diffs);
        return diffs;
    }

    public static List<string> CompareSchemas(CimSchema expected, CimSchema actual)
    {
        var diffs = new List<string>();
        CompareSchemas(expected, actual, diffs);
        return diffs;
    }

    private static void CompareSchemas(CimSchema expected, CimSchema actual, List<string> diffs)
    {
        CompareByName(expected.Qualifiers, actual.Qualifiers, q => q.Name, "qualifier declaration", diffs, CompareQualifierDeclaration);

        var expectedOrder = expected.Classes.Select(c => c.Name.ToUpperInvariant()).ToList();
        var actualOrder = actual.Classes.Select(c => c.Name.ToUpperInvariant()).ToList();
        CompareByName(expected.Classes, actual.Classes, c => c.Name, "class", diffs, CompareClass);
        if (diffs.Count == 0 && !expectedOrder.SequenceEqual(actualOrder))
            diffs.Add("classes are in a different definition order");
    }

    private static void CompareQualifierDeclaration(CimQualifierDeclaration e, CimQualifierDeclaration a, List<string> diffs)
    {
        var where = $"qualifier declaration {e.Name}";
        Check(e.Name == a.Name, where, "name spelling", e.Name, a.Name, diffs);
        Check(e.Type.Equals(a.Type), where, "type", e.Type, a.Type, diffs);
        Check(ValuesEqual(e.DefaultValue, a.DefaultValue), where, "default", Show(e.DefaultValue), Show(a.DefaultValue), diffs);
        Check(e.Scope == a.Scope, where, "scope", e.Scope, a.Scope, diffs);
        Check(e.Flavor == a.Flavor, where, "flavor", e.Flavor, a.Flavor, diffs);
    }

    private static void CompareClass(CimClass e, CimClass a, List<string> diffs)
    {
        var where = $"class {e.Name}";
        Check(e.Name == a.Name, where, "name spelling", e.Name, a.Name, diffs);
        Check(Same(e.SuperClassName, a.SuperClassName), where, "superclass", e.SuperClassName, a.SuperClassName, diffs);
        Check(e.IsAssociation == a.IsAssociation, where, "IsAssociation", e.IsAssociation, a.IsAssociation, diffs);
        Check(e.IsIndication == a.IsIndication, where, "IsIndication", e.IsIndication, a.IsIndication, diffs);
        Check(e.IsAbstract == a.IsAbstract, where, "IsAbstract", e.IsAbstract, a.IsAbstract, diffs);
        Check(e.KeyProperties.Select(k => k.Name).SequenceEqual(a.KeyProperties.Select(k => k.Name), StringComparer.OrdinalIgnoreCase),
            where, "keys", string.Join(",", e.KeyProperties.Select(k => k.Name)), string.Join(",", a.KeyProperties.Select(k => k.Name)), diffs);
        CompareQualifiers(e.Qualifiers, a.Qualifiers, where, diffs);

        if (e.Properties.Count != a.Properties.Count)
            diffs.Add($"{where}: {e.Properties.Count} properties expected, {a.Properties.Count} found");
        for (var i = 0; i < Math.Min(e.Properties.Count, a.Properties.Count); i++)
            CompareProperty(e.Properties[i], a.Properties[i], $"{where}, property #{i}", diffs);

        if (e.Methods.Count != a.Methods.Count)
            diffs.Add($"{where}: {e.Methods.Count} methods expected, {a.Methods.Count} found");
        for (var i = 0; i < Math.Min(e.Methods.Count, a.Methods.Count); i++)
            CompareMethod(e.Methods[i], a.Methods[i], $"{where}, method #{i}", diffs);
    }

    private static void CompareProperty(CimProperty e, CimProperty a, string where, List<string> diffs)
    {
        where = $"{where} {e.Name}";
        Check(e.Name == a.Name, where, "name", e.Name, a.Name, diffs);
        Check(e.DataType.Equals(a.DataType), where, "type", e.DataType, a.DataType, diffs);
        Check(ValuesEqual(e.DefaultValue, a.DefaultValue), where, "default", Show(e.DefaultValue), Show(a.DefaultValue), diffs);
        Check(Same(e.ClassOrigin, a.ClassOrigin), where, "class origin", e.ClassOrigin, a.ClassOrigin, diffs);
        Check(e.Ordinal == a.Ordinal, where, "ordinal", e.Ordinal, a.Ordinal, diffs);
        Check(e.Flags == a.Flags, where, "flags", e.Flags, a.Flags, diffs);
        CompareQualifiers(e.Qualifiers, a.Qualifiers, where, diffs);
    }

    private static void CompareMethod(CimMethod e, CimMethod a, string where, List<string> diffs)
    {
        where = $"{where} {e.Name}";
        Check(e.Name == a.Name, where, "name", e.Name, a.Name, diffs);
        Check(e.ReturnType == a.ReturnType, where, "return type", e.ReturnType, a.ReturnType, diffs);
        Check(Same(e.ClassOrigin, a.ClassOrigin), where, "class origin", e.ClassOrigin, a.ClassOrigin, diffs);
        Check(e.Flags == a.Flags, where, "flags", e.Flags, a.Flags, diffs);
        CompareQualifiers(e.Qualifiers, a.Qualifiers, where, diffs);
        if (e.Parameters.Count != a.Parameters.Count)
        {
            diffs.Add($"{where}: {e.Parameters.Count} parameters expected, {a.Parameters.Count} found");
            return;
        }

        for (var i = 0; i < e.Parameters.Count; i++)
        {
            var pe = e.Parameters[i];
            var pa = a.Parameters[i];
            var pwhere = $"{where}, parameter {pe.Name}";
            Check(pe.Name == pa.Name, pwhere, "name", pe.Name, pa.Name, diffs);
            Check(pe.DataType.Equals(pa.DataType), pwhere, "type", pe.DataType, pa.DataType, diffs);
            CompareQualifiers(pe.Qualifiers, pa.Qualifiers, pwhere, diffs);
        }
    }

    /// <summary>Effective qualifiers: same names (order-insensitive), types, values, flavors and local/propagated marks.</summary>
    private static void CompareQualifiers(CimQualifierSet e, CimQualifierSet a, string where, List<string> diffs) =>
        CompareByName(e, a, q => q.Name, $"qualifier on {where}:", diffs, (qe, qa, d) =>
        {
            var qwhere = $"qualifier {qe.Name} on {where}";
            Check(qe.Type.Equals(qa.Type), qwhere, "type", qe.Type, qa.Type, d);
            Check(ValuesEqual(qe.Value, qa.Value), qwhere, "value", Show(qe.Value), Show(qa.Value), d);
            Check(qe.Flavor == qa.Flavor, qwhere, "flavor", qe.Flavor, qa.Flavor, d);
            Check(qe.IsPropagated == qa.IsPropagated, qwhere, "propagated", qe.IsPropagated, qa.IsPropagated, d);
        });

    private static void CompareInstances(IEnumerable<CimInstance> expected, IEnumerable<CimInstance> actual, List<string> diffs) =>
        CompareByName(expected.ToList(), actual.ToList(), i => i.Path.CanonicalForm, "instance", diffs, (e, a, d) => CompareInstance(e, a, d));

    private static void CompareInstance(CimInstance e, CimInstance a, List<string> diffs, string? where = null)
    {
        where ??= $"instance {e}";
        Check(e.ClassName == a.ClassName, where, "class", e.ClassName, a.ClassName, diffs);
        if (e.Class.Properties.Count != a.Class.Properties.Count)
        {
            diffs.Add($"{where}: class has {e.Class.Properties.Count} properties expected, {a.Class.Properties.Count} found");
            return;
        }

        foreach (var (property, value) in e.Properties)
        {
            var other = a.Class.Properties.Find(property.Name);
            if (other is null)
            {
                diffs.Add($"{where}: property {property.Name} missing");
                continue;
            }

            var actualValue = a.GetValue(other.Ordinal);
            if (!ValuesEqual(value, actualValue))
                diffs.Add($"{where}: property {property.Name}: expected {Show(value)}, found {Show(actualValue)}");
        }
    }

    /// <summary>CIM value equality, with embedded instances compared structurally and reals bit for bit.</summary>
    public static bool ValuesEqual(object? x, object? y)
    {
        switch (x)
        {
            case CimInstance ix:
                if (y is not CimInstance iy)
                    return false;
                var d = new List<string>();
                CompareInstance(ix, iy, d, "embedded instance");
                return d.Count == 0;
            case float fx:
                return y is float fy && BitConverter.SingleToInt32Bits(fx) == BitConverter.SingleToInt32Bits(fy);
            case double dx:
                return y is double dy && BitConverter.DoubleToInt64Bits(dx) == BitConverter.DoubleToInt64Bits(dy);
            case CimDateTime tx:
                return y is CimDateTime ty && tx.Text == ty.Text;
            case Array ax when ax.GetType().GetElementType() is { } t && (t == typeof(CimInstance) || t == typeof(float) || t == typeof(double)):
                if (y is not Array ay || ax.Length != ay.Length || ay.GetType() != ax.GetType())
                    return false;
                for (var i = 0; i < ax.Length; i++)
                {
                    if (!ValuesEqual(ax.GetValue(i), ay.GetValue(i)))
                        return false;
                }

                return true;
            default:
                // Same CLR type too: a uint16 must not come back as a uint32.
                return CimValueComparer.Instance.Equals(x, y) && x?.GetType() == y?.GetType();
        }
    }

    private static void CompareByName<T>(IEnumerable<T> expected, IEnumerable<T> actual, Func<T, string> key, string what,
        List<string> diffs, Action<T, T, List<string>> compare)
    {
        var actualByName = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in actual)
        {
            if (!actualByName.TryAdd(key(a), a))
                diffs.Add($"{what} {key(a)} appears twice in the actual data");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in expected)
        {
            var name = key(e);
            seen.Add(name);
            if (actualByName.TryGetValue(name, out var a))
                compare(e, a, diffs);
            else
                diffs.Add($"{what} {name} is missing");
        }

        foreach (var name in actualByName.Keys.Where(n => !seen.Contains(n)))
            diffs.Add($"{what} {name} is unexpected");
    }

    private static void Check<T>(bool ok, string where, string what, T expected, T actual, List<string> diffs)
    {
        if (!ok)
            diffs.Add($"{where}: {what} differs: expected {expected}, found {actual}");
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Show(object? value)
    {
        var text = value switch
        {
            null => "null",
            CimInstance i => $"embedded instance of {i.ClassName}",
            Array a => "{" + string.Join(", ", a.Cast<object?>().Select(Show)) + "}",
            _ => $"{CimValueFormatter.Format(value)} ({value.GetType().Name})",
        };
        return text.Length > 300 ? text[..300] + "..." : text;
    }
}
