namespace CimCloud.Cimom.Security.Users;

/// <summary>One user of a <see cref="UsersFile"/>: name, password hash and role grants.</summary>
public sealed record UserAccount(string Name, PasswordHash Password, IReadOnlyList<CimRoleGrant> Grants)
{
    public CimPrincipal ToPrincipal() => new(Name, Grants);
}
