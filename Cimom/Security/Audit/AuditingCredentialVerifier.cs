namespace CimCloud.Cimom.Security.Audit;

/// <summary>Records every failed login of <paramref name="inner"/> in the audit log (operation <c>Login</c>, outcome <c>failure</c>).</summary>
public sealed class AuditingCredentialVerifier(ICimCredentialVerifier inner, ICimAuditLog audit) : ICimCredentialVerifier
{
    public CimPrincipal? Verify(string userName, string password, string? remoteAddress)
    {
        var principal = inner.Verify(userName, password, remoteAddress);
        if (principal is null)
        {
            audit.Append(new CimAuditRecord(DateTimeOffset.UtcNow, userName, remoteAddress, "Login", null, null, CimAuditOutcome.Failure,
                "wrong user name or password"));
        }

        return principal;
    }
}
