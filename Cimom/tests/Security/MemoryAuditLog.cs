using CimCloud.Cimom.Security.Audit;

namespace CimCloud.Cimom.Tests.Security;

internal sealed class MemoryAuditLog(bool includeReads = false) : ICimAuditLog
{
    public List<CimAuditRecord> Records { get; } = [];

    public bool IncludeReads => includeReads;

    public void Append(CimAuditRecord record)
    {
        lock (Records)
            Records.Add(record);
    }
}
