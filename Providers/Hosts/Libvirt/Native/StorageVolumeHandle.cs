using Microsoft.Win32.SafeHandles;

namespace CimCloud.Providers.Hosts.Libvirt.Native;

/// <summary>A libvirt storage volume reference (virStorageVolPtr), released with virStorageVolFree.</summary>
internal sealed class StorageVolumeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public StorageVolumeHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of a raw pointer from a libvirt list call.</summary>
    internal static StorageVolumeHandle Own(IntPtr pointer)
    {
        var handle = new StorageVolumeHandle();
        handle.SetHandle(pointer);
        return handle;
    }

    protected override bool ReleaseHandle() => LibvirtNative.virStorageVolFree(handle) >= 0;
}
