using Microsoft.Extensions.Hosting;

namespace CimCloud.WsManEndpoint.Hosting;

/// <summary>
/// The host lifetime of the embedded web application: it does nothing. The default console lifetime would take over
/// Ctrl+C and SIGTERM (stopping Kestrel but leaving the caller waiting); the process that embeds the server owns its
/// signals and stops the server through its cancellation token.
/// </summary>
internal sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
