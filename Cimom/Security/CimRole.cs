namespace CimCloud.Cimom.Security;

/// <summary>What a user may do in a namespace; each role includes the ones before it.</summary>
public enum CimRole
{
    /// <summary>Get, enumerate, associations, queries, class reads.</summary>
    ReadOnly,

    /// <summary>Also method invocation.</summary>
    Operator,

    /// <summary>Also create, modify and delete instances, and schema changes.</summary>
    Admin,
}
