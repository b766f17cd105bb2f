using System.Collections.Concurrent;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// The open enumeration contexts: at most a quota per user (more → <c>wsman:QuotaLimit</c>), found only by the user
/// who opened them, expired when idle. Expired contexts are dropped when looked up and by <see cref="Sweep"/>,
/// which the host runs periodically. Disposal runs in the background so no request waits for it.
/// </summary>
internal sealed class EnumerationContextStore(int quotaPerUser)
{
    private readonly ConcurrentDictionary<string, EnumerationContext> _contexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perUser = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Count => _contexts.Count;

    /// <summary>Takes one slot of <paramref name="user"/>'s quota, or throws QuotaLimit.</summary>
    public void Reserve(string user)
    {
        lock (_gate)
        {
            var used = _perUser.GetValueOrDefault(user);
            if (used >= quotaPerUser)
                throw WsManFaults.QuotaLimit($"user {user} already has {used} open enumeration contexts (the limit is {quotaPerUser}); release or finish some first");
            _perUser[user] = used + 1;
        }
    }

    /// <summary>Gives back a slot taken by <see cref="Reserve"/> that did not become a stored context.</summary>
    public void Unreserve(string user)
    {
        lock (_gate)
        {
            var used = _perUser.GetValueOrDefault(user);
            if (used <= 1)
                _perUser.Remove(user);
            else
                _perUser[user] = used - 1;
        }
    }

    /// <summary>Stores a context whose slot was reserved.</summary>
    public void Add(EnumerationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _contexts[context.Id] = context;
    }

    /// <summary>The live context with this id for this user; null when unknown, another user's, released or expired.</summary>
    public EnumerationContext? Find(string id, string user)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_contexts.TryGetValue(id.Trim(), out var context) || context.IsDisposed)
            return null;
        if (!string.Equals(context.User, user, StringComparison.Ordinal))
            return null;
        if (!context.IsBusy && context.IsExpired(Environment.TickCount64))
        {
            Remove(context);
            return null;
        }

        // In use again: restart its idle clock now, so the sweeper does not take it before the Pull gets hold of it.
        context.Touch();
        return context;
    }

    /// <summary>Forgets the context and disposes it in the background. False when it was already gone.</summary>
    public bool Remove(EnumerationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_contexts.TryRemove(new KeyValuePair<string, EnumerationContext>(context.Id, context)))
            return false;
        Unreserve(context.User);
        _ = Task.Run(async () => await context.DisposeAsync());
        return true;
    }

    /// <summary>Drops every expired idle context; returns how many.</summary>
    public int Sweep()
    {
        var now = Environment.TickCount64;
        var removed = 0;
        foreach (var context in _contexts.Values)
        {
            if (!context.IsBusy && context.IsExpired(now) && Remove(context))
                removed++;
        }

        return removed;
    }

    /// <summary>Drops every context (server shutdown).</summary>
    public async Task ClearAsync()
    {
        var all = _contexts.Values.ToArray();
        foreach (var context in all)
        {
            if (_contexts.TryRemove(new KeyValuePair<string, EnumerationContext>(context.Id, context)))
            {
                Unreserve(context.User);
                await context.DisposeAsync();
            }
        }
    }
}
