using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CimCloud.Cli.Cert;

/// <summary>Builds a self-signed TLS server certificate with System.Security.Cryptography.</summary>
internal static class SelfSignedCertificate
{
    /// <summary>The PFX bytes (certificate and private key); <paramref name="thumbprint"/> gets the SHA-256 thumbprint in hex.</summary>
    public static byte[] CreatePfx(IReadOnlyList<string> names, int days, string? password, out string thumbprint)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
            throw new ArgumentException("at least one subject name is needed", nameof(names));
        using var key = RSA.Create(2048);
        var subject = new X500DistinguishedName($"CN={names[0].Replace(",", string.Empty, StringComparison.Ordinal)}");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
                san.AddIpAddress(address);
            else
                san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false)); // serverAuth
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(days));
        thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
