using System.Net;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// Bytes allocated per request, in-process: <see cref="GC.GetTotalAllocatedBytes(bool)"/> (precise) across a fixed
/// number of sequential requests on one connection, divided by the count. That figure covers the whole process — the
/// HttpClient side, Kestrel and the handler — so the same requests are also sent to the fixed-answer server (identical
/// bytes back, no WS-Man work); the difference is what the WS-Management pipeline itself allocates per request.
/// Three rounds after a warm-up; the median round is reported.
/// </summary>
internal static class AllocationProbe
{
    private const int Rounds = 3;

    /// <summary>
    /// Estimated bytes per request by type: <paramref name="requests"/> sequential requests to <paramref name="target"/>,
    /// then the same to <paramref name="fixedTarget"/>, with <see cref="AllocationTypeSampler"/> on. Returns, per type,
    /// (via target, via fixed target) in bytes per request.
    /// </summary>
    public static async Task<List<(string Type, double Target, double Fixed)>> TypesAsync(LoadHttpClient client, Uri target, Uri fixedTarget,
        EnvelopeTemplate template, int keyCount, int requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(template);
        using var sampler = new AllocationTypeSampler();
        var worker = new WorkerState(0);
        var random = new Random(7);
        async Task<(DateTime From, DateTime To)> WindowAsync(Uri uri)
        {
            var from = DateTime.UtcNow;
            for (var i = 0; i < requests; i++)
            {
                var length = template.Render(ref worker.Request, MessageNumbers.Next(), random.Next(keyCount));
                var (status, _) = await client.PostAsync(uri, worker.Request, length, worker.Response, cancellationToken);
                if (status != HttpStatusCode.OK)
                    throw new InvalidOperationException($"allocation type sampling: {uri} answered HTTP {(int)status}");
            }

            return (from, DateTime.UtcNow);
        }

        var (a0, a1) = await WindowAsync(target);
        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        var (b0, b1) = await WindowAsync(fixedTarget);
        await Task.Delay(AllocationTypeSampler.Latency, cancellationToken);
        var viaTarget = sampler.Window(a0, a1);
        var viaFixed = sampler.Window(b0, b1);
        return viaTarget.Keys.Union(viaFixed.Keys)
            .Select(t => (t, (double)viaTarget.GetValueOrDefault(t) / requests, (double)viaFixed.GetValueOrDefault(t) / requests))
            .OrderByDescending(x => x.Item2 - x.Item3)
            .ToList();
    }

    /// <summary>Bytes per request (median of the rounds) of <paramref name="template"/> posted to <paramref name="target"/>.</summary>
    public static async Task<double> MeasureAsync(LoadHttpClient client, Uri target, EnvelopeTemplate template, int keyCount, int requests,
        DateTime deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(template);
        var worker = new WorkerState(0);
        var random = new Random(42);
        async Task OneAsync()
        {
            var length = template.Render(ref worker.Request, MessageNumbers.Next(), random.Next(keyCount));
            var (status, read) = await client.PostAsync(target, worker.Request, length, worker.Response, cancellationToken);
            if (status != HttpStatusCode.OK || read == 0)
                throw new InvalidOperationException($"allocation probe: {target} answered HTTP {(int)status}: {worker.Response}");
        }

        for (var i = 0; i < Math.Max(200, requests / 10); i++)
            await OneAsync();

        var perRequest = new List<double>();
        for (var round = 0; round < Rounds && DateTime.UtcNow < deadline; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var done = 0;
            for (; done < requests && DateTime.UtcNow < deadline; done++)
                await OneAsync();
            var after = GC.GetTotalAllocatedBytes(precise: true);
            if (done > 0)
                perRequest.Add((double)(after - before) / done);
        }

        if (perRequest.Count == 0)
            throw new TimeoutException("allocation probe: out of time before the first round");
        perRequest.Sort();
        return perRequest[perRequest.Count / 2];
    }
}
