using System.Diagnostics;

namespace CimCloud.Tools.CimXmlLoad;

/// <summary>Samples the process working set and the managed heap every 20 ms while a run goes on; keeps the peaks.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler()
    {
        _loop = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
                PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetTotalMemory(false));
                try
                {
                    await Task.Delay(20, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
    }

    public long PeakWorkingSet { get; private set; }

    public long PeakManagedHeap { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
