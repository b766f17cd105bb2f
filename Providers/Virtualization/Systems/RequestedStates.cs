using System.Collections.Concurrent;

namespace CimCloud.Providers.Virtualization.Systems;

/// <summary>The last RequestedState a client asked of each machine (CIM_EnabledLogicalElement.RequestedState).</summary>
internal sealed class RequestedStates
{
    /// <summary>5 "No Change": nothing was requested yet.</summary>
    public const ushort NoChange = 5;

    private readonly ConcurrentDictionary<string, ushort> _byUuid = new(StringComparer.OrdinalIgnoreCase);
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public ushort Get(string uuid) => _byUuid.GetValueOrDefault(uuid, NoChange);

    public void Set(string uuid, ushort requested)
    {
        _byUuid[uuid] = requested;
        Interlocked.Increment(ref _version);
    }

    public void Forget(string uuid)
    {
        _byUuid.TryRemove(uuid, out _);
        Interlocked.Increment(ref _version);
    }
}
