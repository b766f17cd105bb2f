using System.CommandLine;
using System.Runtime.InteropServices;
using CimCloud.Cimom.Operations.Isolation;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Security;
using CimCloud.WsManEndpoint.Hosting;
using CimCloud.WsManEndpoint.Security;
using Microsoft.Extensions.Logging;

namespace CimCloud.Cli.Serve;

/// <summary><c>cimcloud serve</c>: the WS-Management endpoint over an in-memory repository.</summary>
internal static class ServeCommand
{
    private const string Description = """
        Run the WS-Management (DSP0226/DSP0227) endpoint on Kestrel.

        Compiles --schema-dir and --mof files into --namespace, starts every listener and prints
        'listening on <url>/wsman' for each once it is ready (with the real port when 0 was asked for),
        then serves until SIGINT (Ctrl+C) or SIGTERM. Clients authenticate with HTTP Basic as one of the
        --user/--users accounts; Identify with the header 'WSMANIDENTIFY: unauthenticated' needs none.
        With --data DIR, client changes are stored durably in DIR and loaded back at start.
        With --cimxml it also serves CIM-XML (DSP0200) on '<url>/cimom' with the same users and namespaces.
        Roles per namespace come from the --users file (see 'cimcloud users --help'); --user accounts are
        administrators. Basic over plain HTTP is accepted on loopback only, unless --allow-unencrypted.
        --provider picks the host backend the virtualization providers manage (default simulated): the
        server then also loads its own schema into root/cimv2 and root/interop and serves the interop
        (DSP1033) and virtualization profiles; --provider-assembly adds third-party providers.
        Exit code 1: the MOF did not compile, a backend or provider assembly could not be loaded, the --data store cannot be opened or replayed, or a listener could not
        start; 2: bad command line.
        """;

    public static Command Create()
    {
        var options = new ServeOptions();
        var command = new Command("serve", Description);
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, options, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, ServeOptions o, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var @namespace = parse.GetValue(o.Namespace)!;
        WsManServerOptions settings;
        try
        {
            settings = WsManConfiguration.Load(parse.GetValue(o.Config));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or InvalidOperationException)
        {
            error.WriteLine($"cimcloud serve: cannot read settings: {e.Message}");
            return CimCloudCli.ExitFailed;
        }

        ApplyCommandLine(parse, o, settings, @namespace);
        var timeoutSeconds = parse.GetValue(o.ProviderTimeout);
        if (timeoutSeconds < 0 || double.IsNaN(timeoutSeconds) || timeoutSeconds > int.MaxValue / 1000.0)
        {
            error.WriteLine($"cimcloud serve: --provider-timeout {timeoutSeconds} must be between 0 (no limit) and {int.MaxValue / 1000} seconds");
            return CimCloudCli.ExitUsage;
        }

        Providers.Hosts.Simulated.SimulatedHostSettings simulated;
        Providers.ProviderSettings configured;
        try
        {
            simulated = ServeSettings.Simulated(parse.GetValue(o.Config));
            configured = ServeSettings.Providers(parse.GetValue(o.Config));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or InvalidOperationException)
        {
            error.WriteLine($"cimcloud serve: cannot read settings: {e.Message}");
            return CimCloudCli.ExitFailed;
        }

        // The command line wins over the CimCloud:Providers settings.
        var providerSpec = Given(parse, o.Provider) ? parse.GetValue(o.Provider)! : configured.Backend;
        var providerAssemblies = configured.Assemblies.Concat(parse.GetValue(o.ProviderAssembly) ?? []).ToList();
        var providerTimeout = Given(parse, o.ProviderTimeout)
            ? (timeoutSeconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(timeoutSeconds))
            : configured.Timeout;
        await using var host = HostBackends.Create(providerSpec, simulated, out var backendError);
        if (backendError is not null)
        {
            error.WriteLine($"cimcloud serve: {backendError}");
            return CimCloudCli.ExitFailed;
        }

        var repository = new CimRepository();
        if (!StartupSchema.Load(repository, @namespace, parse.GetValue(o.SchemaDir), parse.GetValue(o.Mof) ?? [], parse.GetValue(o.Lenient), error,
                withCimCloudSchema: host is not null))
        {
            return CimCloudCli.ExitFailed;
        }

        using var store = DurableStartup.Open(repository, settings.DataDirectory, output, error, out var storeFailed);
        if (storeFailed)
            return CimCloudCli.ExitFailed;

        using var security = ServeSecurity.Open(parse, o, settings, error);
        if (security is null)
            return CimCloudCli.ExitFailed;
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        var isolation = new ProviderIsolationOptions { Timeout = providerTimeout };
        await using var composition = await ServeComposition.CreateAsync(repository, host, providerAssemblies, isolation, loggerFactory,
            error, cancellationToken);
        if (composition is null)
            return CimCloudCli.ExitFailed;
        var operations = security.Secure(composition.Operations);
        await using var server = new WsManServer(operations, repository, settings, loggerFactory, security.Verifier);
        await using var cimXml = CimXmlServe.Create(parse, o, settings, operations, repository, security.Verifier, loggerFactory);
        try
        {
            foreach (var endpoint in await server.StartAsync(cancellationToken))
                output.WriteLine($"listening on {endpoint}");
            if (cimXml is not null)
            {
                foreach (var endpoint in await cimXml.StartAsync(cancellationToken))
                    output.WriteLine($"listening on {endpoint}");
            }

            output.Flush();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            error.WriteLine($"cimcloud serve: cannot start: {e.Message}");
            return CimCloudCli.ExitFailed;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, stop));
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, stop));
        await server.WaitForShutdownAsync(stop.Token);
        output.WriteLine("stopped");
        return CimCloudCli.ExitOk;
    }

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static void Stop(PosixSignalContext context, CancellationTokenSource stop)
    {
        context.Cancel = true;
        stop.Cancel();
    }

    private static void ApplyCommandLine(ParseResult parse, ServeOptions o, WsManServerOptions settings, string @namespace)
    {
        var urls = (parse.GetValue(o.Listen) ?? []).Concat(parse.GetValue(o.Https) ?? []).ToList();
        if (urls.Count > 0)
            settings.Urls = urls;
        if (parse.GetValue(o.Certificate) is { } cert)
            settings.CertificatePath = cert;
        if (parse.GetValue(o.CertificatePassword) is { } password)
            settings.CertificatePassword = password;
        settings.Users.AddRange(parse.GetValue(o.Users) ?? []);
        if (parse.GetValue(o.UsersFile) is { } usersFile)
            settings.UsersFile = usersFile;
        settings.DefaultNamespace = @namespace;
        if (parse.GetValue(o.Data) is { } data)
            settings.DataDirectory = data;

        ServeSecurity.ApplyOptions(parse, o, settings);
    }
}
