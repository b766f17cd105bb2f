using Microsoft.Win32.SafeHandles;

namespace CimCloud.Providers.Hosts.Libvirt.Native;

/// <summary>A libvirt domain reference (virDomainPtr), released with virDomainFree.</summary>
internal sealed class DomainHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DomainHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of a raw pointer from a libvirt list call.</summary>
    internal static DomainHandle Own(IntPtr pointer)
    {
        var handle = new DomainHandle();
        handle.SetHandle(pointer);
        return handle;
    }

    protected override bool ReleaseHandle() => LibvirtNative.virDomainFree(handle) >= 0;
}
