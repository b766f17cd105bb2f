using System.CommandLine;

namespace CimCloud.Cli.Serve;

/// <summary>The options of <c>cimcloud serve</c>. Their names are a contract: tests and users script them.</summary>
internal sealed class ServeOptions
{
    public Option<string[]> Listen { get; } = new("--listen")
    {
        Description = "HTTP listen URL; the WS-Man endpoint is its path /wsman. Repeatable. Port 0 picks a free port. "
            + "Default: http://127.0.0.1:5985 (when no --listen and no --https is given).",
        HelpName = "URL",
    };

    public Option<string[]> Https { get; } = new("--https")
    {
        Description = "HTTPS listen URL (usually port 5986), served with --cert. Repeatable.",
        HelpName = "URL",
    };

    public Option<string?> Certificate { get; } = new("--cert")
    {
        Description = "PFX (PKCS#12) file with the server certificate and key for --https listeners.",
        HelpName = "PFX",
    };

    public Option<string?> CertificatePassword { get; } = new("--cert-password")
    {
        Description = "Password of the --cert file.",
        HelpName = "P",
    };

    public Option<string[]> Users { get; } = new("--user")
    {
        Description = "A user allowed in with HTTP Basic authentication, as NAME:PASSWORD. Repeatable.",
        HelpName = "NAME:PASSWORD",
    };

    public Option<string?> UsersFile { get; } = new("--users")
    {
        Description = "File of users, one NAME:PASSWORD per line ('#' starts a comment).",
        HelpName = "FILE",
    };

    public Option<string[]> Mof { get; } = new("--mof")
    {
        Description = "Extra MOF compiled at start into --namespace (all files as one unit). Repeatable.",
        HelpName = "FILE",
    };

    public Option<string> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "Namespace that --mof files (and --schema-dir) are compiled into, and the default namespace of requests without __cimnamespace.",
        HelpName = "NS",
        DefaultValueFactory = _ => "root/cimv2",
    };

    public Option<string?> SchemaDir { get; } = new("--schema-dir")
    {
        Description = "Folder of a full DMTF CIM Schema in MOF (the one holding cim_schema_<version>.mof); compiled at start before --mof. "
            + "With a --provider backend it replaces the embedded schema subset (the CIMCLOUD_ classes still go on top).",
        HelpName = "DIR",
    };

    public Option<bool> Lenient { get; } = new("--lenient")
    {
        Description = "Compile --mof files in lenient mode (vendor MOF quirks become warnings; see 'cimcloud mof compile --help').",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "JSON settings file (section CimCloud:WsMan: Urls, Users, UsersFile, MaxEnvelopeSize, OperationTimeout, ...). "
            + "Environment variables such as CimCloud__WsMan__Urls__0 apply too; command-line options win over both.",
        HelpName = "FILE",
    };

    public Option<string> Provider { get; } = new("--provider")
    {
        Description = "Host backend the virtualization providers manage: simulated (default; settings CimCloud:Simulated:* / "
            + "CimCloud__Simulated__*), libvirt[:URI], or none (no schema and no providers: only the repository and --mof). "
            + "With a backend the server loads its own schema into root/cimv2 and root/interop (alias interop).",
        HelpName = "NAME[:URI]",
        DefaultValueFactory = _ => HostBackends.Simulated,
    };

    public Option<string[]> ProviderAssembly { get; } = new("--provider-assembly")
    {
        Description = "A provider assembly (.dll) whose public ICimProviderModule types register more providers. Repeatable.",
        HelpName = "PATH",
    };

    public Option<double> ProviderTimeout { get; } = new("--provider-timeout")
    {
        Description = "Seconds one provider call may take before the operation times out (the server keeps serving); 0 = no limit.",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 30,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Listen, Https, Certificate, CertificatePassword, Users, UsersFile, Mof, Namespace, SchemaDir, Lenient, Config, Provider, ProviderAssembly, ProviderTimeout })
            command.Options.Add(option);
    }
}
