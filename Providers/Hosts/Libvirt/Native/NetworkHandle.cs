using Microsoft.Win32.SafeHandles;

namespace CimCloud.Providers.Hosts.Libvirt.Native;

/// <summary>A libvirt network reference (virNetworkPtr), released with virNetworkFree.</summary>
internal sealed class NetworkHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public NetworkHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of a raw pointer from a libvirt list call.</summary>
    internal static NetworkHandle Own(IntPtr pointer)
    {
        var handle = new NetworkHandle();
        handle.SetHandle(pointer);
        return handle;
    }

    protected override bool ReleaseHandle() => LibvirtNative.virNetworkFree(handle) >= 0;
}
