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
        Description = "An administrator (every namespace) allowed in with HTTP Basic authentication, as NAME:PASSWORD. Repeatable.",
        HelpName = "NAME:PASSWORD",
    };

    public Option<string?> UsersFile { get; } = new("--users")
    {
        Description = "Users file made with 'cimcloud users add' (hashed passwords, roles per namespace). Plain NAME:PASSWORD files are refused.",
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

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Folder of the durable store (DIR/repository.db, SQLite): instances, classes, qualifiers and namespaces that clients "
            + "create, change or delete are written there before the request is answered and loaded back at the next start (on top of "
            + "--schema-dir/--mof, which are compiled at every start and never stored). Without it the server keeps everything in memory.",
        HelpName = "DIR",
    };

    public Option<bool> AllowUnencrypted { get; } = new("--allow-unencrypted")
    {
        Description = "Accept HTTP Basic over plain HTTP from other machines (WinRM's AllowUnencrypted). Without it, Basic over plain "
            + "HTTP works only on loopback connections and other clients get HTTP 403; use --https instead.",
    };

    public Option<string?> Audit { get; } = new("--audit")
    {
        Description = "Audit trail file: every change (create, modify, delete, method invocation, schema change), denial and login "
            + "failure appended as a JSON line (time, user, remoteAddress, operation, namespace, objectPath, outcome). Default with --data: DIR/audit.jsonl.",
        HelpName = "FILE",
    };

    public Option<bool> AuditReads { get; } = new("--audit-reads")
    {
        Description = "Also audit reads (get, enumerate, associations, queries).",
    };

    public Option<int?> MaxXmlDepth { get; } = new("--max-xml-depth")
    {
        Description = "Deepest XML element accepted in a request (default 64, the maximum); deeper → wsman:SchemaValidationError.",
        HelpName = "N",
    };

    public Option<int?> MaxEnvelopeSize { get; } = new("--max-envelope-size")
    {
        Description = "Largest request and response envelope in octets (default 153600); larger → wsman:EncodingLimit.",
        HelpName = "OCTETS",
    };

    public Option<int?> MaxConcurrentPerUser { get; } = new("--max-concurrent-per-user")
    {
        Description = "Requests one user may have in progress at once (default 256; 0 = unlimited); more → wsman:QuotaLimit.",
        HelpName = "N",
    };

    public Option<double?> MaxRequestsPerSecond { get; } = new("--max-requests-per-second")
    {
        Description = "Sustained requests per second per user, bursts of one second's worth (default 20000; 0 = unlimited); more → wsman:QuotaLimit.",
        HelpName = "N",
    };

    public Option<int?> RequestBurst { get; } = new("--request-burst")
    {
        Description = "Requests a user may send at once above --max-requests-per-second (default: one second's worth).",
        HelpName = "N",
    };

    public Option<int?> MaxEnumerationsPerUser { get; } = new("--max-enumerations-per-user")
    {
        Description = "Open enumeration contexts per user (default 64); more → wsman:QuotaLimit.",
        HelpName = "N",
    };

    public Option<string[]> CimXml { get; } = new("--cimxml")
    {
        Description = "Also serve CIM-XML (DSP0200, path /cimom) on this URL; repeatable, off by default. Without a value or with "
            + "'default': http://127.0.0.1:5988. https URLs (usually port 5989) use --cert. Same users and namespaces as WS-Man.",
        HelpName = "URL",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
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
        foreach (var option in new Option[] { Listen, Https, Certificate, CertificatePassword, Users, UsersFile, Mof, Namespace, SchemaDir, Lenient, Config, Data })
            command.Options.Add(option);
        foreach (var option in new Option[] { AllowUnencrypted, Audit, AuditReads, MaxXmlDepth, MaxEnvelopeSize, MaxConcurrentPerUser, MaxRequestsPerSecond, RequestBurst, MaxEnumerationsPerUser })
            command.Options.Add(option);
        foreach (var option in new Option[] { CimXml })
            command.Options.Add(option);
        foreach (var option in new Option[] { Provider, ProviderAssembly, ProviderTimeout })
            command.Options.Add(option);
    }
}
