using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Security;
using CimCloud.CimXmlEndpoint.Hosting;
using Xunit;

namespace CimCloud.CimXmlEndpoint.Tests.Server;

/// <summary>A real <see cref="CimXmlServer"/> on 127.0.0.1:0 over a small MOF model with in-process providers.</summary>
public sealed class TestCimXmlServer : IAsyncLifetime, IAsyncDisposable
{
    public const string User = "alice";
    public const string Password = "pw";

    public const string Mof = """
        class Test_Setting {
            [Key] string Id;
            uint32 Cpus;
        };

        class Test_Vm {
            [Key] string Name;
            uint16 State;
            [EmbeddedInstance("Test_Setting")] string Current;
            [Static] uint32 Ping([In] string Text, [Out] string Echo);
            uint32 Resize([In] uint32 Memory, [In] string Labels[], [In, EmbeddedInstance("Test_Setting")] string Setting,
                [In] Test_Vm REF Peer, [Out] uint32 Previous);
            uint32 Fail();
        };

        class Test_Stream {
            [Key] uint32 N;
            string Payload;
        };

        instance of Test_Vm { Name = "vm1"; State = 2; };
        instance of Test_Vm { Name = "vm2"; State = 3; };
        """;

    private CimXmlServer? _server;

    public RecordingMethodProvider Methods { get; } = new();

    public StreamingInstanceProvider Stream { get; } = new();

    public CimRepository Repository { get; } = new();

    public CimXmlServerOptions Options { get; } = new() { Urls = ["http://127.0.0.1:0"], MaxOpenEnumerations = 4, HostName = "testhost" };

    public Uri Endpoint { get; private set; } = null!;

    public int Port => Endpoint.Port;

    public async Task InitializeAsync()
    {
        var result = new MofCompiler(Repository, new MofCompilerOptions { DefaultNamespace = "root/cimv2" }).CompileText(Mof, "test.mof");
        if (!result.Success)
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        var providers = new ProviderRegistry();
        providers.RegisterMethodProvider("root/cimv2", "Test_Vm", Methods);
        providers.RegisterInstanceProvider("root/cimv2", "Test_Stream", Stream);
        _server = new CimXmlServer(new CimOperations(Repository, providers), Repository, Options, new Verifier());
        Endpoint = new Uri((await _server.StartAsync()).Single());
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public int OpenEnumerations => _server?.OpenEnumerations ?? 0;

    private sealed class Verifier : ICimCredentialVerifier
    {
        public CimPrincipal? Verify(string userName, string password, string? remoteAddress) =>
            userName == User && password == Password ? new CimPrincipal(User, [new CimRoleGrant(CimRole.Operator)]) : null;
    }
}
