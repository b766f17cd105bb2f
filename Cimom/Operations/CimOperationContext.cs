using CimCloud.Cimom.Security;

namespace CimCloud.Cimom.Operations;

/// <summary>
/// Who asks and until when. A passed <see cref="Deadline"/> ends the operation with a
/// <see cref="TimeoutException"/> (front ends map it to their timeout fault).
/// </summary>
public sealed record CimOperationContext(string? UserName = null, DateTimeOffset? Deadline = null)
{
    /// <summary>No user, no deadline (in-process callers and tests).</summary>
    public static CimOperationContext Default { get; } = new();

    /// <summary>The authenticated user and its roles; null for in-process callers (no authorization applied).</summary>
    public CimPrincipal? Principal { get; init; }

    /// <summary>The client's address as the front end saw it (for the audit trail); null in-process.</summary>
    public string? RemoteAddress { get; init; }

    public bool IsExpired => Deadline is { } deadline && DateTimeOffset.UtcNow >= deadline;

    public void ThrowIfExpired()
    {
        if (IsExpired)
            throw new TimeoutException($"the operation passed its deadline {Deadline:O}");
    }
}
