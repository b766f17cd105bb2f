using System.Runtime.InteropServices;

namespace CimCloud.Providers.Hosts.Libvirt.Native;

/// <summary>
/// The libvirt C API calls this backend uses (source-generated P/Invoke into libvirt.so.0; no headers needed
/// at run time). Functions that return an owned char* use <c>string</c> (the marshaller frees it); functions
/// that return a borrowed const char* return <see cref="IntPtr"/> and are read with <see cref="ReadBorrowed"/>.
/// </summary>
internal static unsafe partial class LibvirtNative
{
    internal const string Library = "libvirt.so.0";

    internal static string? ReadBorrowed(IntPtr text) => text == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(text);

    // Library and errors
    [LibraryImport(Library)]
    internal static partial int virInitialize();

    [LibraryImport(Library)]
    internal static partial int virGetVersion(out nuint libVersion, IntPtr type, out nuint typeVersion);

    [LibraryImport(Library)]
    internal static partial void virSetErrorFunc(IntPtr userData, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> handler);

    [LibraryImport(Library)]
    internal static partial VirError* virGetLastError();

    [LibraryImport(Library)]
    internal static partial void virResetLastError();

    // Connection and node
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ConnectHandle virConnectOpen(string name);

    [LibraryImport(Library)]
    internal static partial int virConnectClose(IntPtr connection);

    [LibraryImport(Library)]
    internal static partial IntPtr virConnectGetType(ConnectHandle connection);

    [LibraryImport(Library)]
    internal static partial int virConnectGetVersion(ConnectHandle connection, out nuint version);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial string? virConnectGetHostname(ConnectHandle connection);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial string? virConnectGetCapabilities(ConnectHandle connection);

    [LibraryImport(Library)]
    internal static partial int virNodeGetInfo(ConnectHandle connection, out VirNodeInfo info);

    // Domains
    [LibraryImport(Library)]
    internal static partial int virConnectListAllDomains(ConnectHandle connection, out IntPtr* domains, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DomainHandle virDomainLookupByUUIDString(ConnectHandle connection, string uuid);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DomainHandle virDomainLookupByName(ConnectHandle connection, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DomainHandle virDomainDefineXML(ConnectHandle connection, string xml);

    [LibraryImport(Library)]
    internal static partial int virDomainFree(IntPtr domain);

    [LibraryImport(Library)]
    internal static partial IntPtr virDomainGetName(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainGetUUIDString(DomainHandle domain, byte* buffer);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial string? virDomainGetXMLDesc(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainGetState(DomainHandle domain, out int state, out int reason, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainGetInfo(DomainHandle domain, out VirDomainInfo info);

    [LibraryImport(Library)]
    internal static partial int virDomainIsPersistent(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainIsActive(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainHasManagedSaveImage(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainGetAutostart(DomainHandle domain, out int autostart);

    [LibraryImport(Library)]
    internal static partial int virDomainSetAutostart(DomainHandle domain, int autostart);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virDomainRename(DomainHandle domain, string newName, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainUndefineFlags(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainCreate(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainDestroy(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainShutdown(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainSuspend(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainResume(DomainHandle domain);

    [LibraryImport(Library)]
    internal static partial int virDomainManagedSave(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainReboot(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    internal static partial int virDomainReset(DomainHandle domain, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virDomainBlockStats(DomainHandle domain, string disk, out VirDomainBlockStats stats, nuint size);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int virDomainInterfaceStats(DomainHandle domain, string device, out VirDomainInterfaceStats stats, nuint size);

    // Storage
    [LibraryImport(Library)]
    internal static partial int virConnectListAllStoragePools(ConnectHandle connection, out IntPtr* pools, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial StoragePoolHandle virStoragePoolLookupByName(ConnectHandle connection, string name);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolFree(IntPtr pool);

    [LibraryImport(Library)]
    internal static partial IntPtr virStoragePoolGetName(StoragePoolHandle pool);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolGetInfo(StoragePoolHandle pool, out VirStoragePoolInfo info);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolIsActive(StoragePoolHandle pool);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolRefresh(StoragePoolHandle pool, uint flags);

    [LibraryImport(Library)]
    internal static partial int virStoragePoolListAllVolumes(StoragePoolHandle pool, out IntPtr* volumes, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial StorageVolumeHandle virStorageVolLookupByName(StoragePoolHandle pool, string name);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial StorageVolumeHandle virStorageVolLookupByPath(ConnectHandle connection, string path);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial StorageVolumeHandle virStorageVolCreateXML(StoragePoolHandle pool, string xml, uint flags);

    [LibraryImport(Library)]
    internal static partial int virStorageVolDelete(StorageVolumeHandle volume, uint flags);

    [LibraryImport(Library)]
    internal static partial int virStorageVolFree(IntPtr volume);

    [LibraryImport(Library)]
    internal static partial IntPtr virStorageVolGetName(StorageVolumeHandle volume);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial string? virStorageVolGetPath(StorageVolumeHandle volume);

    [LibraryImport(Library)]
    internal static partial int virStorageVolGetInfo(StorageVolumeHandle volume, out VirStorageVolInfo info);

    // Networks
    [LibraryImport(Library)]
    internal static partial int virConnectListAllNetworks(ConnectHandle connection, out IntPtr* networks, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial NetworkHandle virNetworkLookupByName(ConnectHandle connection, string name);

    [LibraryImport(Library)]
    internal static partial int virNetworkFree(IntPtr network);

    [LibraryImport(Library)]
    internal static partial IntPtr virNetworkGetName(NetworkHandle network);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial string? virNetworkGetBridgeName(NetworkHandle network);

    [LibraryImport(Library)]
    internal static partial int virNetworkIsActive(NetworkHandle network);
}
