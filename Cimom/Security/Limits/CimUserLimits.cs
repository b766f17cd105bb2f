namespace CimCloud.Cimom.Security.Limits;

/// <summary>Per-user request limits every front end applies through <see cref="CimUserLimiter"/>.</summary>
public sealed record CimUserLimits
{
    /// <summary>Operations one user may have running at once; more → CIM_ERR_SERVER_LIMITS_EXCEEDED. 0 = unlimited.</summary>
    public int MaxConcurrentOperations { get; init; } = 256;

    /// <summary>Sustained requests per second per user (a token bucket of <see cref="RequestBurst"/>). 0 = unlimited.</summary>
    public double MaxRequestsPerSecond { get; init; } = 20_000;

    /// <summary>Requests a user may send at once above the sustained rate; 0 = one second's worth.</summary>
    public int RequestBurst { get; init; }

    public static CimUserLimits Unlimited { get; } = new() { MaxConcurrentOperations = 0, MaxRequestsPerSecond = 0 };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad value.</summary>
    public void Validate()
    {
        if (MaxConcurrentOperations < 0)
            throw new ArgumentException("MaxConcurrentOperations must be 0 (unlimited) or more", nameof(MaxConcurrentOperations));
        if (MaxRequestsPerSecond < 0 || double.IsNaN(MaxRequestsPerSecond))
            throw new ArgumentException("MaxRequestsPerSecond must be 0 (unlimited) or more", nameof(MaxRequestsPerSecond));
        if (RequestBurst < 0)
            throw new ArgumentException("RequestBurst must be 0 (one second's worth) or more", nameof(RequestBurst));
    }
}
