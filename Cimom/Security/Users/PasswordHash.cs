using System.Security.Cryptography;
using System.Text;

namespace CimCloud.Cimom.Security.Users;

/// <summary>
/// A salted PBKDF2-HMAC-SHA256 password hash (per-user random salt, <see cref="DefaultIterations"/> rounds by default).
/// Only this is stored; the password never is.
/// </summary>
public sealed record PasswordHash(string Algorithm, int Iterations, byte[] Salt, byte[] Hash)
{
    public const string Pbkdf2Sha256 = "PBKDF2-SHA256";

    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>Fewer rounds than this are refused when reading a users file.</summary>
    public const int MinimumIterations = 600_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static PasswordHash Create(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new PasswordHash(Pbkdf2Sha256, iterations, salt, Derive(password, salt, iterations, HashBytes));
    }

    /// <summary>True when <paramref name="password"/> hashes to <see cref="Hash"/> (constant-time comparison).</summary>
    public bool Matches(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!string.Equals(Algorithm, Pbkdf2Sha256, StringComparison.OrdinalIgnoreCase) || Hash.Length == 0)
            return false;
        var derived = Derive(password, Salt, Iterations, Hash.Length);
        return CryptographicOperations.FixedTimeEquals(derived, Hash);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);
}
