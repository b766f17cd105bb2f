using Microsoft.Extensions.Hosting;

namespace CimCloud.CimXmlEndpoint.Hosting;

internal sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
