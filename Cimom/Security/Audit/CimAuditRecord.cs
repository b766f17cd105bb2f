namespace CimCloud.Cimom.Security.Audit;

/// <summary>
/// One audit line: when, who (user and remote address), what (operation, namespace, object path) and how it ended
/// (<see cref="CimAuditOutcome"/>, with the CIM status name and message on failure).
/// </summary>
public sealed record CimAuditRecord(
    DateTimeOffset Time,
    string? User,
    string? RemoteAddress,
    string Operation,
    string? Namespace,
    string? ObjectPath,
    string Outcome,
    string? Error = null);
