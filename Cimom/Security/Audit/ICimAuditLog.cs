namespace CimCloud.Cimom.Security.Audit;

/// <summary>Where audit records go. Implementations must be thread-safe and must not lose an appended record.</summary>
public interface ICimAuditLog
{
    /// <summary>Also record reads (Get, Enumerate, associations, queries); changes and login failures are always recorded.</summary>
    bool IncludeReads { get; }

    void Append(CimAuditRecord record);
}
