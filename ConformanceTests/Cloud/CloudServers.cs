using CimCloud.ConformanceTests.Serving;
using Xunit;

namespace CimCloud.ConformanceTests.Cloud;

/// <summary>One <c>cimcloud serve --provider NAME</c> per backend, started on first use and shared by a test class.</summary>
public sealed class CloudServers : IAsyncLifetime, IDisposable
{
    private readonly Dictionary<string, (CimCloudServer Server, CloudClient Client)> _running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<CloudClient> ClientAsync(string backend)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_running.TryGetValue(backend, out var entry))
            {
                var server = await CimCloudServer.StartAsync("--provider", backend);
                entry = (server, new CloudClient(new WsManSession(server.Endpoint), server));
                _running[backend] = entry;
            }

            return entry.Client;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (server, client) in _running.Values)
        {
            client.Session.Dispose();
            await server.DisposeAsync();
        }

        _running.Clear();
    }

    public void Dispose() => _gate.Dispose();
}
