using System.Collections.Concurrent;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// The last N message IDs seen per authenticated user (DSP0226: a repeated MessageID is a duplicate request).
/// IDs compare without a leading <c>uuid:</c> and case-insensitively, so <c>uuid:ABC</c> and <c>abc</c> are the same.
/// Only IDs that are UUIDs are remembered: DSP0226 wants a uuid URN, and clients that send something else (Intel's
/// wsman-messages numbers messages 0, 1, 2 ... afresh in every session) cannot be told apart from a resend.
/// A request that faulted is forgotten again (<see cref="Forget"/>): curl-based clients such as Dell's wsl resend
/// the identical envelope once after an HTTP 500, and must see the real fault again, not "duplicate".
/// Thread-safe; one small lock per user.
/// </summary>
public sealed class MessageIdHistory
{
    private readonly ConcurrentDictionary<string, UserHistory> _users = new(StringComparer.Ordinal);
    private readonly int _capacity;

    public MessageIdHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>Records <paramref name="messageId"/> for <paramref name="user"/>; false when it was already among the remembered ones.</summary>
    public bool TryRecord(string user, string messageId)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(messageId);
        var id = Normalize(messageId);
        if (!Guid.TryParse(id, out _))
            return true;
        var history = _users.GetOrAdd(user, static (_, capacity) => new UserHistory(capacity), _capacity);
        return history.TryRecord(id);
    }

    /// <summary>Forgets <paramref name="messageId"/> again (its request faulted), so an identical resend is processed.</summary>
    public void Forget(string user, string messageId)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(messageId);
        if (_users.TryGetValue(user, out var history))
            history.Forget(Normalize(messageId));
    }

    private static string Normalize(string id)
    {
        var s = id.AsSpan().Trim();
        if (s.StartsWith("uuid:", StringComparison.OrdinalIgnoreCase))
            s = s[5..];
        return s.ToString().ToLowerInvariant();
    }

    private sealed class UserHistory(int capacity)
    {
        private readonly Lock _gate = new();
        private readonly HashSet<string> _set = new(StringComparer.Ordinal);
        private readonly string[] _ring = new string[capacity];
        private int _next;

        public bool TryRecord(string id)
        {
            lock (_gate)
            {
                if (!_set.Add(id))
                    return false;
                var old = _ring[_next];
                if (old is not null)
                    _set.Remove(old);
                _ring[_next] = id;
                _next = (_next + 1) % _ring.Length;
                return true;
            }
        }

        public void Forget(string id)
        {
            lock (_gate)
            {
                if (!_set.Remove(id))
                    return;
                // Clear its ring slot too, or that slot would later evict a re-recorded copy of the same ID early.
                var slot = Array.IndexOf(_ring, id);
                if (slot >= 0)
                    _ring[slot] = null!;
            }
        }
    }
}
