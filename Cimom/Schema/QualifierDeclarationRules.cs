using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>DSP0004 rules for a qualifier type declaration on its own.</summary>
internal static class QualifierDeclarationRules
{
    public static IReadOnlyList<SchemaDiagnostic> Check(CimQualifierDeclaration d, SourceLocation? location)
    {
        var problems = new List<SchemaDiagnostic>();
        if (string.IsNullOrWhiteSpace(d.Name))
            problems.Add(new(location, CimStatusCode.InvalidParameter, "qualifier declaration has no name"));
        if (d.Type.Type is CimType.Reference or CimType.Instance)
            problems.Add(new(location, CimStatusCode.InvalidParameter, $"qualifier {d.Name} cannot have type {d.Type}"));
        if (d.Scope == CimScope.None)
            problems.Add(new(location, CimStatusCode.InvalidParameter, $"qualifier {d.Name} declares no scope"));
        if ((d.Flavor & (CimFlavor.EnableOverride | CimFlavor.DisableOverride)) == (CimFlavor.EnableOverride | CimFlavor.DisableOverride))
            problems.Add(new(location, CimStatusCode.InvalidParameter, $"qualifier {d.Name} cannot be both EnableOverride and DisableOverride"));
        if ((d.Flavor & (CimFlavor.ToSubclass | CimFlavor.Restricted)) == (CimFlavor.ToSubclass | CimFlavor.Restricted))
            problems.Add(new(location, CimStatusCode.InvalidParameter, $"qualifier {d.Name} cannot be both ToSubclass and Restricted"));
        if (!CimValueChecks.IsAssignable(d.Type, d.DefaultValue))
            problems.Add(new(location, CimStatusCode.TypeMismatch, $"default value {CimValueFormatter.Format(d.DefaultValue)} of qualifier {d.Name} does not fit type {d.Type}"));
        return problems;
    }
}
