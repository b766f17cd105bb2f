using Microsoft.Win32.SafeHandles;

namespace CimCloud.Providers.Hosts.Libvirt.Native;

/// <summary>A libvirt storage pool reference (virStoragePoolPtr), released with virStoragePoolFree.</summary>
internal sealed class StoragePoolHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public StoragePoolHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of a raw pointer from a libvirt list call.</summary>
    internal static StoragePoolHandle Own(IntPtr pointer)
    {
        var handle = new StoragePoolHandle();
        handle.SetHandle(pointer);
        return handle;
    }

    protected override bool ReleaseHandle() => LibvirtNative.virStoragePoolFree(handle) >= 0;
}
