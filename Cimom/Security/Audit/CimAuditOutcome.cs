namespace CimCloud.Cimom.Security.Audit;

/// <summary>The outcome values of <see cref="CimAuditRecord.Outcome"/>.</summary>
public static class CimAuditOutcome
{
    public const string Success = "success";

    /// <summary>The operation ran and failed (CIM status in <see cref="CimAuditRecord.Error"/>).</summary>
    public const string Failure = "failure";

    /// <summary>Refused by authorization before anything changed.</summary>
    public const string Denied = "denied";
}
