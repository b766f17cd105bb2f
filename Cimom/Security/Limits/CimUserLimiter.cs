using System.Collections.Concurrent;
using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Security.Limits;

/// <summary>
/// Enforces <see cref="CimUserLimits"/> per user name (case-insensitive): a front end calls <see cref="Enter"/> once
/// per request after authentication and disposes the lease when the answer is sent. Over a limit →
/// <see cref="CimException"/> CIM_ERR_SERVER_LIMITS_EXCEEDED (WS-Man: <c>wsman:QuotaLimit</c>) before any work.
/// </summary>
public sealed class CimUserLimiter
{
    private readonly CimUserLimits _limits;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, UserState> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly double _burst;

    public CimUserLimiter(CimUserLimits limits, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        _limits = limits;
        _time = time ?? TimeProvider.System;
        _burst = limits.RequestBurst > 0 ? limits.RequestBurst : Math.Max(1, limits.MaxRequestsPerSecond);
    }

    public CimUserLimits Limits => _limits;

    /// <summary>Operations <paramref name="user"/> has running now (diagnostics and tests).</summary>
    public int Running(string user) => _users.TryGetValue(user, out var state) ? Volatile.Read(ref state.Running) : 0;

    /// <summary>Admits one request of <paramref name="user"/> or throws CIM_ERR_SERVER_LIMITS_EXCEEDED.</summary>
    public Lease Enter(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var state = _users.GetOrAdd(user, static _ => new UserState());
        if (_limits.MaxRequestsPerSecond > 0 && !state.TakeToken(_time.GetTimestamp(), _time.TimestampFrequency, _limits.MaxRequestsPerSecond, _burst))
        {
            throw new CimException(CimStatusCode.ServerLimitsExceeded,
                $"user {user} sent more than {_limits.MaxRequestsPerSecond:0.##} requests per second (burst {_burst:0}); slow down and retry");
        }

        var running = Interlocked.Increment(ref state.Running);
        if (_limits.MaxConcurrentOperations > 0 && running > _limits.MaxConcurrentOperations)
        {
            Interlocked.Decrement(ref state.Running);
            throw new CimException(CimStatusCode.ServerLimitsExceeded,
                $"user {user} already has {_limits.MaxConcurrentOperations} operations running (the limit); wait for some to finish");
        }

        return new Lease(state);
    }

    /// <summary>One admitted request; disposing it frees its concurrency slot (once).</summary>
    public sealed class Lease : IDisposable
    {
        private UserState? _state;

        internal Lease(UserState state) => _state = state;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _state, null) is { } state)
                Interlocked.Decrement(ref state.Running);
        }
    }

    internal sealed class UserState
    {
        private readonly Lock _gate = new();
        private double _tokens = double.NaN;
        private long _last;

#pragma warning disable CA1051 // updated with Interlocked
        public int Running;
#pragma warning restore CA1051

        public bool TakeToken(long now, long frequency, double perSecond, double burst)
        {
            lock (_gate)
            {
                if (double.IsNaN(_tokens))
                    _tokens = burst;
                else
                    _tokens = Math.Min(burst, _tokens + ((now - _last) * perSecond / frequency));
                _last = now;
                if (_tokens < 1)
                    return false;
                _tokens -= 1;
                return true;
            }
        }
    }
}
