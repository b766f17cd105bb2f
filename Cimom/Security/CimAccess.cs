namespace CimCloud.Cimom.Security;

/// <summary>What an operation does, for authorization: the role it needs is <see cref="CimAuthorization.RequiredRole"/>.</summary>
public enum CimAccess
{
    /// <summary>Get, enumerate, associations, queries, class and qualifier reads (read-only and up).</summary>
    Read,

    /// <summary>Extrinsic method invocation (operator and up).</summary>
    Invoke,

    /// <summary>Create, modify or delete an instance (admin).</summary>
    Write,

    /// <summary>Create, modify or delete a class, qualifier type or namespace (admin).</summary>
    Schema,
}
