using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;

namespace CimCloud.Cimom.Security;

/// <summary>
/// The role rules: read-only may read, operator may also invoke methods, admin may also change instances and the
/// schema, each per namespace (<see cref="CimPrincipal.RoleIn"/>). A context without a principal is an in-process
/// caller and is never checked.
/// </summary>
public static class CimAuthorization
{
    public static CimRole RequiredRole(CimAccess access) => access switch
    {
        CimAccess.Read => CimRole.ReadOnly,
        CimAccess.Invoke => CimRole.Operator,
        _ => CimRole.Admin,
    };

    /// <summary>True when the context's principal (or an in-process caller) may do <paramref name="access"/> in <paramref name="namespace"/>.</summary>
    public static bool IsAllowed(CimOperationContext context, string? @namespace, CimAccess access)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } principal)
            return true;
        return principal.RoleIn(@namespace ?? string.Empty) is { } role && role >= RequiredRole(access);
    }

    /// <summary>Throws CIM_ERR_ACCESS_DENIED unless <see cref="IsAllowed"/>.</summary>
    public static void Demand(CimOperationContext context, string? @namespace, CimAccess access)
    {
        if (IsAllowed(context, @namespace, access))
            return;
        var principal = context.Principal!;
        var held = principal.RoleIn(@namespace ?? string.Empty);
        var has = held is { } r ? $"holds {RoleNames.Format(r)}" : "holds no role";
        throw new CimException(CimStatusCode.AccessDenied,
            $"user {principal.Name} {has} in namespace {@namespace ?? "(none)"}; {Describe(access)} needs {RoleNames.Format(RequiredRole(access))}");
    }

    private static string Describe(CimAccess access) => access switch
    {
        CimAccess.Read => "reading",
        CimAccess.Invoke => "invoking a method",
        CimAccess.Write => "changing an instance",
        _ => "changing the schema",
    };
}
