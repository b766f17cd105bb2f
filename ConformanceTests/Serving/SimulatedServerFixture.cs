using Xunit;

namespace CimCloud.ConformanceTests.Serving;

/// <summary>One <c>cimcloud serve</c> with the default backend (the simulated host) per test class, and a session to it.</summary>
public sealed class SimulatedServerFixture : IAsyncLifetime
{
    private CimCloudServer? _server;

    public CimCloudServer Server => _server ?? throw new InvalidOperationException("the server did not start");

    public WsManSession Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await CimCloudServer.StartAsync();
        Session = new WsManSession(_server.Endpoint);
    }

    public async Task DisposeAsync()
    {
        Session?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
