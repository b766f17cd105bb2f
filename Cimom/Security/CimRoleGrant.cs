namespace CimCloud.Cimom.Security;

/// <summary>A role held in one namespace, or in every namespace when <see cref="Namespace"/> is null.</summary>
public sealed record CimRoleGrant(CimRole Role, string? Namespace = null)
{
    public bool AppliesTo(string @namespace) =>
        Namespace is null || string.Equals(Namespace.Trim('/'), @namespace.Trim('/'), StringComparison.OrdinalIgnoreCase);
}
