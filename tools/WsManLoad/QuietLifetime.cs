using Microsoft.Extensions.Hosting;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// Host lifetime of the fixed-answer app: does nothing, so the default console lifetime does not take over Ctrl+C and
/// SIGTERM (the driver owns its signals and stops the app itself), as <c>WsManServer</c> does for its own app.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
