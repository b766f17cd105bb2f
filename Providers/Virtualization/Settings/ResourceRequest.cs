using CimCloud.Providers.Hosts;

namespace CimCloud.Providers.Virtualization.Settings;

/// <summary>What one client RASD asks for; <see cref="InstanceId"/> is the RASD's InstanceID when given (ModifyResourceSettings).</summary>
internal abstract record ResourceRequest(string? InstanceId);

internal sealed record ProcessorRequest(string? InstanceId, int VirtualCpus) : ResourceRequest(InstanceId);

internal sealed record MemoryRequest(string? InstanceId, ulong Bytes, ulong? LimitBytes) : ResourceRequest(InstanceId);

/// <summary>A disk; a null <see cref="Target"/> gets the next free vdX.</summary>
internal sealed record DiskRequest(string? InstanceId, string? Target, DiskDefinition Disk) : ResourceRequest(InstanceId);

/// <summary>A NIC; <see cref="MacGiven"/> is false when the RASD had no Address (a MAC was generated).</summary>
internal sealed record NicRequest(string? InstanceId, NicDefinition Nic, bool MacGiven = true) : ResourceRequest(InstanceId);
