namespace CimCloud.Cimom.Security;

/// <summary>An authenticated user and the roles it holds. Front ends put it on the operation context.</summary>
public sealed record CimPrincipal(string Name, IReadOnlyList<CimRoleGrant> Grants)
{
    /// <summary>A user holding <see cref="CimRole.Admin"/> in every namespace.</summary>
    public static CimPrincipal Administrator(string name) => new(name, [new CimRoleGrant(CimRole.Admin)]);

    /// <summary>The highest role the user holds in <paramref name="namespace"/>, or null (no access).</summary>
    public CimRole? RoleIn(string @namespace)
    {
        CimRole? best = null;
        foreach (var grant in Grants)
        {
            if (grant.AppliesTo(@namespace) && (best is null || grant.Role > best))
                best = grant.Role;
        }

        return best;
    }
}
