using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CimCloud.Cimom.Security.Users;

/// <summary>
/// Verifies credentials against the hashed accounts of a <see cref="UsersFile"/>. PBKDF2 at 600,000 rounds takes a
/// good fraction of a second, so a successful verification is remembered for <see cref="CacheLifetime"/> (keyed by
/// name and a SHA-256 of the password, never the password itself); failures are never cached. Names not in the file
/// go to <paramref name="fallback"/> (e.g. the command line's <c>--user</c> administrators). An unknown name costs
/// the same PBKDF2 work as a known one, so timing does not reveal which names exist.
/// </summary>
public sealed class UsersFileVerifier(IEnumerable<UserAccount> accounts, ICimCredentialVerifier? fallback = null, TimeProvider? time = null)
    : ICimCredentialVerifier
{
    private const int CacheLimit = 4096;
    private static readonly PasswordHash Dummy = PasswordHash.Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)), PasswordHash.DefaultIterations);

    private readonly Dictionary<string, UserAccount> _accounts = accounts.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (CimPrincipal Principal, long Expires)> _verified = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>How long a verified name and password are accepted without hashing again.</summary>
    public TimeSpan CacheLifetime { get; init; } = TimeSpan.FromMinutes(2);

    public int Count => _accounts.Count;

    public CimPrincipal? Verify(string userName, string password, string? remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (!_accounts.TryGetValue(userName, out var account))
        {
            if (fallback is not null)
                return fallback.Verify(userName, password, remoteAddress);
            Dummy.Matches(password);
            return null;
        }

        var key = CacheKey(account.Name, password);
        var now = _time.GetTimestamp();
        if (_verified.TryGetValue(key, out var known) && now < known.Expires)
            return known.Principal;
        if (!account.Password.Matches(password))
            return null;
        var principal = account.ToPrincipal();
        if (_verified.Count >= CacheLimit)
            _verified.Clear();
        _verified[key] = (principal, now + (long)(CacheLifetime.TotalSeconds * _time.TimestampFrequency));
        return principal;
    }

    private static string CacheKey(string name, string password)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name.ToUpperInvariant() + "\0" + password), digest);
        return Convert.ToBase64String(digest);
    }
}
