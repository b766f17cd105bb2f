using System.Security.Cryptography;
using System.Text;
using CimCloud.Cimom.Security;

namespace CimCloud.WsManEndpoint.Security;

/// <summary>
/// The administrators given as <c>name:password</c> pairs on the command line or in settings (kept in memory only;
/// users files hold hashes, see <see cref="UserVerifiers"/>). Names compare case-insensitively, passwords in constant time.
/// </summary>
public sealed class UserStore : ICimCredentialVerifier
{
    private readonly Dictionary<string, (string Name, byte[] Password)> _users = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _users.Count;

    /// <summary>The users of <c>name:password</c> pairs (from the command line or settings; never read from a file at rest).</summary>
    public static UserStore Create(IEnumerable<string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var store = new UserStore();
        foreach (var pair in pairs)
            store.AddPair(pair, "the Users option");
        return store;
    }

    public void Add(string name, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(password);
        _users[name] = (name, Encoding.UTF8.GetBytes(password));
    }

    /// <summary>The user's configured name when the user exists and the password matches; otherwise null.</summary>
    public string? Verify(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        var given = Encoding.UTF8.GetBytes(password);
        if (!_users.TryGetValue(name, out var user))
        {
            // Same work either way, so timing does not tell whether the name exists.
            CryptographicOperations.FixedTimeEquals(given, given);
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(user.Password, given) ? user.Name : null;
    }

    /// <summary>Every user of this store is an administrator in every namespace.</summary>
    public CimPrincipal? Verify(string userName, string password, string? remoteAddress) =>
        Verify(userName, password) is { } name ? CimPrincipal.Administrator(name) : null;

    private void AddPair(string pair, string where)
    {
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            throw new FormatException($"{where}: '{Redact(pair)}' is not name:password");
        Add(pair[..colon].Trim(), pair[(colon + 1)..]);
    }

    private static string Redact(string pair) => pair.Length <= 2 ? pair : pair[..1] + "…";
}
