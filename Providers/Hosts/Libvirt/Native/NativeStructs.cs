using System.Runtime.InteropServices;

namespace CimCloud.Providers.Hosts.Libvirt.Native;

// Layouts of the libvirt public structs (libvirt-*.h); "unsigned long" is nuint (64-bit on Linux x64).

[StructLayout(LayoutKind.Sequential)]
internal struct VirDomainInfo
{
    public byte State;
    public nuint MaxMemKiB;
    public nuint MemoryKiB;
    public ushort VirtualCpus;
    public ulong CpuTimeNanoseconds;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct VirNodeInfo
{
    public fixed byte Model[32];
    public nuint MemoryKiB;
    public uint Cpus;
    public uint Mhz;
    public uint Nodes;
    public uint Sockets;
    public uint Cores;
    public uint Threads;
}

[StructLayout(LayoutKind.Sequential)]
internal struct VirDomainBlockStats
{
    public long ReadRequests;
    public long ReadBytes;
    public long WriteRequests;
    public long WriteBytes;
    public long Errors;
}

[StructLayout(LayoutKind.Sequential)]
internal struct VirDomainInterfaceStats
{
    public long ReceivedBytes;
    public long ReceivedPackets;
    public long ReceivedErrors;
    public long ReceivedDrops;
    public long TransmittedBytes;
    public long TransmittedPackets;
    public long TransmittedErrors;
    public long TransmittedDrops;
}

[StructLayout(LayoutKind.Sequential)]
internal struct VirStoragePoolInfo
{
    public int State;
    public ulong Capacity;
    public ulong Allocation;
    public ulong Available;
}

[StructLayout(LayoutKind.Sequential)]
internal struct VirStorageVolInfo
{
    public int Type;
    public ulong Capacity;
    public ulong Allocation;
}

/// <summary>The leading fields of virError (the rest is never read).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VirError
{
    public int Code;
    public int Domain;
    public IntPtr Message;
    public int Level;
}
