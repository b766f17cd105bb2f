using Microsoft.Win32.SafeHandles;

namespace CimCloud.Providers.Hosts.Libvirt.Native;

/// <summary>A libvirt connection (virConnectPtr); closing it drops one reference, released with virConnectClose.</summary>
internal sealed class ConnectHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConnectHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of a raw pointer from a libvirt list call.</summary>
    internal static ConnectHandle Own(IntPtr pointer)
    {
        var handle = new ConnectHandle();
        handle.SetHandle(pointer);
        return handle;
    }

    protected override bool ReleaseHandle() => LibvirtNative.virConnectClose(handle) >= 0;
}
