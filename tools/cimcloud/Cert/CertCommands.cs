using System.CommandLine;
using System.Security.Cryptography;

namespace CimCloud.Cli.Cert;

/// <summary><c>cimcloud cert create</c>: a self-signed server certificate (PFX) for trying the https listener.</summary>
internal static class CertCommands
{
    public static Command Create()
    {
        var cert = new Command("cert", "Server certificates for 'cimcloud serve --https URL --cert FILE.pfx'.");
        cert.Subcommands.Add(CreateCreate());
        return cert;
    }

    private static Command CreateCreate()
    {
        var output = new Option<string>("--out", "-o") { Description = "The PFX (PKCS#12) file to write.", HelpName = "FILE.pfx", Required = true };
        var password = new Option<string?>("--password", "-p") { Description = "Password protecting the PFX (give it to serve as --cert-password).", HelpName = "P" };
        var dns = new Option<string[]>("--dns")
        {
            Description = "Subject alternative name (host name or IP address). Repeatable. Default: localhost, 127.0.0.1, ::1 and this machine's name.",
            HelpName = "NAME",
            AllowMultipleArgumentsPerToken = true,
        };
        var days = new Option<int>("--days") { Description = "Days the certificate is valid.", HelpName = "N", DefaultValueFactory = _ => 365 };
        var command = new Command("create", """
            Make a self-signed RSA-2048/SHA-256 server certificate for trials (clients must be told to trust it).
            Prints the file name and the certificate's SHA-256 thumbprint. Exit code 1 when the file cannot be written.
            """) { output, password, dns, days };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var validDays = parse.GetValue(days);
            if (validDays is < 1 or > 3650)
            {
                error.WriteLine("cimcloud cert create: --days must be between 1 and 3650");
                return CimCloudCli.ExitUsage;
            }

            var names = parse.GetValue(dns) is { Length: > 0 } given ? given : ["localhost", "127.0.0.1", "::1", Environment.MachineName];
            var path = parse.GetValue(output)!;
            try
            {
                var pfx = SelfSignedCertificate.CreatePfx(names, validDays, parse.GetValue(password), out var thumbprint);
                var folder = Path.GetDirectoryName(Path.GetFullPath(path));
                if (!string.IsNullOrEmpty(folder))
                    Directory.CreateDirectory(folder);
                File.WriteAllBytes(path, pfx);
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                parse.InvocationConfiguration.Output.WriteLine($"wrote {path} (SHA-256 {thumbprint}; subject names {string.Join(", ", names)})");
                return CimCloudCli.ExitOk;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
            {
                error.WriteLine($"cimcloud cert create: {e.Message}");
                return CimCloudCli.ExitFailed;
            }
        });
        return command;
    }
}
