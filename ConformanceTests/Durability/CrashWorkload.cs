using System.Net;
using CimCloud.ConformanceTests.WsMan;

namespace CimCloud.ConformanceTests.Durability;

/// <summary>
/// Several WS-Man clients writing CCT_Base instances concurrently (Create, Put, Delete), each over its own instance IDs,
/// remembering per instance what was acknowledged and what is in flight. A client stops when <see cref="Total"/> writes
/// were sent or its request fails (the server was killed).
/// </summary>
internal sealed class CrashWorkload
{
    private const string TransferAction = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";

    private readonly Uri _endpoint;
    private readonly int _seed;
    private readonly TrackedInstance[][] _instances;
    private readonly List<string> _unexpected = [];
    private readonly TaskCompletionSource _killPoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _killAfter;
    private int _sent;
    private int _acknowledged;
    private volatile bool _killIssued;

    public CrashWorkload(Uri endpoint, string runId, int clients, int idsPerClient, int total, int killAfter, int seed)
    {
        _endpoint = endpoint;
        _seed = seed;
        Total = total;
        _killAfter = killAfter;
        _instances = Enumerable.Range(0, clients)
            .Select(c => Enumerable.Range(0, idsPerClient).Select(i => new TrackedInstance($"crash-{runId}-c{c}-{i}")).ToArray())
            .ToArray();
    }

    public int Total { get; }

    public int Sent => Volatile.Read(ref _sent);

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public IEnumerable<TrackedInstance> Instances => _instances.SelectMany(i => i);

    /// <summary>Answers that were neither success nor a dead server (faults, HTTP errors) while the server was up.</summary>
    public IReadOnlyList<string> Unexpected
    {
        get
        {
            lock (_unexpected)
                return _unexpected.ToList();
        }
    }

    /// <summary>Completes once <c>killAfter</c> writes were acknowledged (the clients keep writing).</summary>
    public Task KillPoint => _killPoint.Task;

    /// <summary>Runs every client until the total is sent or the server is gone.</summary>
    public Task RunAsync() => Task.WhenAll(_instances.Select((owned, client) => Task.Run(() => ClientAsync(client, owned))));

    /// <summary>
    /// Call right before killing the server: from now on a failed request is expected (the clients keep sending until
    /// theirs fail, so requests are in flight when the kill lands).
    /// </summary>
    public void KillIssued() => _killIssued = true;

    private async Task ClientAsync(int client, TrackedInstance[] owned)
    {
        var random = new Random(HashCode.Combine(_seed, client));
        var number = 0;
        while (Interlocked.Increment(ref _sent) <= Total)
        {
            var target = owned[random.Next(owned.Length)];
            var version = new BaseInstanceVersion(client, ++number);
            string action;
            string body = string.Empty;
            if (!target.Acknowledged.Exists)
            {
                action = "Create";
                body = version.Body(target.Id);
                target.InFlight = new InstanceState(version);
            }
            else if (random.Next(4) == 0)
            {
                action = "Delete";
                target.InFlight = InstanceState.Absent;
            }
            else
            {
                action = "Put";
                body = version.Body(target.Id);
                target.InFlight = new InstanceState(version);
            }

            var selectors = action == "Create" ? null : new[] { ("InstanceID", target.Id) };
            RawWsMan.Reply reply;
            try
            {
                reply = await RawWsMan.PostAsync(_endpoint, RawWsMan.Envelope(_endpoint, TransferAction + action, "CCT_Base", selectors, body));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                if (!_killIssued)
                    Report($"client {client}: {action} {target.Id} failed before the kill: {e.Message}");
                return;
            }

            if (reply.Status != HttpStatusCode.OK || SoapXml.Parse(reply.Body).Fault() is not null)
            {
                if (!_killIssued)
                    Report($"client {client}: {action} {target.Id} answered HTTP {(int)reply.Status}: {reply.Body}");
                return;
            }

            target.Acknowledged = target.InFlight!;
            target.InFlight = null;
            if (Interlocked.Increment(ref _acknowledged) == _killAfter)
                _killPoint.TrySetResult();
        }
    }

    private void Report(string problem)
    {
        lock (_unexpected)
            _unexpected.Add(problem);
        _killPoint.TrySetResult();
    }
}
