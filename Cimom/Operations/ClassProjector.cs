using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Operations;

/// <summary>Builds the view of a class that GetClass/EnumerateClasses options ask for (LocalOnly, qualifiers, class origin, property list).</summary>
internal static class ClassProjector
{
    private static readonly string[] DirectionQualifiers = ["In", "Out"];

    public static CimClass Project(CimClass cimClass, GetClassOptions options)
    {
        if (options.IsIdentity)
            return cimClass;
        var wanted = options.PropertyList is null ? null : new HashSet<string>(options.PropertyList, StringComparer.OrdinalIgnoreCase);
        var properties = new List<CimProperty>(cimClass.Properties.Count);
        foreach (var p in cimClass.Properties)
        {
            if ((options.LocalOnly && p.IsPropagated) || (wanted is not null && !wanted.Contains(p.Name)))
                continue;
            properties.Add(new CimProperty(p.Name, p.DataType, p.DefaultValue, ElementQualifiers(p.Qualifiers, options),
                Origin(p.ClassOrigin, options), properties.Count, p.Flags, p.Location));
        }

        var methods = new List<CimMethod>(cimClass.Methods.Count);
        foreach (var m in cimClass.Methods)
        {
            if (options.LocalOnly && m.IsPropagated)
                continue;
            methods.Add(options is { IncludeQualifiers: true, IncludeClassOrigin: true }
                ? m
                : new CimMethod(m.Name, m.ReturnType, Parameters(m.Parameters, options), ElementQualifiers(m.Qualifiers, options),
                    Origin(m.ClassOrigin, options), m.Flags, m.Location));
        }

        var classQualifiers = !options.IncludeQualifiers ? CimQualifierSet.Empty
            : options.LocalOnly ? new CimQualifierSet(cimClass.Qualifiers.Local.ToArray())
            : cimClass.Qualifiers;
        return new CimClass(cimClass.Name, cimClass.SuperClass, classQualifiers, new CimPropertyCollection([.. properties]), methods,
            cimClass.Location);
    }

    private static CimQualifierSet ElementQualifiers(CimQualifierSet qualifiers, GetClassOptions options) =>
        options.IncludeQualifiers ? qualifiers : CimQualifierSet.Empty;

    private static string Origin(string classOrigin, GetClassOptions options) => options.IncludeClassOrigin ? classOrigin : string.Empty;

    private static CimParameter[] Parameters(IReadOnlyList<CimParameter> parameters, GetClassOptions options)
    {
        var result = new CimParameter[parameters.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var p = parameters[i];
            result[i] = options.IncludeQualifiers
                ? p
                : p with { Qualifiers = new CimQualifierSet(p.Qualifiers.Where(q => DirectionQualifiers.Contains(q.Name, StringComparer.OrdinalIgnoreCase)).ToArray()) };
        }

        return result;
    }
}
