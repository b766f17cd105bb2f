namespace CimCloud.Cimom.Security;

/// <summary>
/// Checks a user name and password for every front end (WS-Man, CIM-XML). Implementations may cache, must compare
/// in constant time, and may record login failures (with <paramref name="remoteAddress"/>) in an audit trail.
/// </summary>
public interface ICimCredentialVerifier
{
    /// <summary>The principal when the name and password are right; otherwise null.</summary>
    CimPrincipal? Verify(string userName, string password, string? remoteAddress);
}
