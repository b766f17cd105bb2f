using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using CimCloud.WsManEndpoint.Hosting;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>
/// Two real servers on <c>http://127.0.0.1:0</c> over one repository holding <c>cct.mof</c> in root/cimv2: the main one
/// (a method provider for CCT_Host; CCT_Slow in root/slow, whose provider takes 1.5 s per answer; 300 CCT_Small in root/many) and a "tight" one (no providers, 1 s enumeration idle expiry, 3 contexts per user).
/// </summary>
public sealed class ServerFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string User = "alice";
    public const string Password = "s3cret";
    public const string OtherUser = "bob";
    public const string OtherPassword = "hunter2";

    private WsManServer? _main;
    private WsManServer? _tight;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public Uri TightEndpoint { get; private set; } = new("http://127.0.0.1/");

    public bool IsAvailable => _main is not null;

    public async Task InitializeAsync()
    {
        if (ServerTestData.FixtureFile is not { } mof)
            return;
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions()).CompileFile(mof);
        if (!result.Success)
            throw new InvalidOperationException("cct.mof did not compile: " + string.Join(Environment.NewLine, result.Errors));

        var slow = new MofCompiler(repository, new MofCompilerOptions { DefaultNamespace = "root/slow" }).CompileText(SlowProvider.Mof, "slow.mof");
        if (!slow.Success)
            throw new InvalidOperationException("slow.mof did not compile: " + string.Join(Environment.NewLine, slow.Errors));

        var many = new MofCompiler(repository, new MofCompilerOptions { DefaultNamespace = "root/many" }).CompileText(ManyMof(), "many.mof");
        if (!many.Success)
            throw new InvalidOperationException("many.mof did not compile: " + string.Join(Environment.NewLine, many.Errors));

        var providers = new ProviderRegistry();
        providers.Register("root/cimv2", "CCT_Host", new HostMethodProvider());
        providers.Register("root/slow", "CCT_Slow", new SlowProvider());
        _main = new WsManServer(new CimOperations(repository, providers), repository, Options());
        Endpoint = new Uri((await _main.StartAsync())[0]);

        var tightOptions = Options();
        tightOptions.EnumerationIdleTimeout = TimeSpan.FromSeconds(1);
        tightOptions.SweepInterval = TimeSpan.FromMilliseconds(200);
        tightOptions.MaxEnumerationContextsPerUser = 3;
        _tight = new WsManServer(new CimOperations(repository, new ProviderRegistry()), repository, tightOptions);
        TightEndpoint = new Uri((await _tight.StartAsync())[0]);
    }

    public async Task DisposeAsync()
    {
        if (_main is not null)
            await _main.DisposeAsync();
        if (_tight is not null)
            await _tight.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>Number of CCT_Small instances in root/many (small items of varied size, for batch-size tests).</summary>
    public const int SmallCount = 300;

    private static string ManyMof()
    {
        var mof = new System.Text.StringBuilder("class CCT_Small { [Key] uint32 Id; string Note; };\n");
        for (var i = 0; i < SmallCount; i++)
            mof.Append(System.Globalization.CultureInfo.InvariantCulture, $"instance of CCT_Small {{ Id = {i}; Note = \"{new string('n', i % 37)}\"; }};\n");
        return mof.ToString();
    }

    private static WsManServerOptions Options() => new()
    {
        Urls = ["http://127.0.0.1:0"],
        Users = [$"{User}:{Password}", $"{OtherUser}:{OtherPassword}"],
    };
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "WS-Man server";
}
