namespace CimCloud.Cimom.Security;

/// <summary>The role names users files and command lines use: <c>read-only</c>, <c>operator</c>, <c>admin</c>.</summary>
public static class RoleNames
{
    public const string ReadOnly = "read-only";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static string Format(CimRole role) => role switch
    {
        CimRole.ReadOnly => ReadOnly,
        CimRole.Operator => Operator,
        CimRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    /// <summary>Parses a role name (case-insensitive; <c>readonly</c> and <c>administrator</c> accepted too).</summary>
    public static bool TryParse(string? text, out CimRole role)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "READ-ONLY" or "READONLY":
                role = CimRole.ReadOnly;
                return true;
            case "OPERATOR":
                role = CimRole.Operator;
                return true;
            case "ADMIN" or "ADMINISTRATOR":
                role = CimRole.Admin;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
