using CimCloud.Providers.Hosts.Libvirt.Errors;
using CimCloud.Providers.Hosts.Libvirt.Native;

namespace CimCloud.Providers.Hosts.Libvirt;

/// <summary>
/// One open libvirt connection and the native calls made on it, each checked through <see cref="LibvirtErrors"/>.
/// Not thread-safe by itself: <see cref="LibvirtHost"/> serializes every call so a failed call's thread-local
/// libvirt error is read on the thread that made it.
/// </summary>
internal sealed unsafe class LibvirtConnection : IDisposable
{
    private const uint XmlInactive = 2;
    private const uint UndefineManagedSaveAndSnapshots = 1 | 2;

    private readonly ConnectHandle connection;

    private LibvirtConnection(ConnectHandle connection, string uri)
    {
        this.connection = connection;
        Uri = uri;
    }

    public string Uri { get; }

    public static LibvirtConnection Open(string uri)
    {
        LibvirtLibrary.EnsureLoaded();
        var handle = LibvirtNative.virConnectOpen(uri);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            var error = LibvirtErrors.LastError($"opening connection '{uri}'");
            throw new HostException(error.Kind == HostErrorKind.NotFound ? HostErrorKind.Failed : error.Kind, error.Message);
        }

        return new LibvirtConnection(handle, uri);
    }

    public void Dispose() => connection.Dispose();

    // Host
    public string HypervisorType() => LibvirtNative.ReadBorrowed(LibvirtNative.virConnectGetType(connection))
        ?? throw LibvirtErrors.LastError("virConnectGetType");

    public string HypervisorVersion()
    {
        LibvirtErrors.Check(LibvirtNative.virConnectGetVersion(connection, out var version), "virConnectGetVersion");
        return LibvirtLibrary.FormatVersion(version);
    }

    public string Hostname() => LibvirtNative.virConnectGetHostname(connection) ?? throw LibvirtErrors.LastError("virConnectGetHostname");

    public string Capabilities() => LibvirtNative.virConnectGetCapabilities(connection) ?? throw LibvirtErrors.LastError("virConnectGetCapabilities");

    public VirNodeInfo NodeInfo()
    {
        LibvirtErrors.Check(LibvirtNative.virNodeGetInfo(connection, out var info), "virNodeGetInfo");
        return info;
    }

    // Domains
    public List<DomainHandle> Domains()
    {
        var count = LibvirtErrors.Check(LibvirtNative.virConnectListAllDomains(connection, out var list, 0), "virConnectListAllDomains");
        return TakeList(list, count, DomainHandle.Own);
    }

    public DomainHandle? FindDomain(string uuid) => Found(LibvirtNative.virDomainLookupByUUIDString(connection, uuid), "virDomainLookupByUUIDString");

    public DomainHandle? FindDomainByName(string name) => Found(LibvirtNative.virDomainLookupByName(connection, name), "virDomainLookupByName");

    public DomainHandle DefineDomain(string xml) => LibvirtErrors.Check(LibvirtNative.virDomainDefineXML(connection, xml), "virDomainDefineXML");

    public static string DomainName(DomainHandle domain) =>
        LibvirtNative.ReadBorrowed(LibvirtNative.virDomainGetName(domain)) ?? throw LibvirtErrors.LastError("virDomainGetName");

    public static string DomainUuid(DomainHandle domain)
    {
        var buffer = stackalloc byte[37];
        LibvirtErrors.Check(LibvirtNative.virDomainGetUUIDString(domain, buffer), "virDomainGetUUIDString");
        return new string((sbyte*)buffer, 0, 36).ToLowerInvariant();
    }

    /// <summary>The persistent configuration when there is one (<paramref name="inactive"/>), else the live one.</summary>
    public static string DomainXml(DomainHandle domain, bool inactive) =>
        LibvirtNative.virDomainGetXMLDesc(domain, inactive ? XmlInactive : 0) ?? throw LibvirtErrors.LastError("virDomainGetXMLDesc");

    public static (int State, int Reason) DomainState(DomainHandle domain)
    {
        LibvirtErrors.Check(LibvirtNative.virDomainGetState(domain, out var state, out var reason, 0), "virDomainGetState");
        return (state, reason);
    }

    public static VirDomainInfo DomainInfo(DomainHandle domain)
    {
        LibvirtErrors.Check(LibvirtNative.virDomainGetInfo(domain, out var info), "virDomainGetInfo");
        return info;
    }

    public static bool IsPersistent(DomainHandle domain) => LibvirtErrors.Check(LibvirtNative.virDomainIsPersistent(domain), "virDomainIsPersistent") == 1;

    public static bool IsActive(DomainHandle domain) => LibvirtErrors.Check(LibvirtNative.virDomainIsActive(domain), "virDomainIsActive") == 1;

    public static bool HasManagedSave(DomainHandle domain) =>
        LibvirtErrors.Check(LibvirtNative.virDomainHasManagedSaveImage(domain, 0), "virDomainHasManagedSaveImage") == 1;

    public static bool AutoStart(DomainHandle domain)
    {
        LibvirtErrors.Check(LibvirtNative.virDomainGetAutostart(domain, out var autostart), "virDomainGetAutostart");
        return autostart != 0;
    }

    public static void SetAutoStart(DomainHandle domain, bool autostart) =>
        LibvirtErrors.Check(LibvirtNative.virDomainSetAutostart(domain, autostart ? 1 : 0), "virDomainSetAutostart");

    public static void Rename(DomainHandle domain, string name) =>
        LibvirtErrors.Check(LibvirtNative.virDomainRename(domain, name, 0), "virDomainRename");

    public static void Undefine(DomainHandle domain) =>
        LibvirtErrors.Check(LibvirtNative.virDomainUndefineFlags(domain, UndefineManagedSaveAndSnapshots), "virDomainUndefineFlags");

    public static void Run(int result, string operation) => LibvirtErrors.Check(result, operation);

    public static VirDomainBlockStats BlockStats(DomainHandle domain, string target)
    {
        LibvirtErrors.Check(
            LibvirtNative.virDomainBlockStats(domain, target, out var stats, (nuint)sizeof(VirDomainBlockStats)),
            $"virDomainBlockStats({target})");
        return stats;
    }

    public static VirDomainInterfaceStats InterfaceStats(DomainHandle domain, string device)
    {
        LibvirtErrors.Check(
            LibvirtNative.virDomainInterfaceStats(domain, device, out var stats, (nuint)sizeof(VirDomainInterfaceStats)),
            $"virDomainInterfaceStats({device})");
        return stats;
    }

    // Storage
    public List<StoragePoolHandle> Pools()
    {
        var count = LibvirtErrors.Check(LibvirtNative.virConnectListAllStoragePools(connection, out var list, 0), "virConnectListAllStoragePools");
        return TakeList(list, count, StoragePoolHandle.Own);
    }

    public StoragePoolHandle? FindPool(string name) => Found(LibvirtNative.virStoragePoolLookupByName(connection, name), "virStoragePoolLookupByName");

    public static string PoolName(StoragePoolHandle pool) =>
        LibvirtNative.ReadBorrowed(LibvirtNative.virStoragePoolGetName(pool)) ?? throw LibvirtErrors.LastError("virStoragePoolGetName");

    public static VirStoragePoolInfo PoolInfo(StoragePoolHandle pool)
    {
        LibvirtErrors.Check(LibvirtNative.virStoragePoolGetInfo(pool, out var info), "virStoragePoolGetInfo");
        return info;
    }

    public static bool IsActive(StoragePoolHandle pool) => LibvirtErrors.Check(LibvirtNative.virStoragePoolIsActive(pool), "virStoragePoolIsActive") == 1;

    public static List<StorageVolumeHandle> Volumes(StoragePoolHandle pool)
    {
        var count = LibvirtErrors.Check(LibvirtNative.virStoragePoolListAllVolumes(pool, out var list, 0), "virStoragePoolListAllVolumes");
        return TakeList(list, count, StorageVolumeHandle.Own);
    }

    public static StorageVolumeHandle? FindVolume(StoragePoolHandle pool, string name) =>
        Found(LibvirtNative.virStorageVolLookupByName(pool, name), "virStorageVolLookupByName");

    public StorageVolumeHandle? FindVolumeByPath(string path) => Found(LibvirtNative.virStorageVolLookupByPath(connection, path), "virStorageVolLookupByPath");

    public static StorageVolumeHandle CreateVolume(StoragePoolHandle pool, string xml) =>
        LibvirtErrors.Check(LibvirtNative.virStorageVolCreateXML(pool, xml, 0), "virStorageVolCreateXML");

    public static void DeleteVolume(StorageVolumeHandle volume) => LibvirtErrors.Check(LibvirtNative.virStorageVolDelete(volume, 0), "virStorageVolDelete");

    public static string VolumeName(StorageVolumeHandle volume) =>
        LibvirtNative.ReadBorrowed(LibvirtNative.virStorageVolGetName(volume)) ?? throw LibvirtErrors.LastError("virStorageVolGetName");

    public static string VolumePath(StorageVolumeHandle volume) =>
        LibvirtNative.virStorageVolGetPath(volume) ?? throw LibvirtErrors.LastError("virStorageVolGetPath");

    public static VirStorageVolInfo VolumeInfo(StorageVolumeHandle volume)
    {
        LibvirtErrors.Check(LibvirtNative.virStorageVolGetInfo(volume, out var info), "virStorageVolGetInfo");
        return info;
    }

    // Networks
    public List<NetworkHandle> Networks()
    {
        var count = LibvirtErrors.Check(LibvirtNative.virConnectListAllNetworks(connection, out var list, 0), "virConnectListAllNetworks");
        return TakeList(list, count, NetworkHandle.Own);
    }

    public NetworkHandle? FindNetwork(string name) => Found(LibvirtNative.virNetworkLookupByName(connection, name), "virNetworkLookupByName");

    public static string NetworkName(NetworkHandle network) =>
        LibvirtNative.ReadBorrowed(LibvirtNative.virNetworkGetName(network)) ?? throw LibvirtErrors.LastError("virNetworkGetName");

    /// <summary>The bridge device, or null for a network without one.</summary>
    public static string? NetworkBridge(NetworkHandle network)
    {
        var bridge = LibvirtNative.virNetworkGetBridgeName(network);
        if (bridge is null)
            LibvirtNative.virResetLastError();
        return bridge;
    }

    public static bool IsActive(NetworkHandle network) => LibvirtErrors.Check(LibvirtNative.virNetworkIsActive(network), "virNetworkIsActive") == 1;

    /// <summary>A lookup: the handle, null when libvirt says the object does not exist, an exception for any other failure.</summary>
    private static T? Found<T>(T handle, string operation)
        where T : System.Runtime.InteropServices.SafeHandle
    {
        if (!handle.IsInvalid)
            return handle;
        handle.Dispose();
        var error = LibvirtErrors.LastError(operation);
        return error.Kind == HostErrorKind.NotFound ? null : throw error;
    }

    /// <summary>Wraps each pointer of a libvirt-allocated list in its handle, then frees the list itself.</summary>
    private static List<T> TakeList<T>(IntPtr* list, int count, Func<IntPtr, T> own)
    {
        var handles = new List<T>(count);
        for (var i = 0; i < count; i++)
            handles.Add(own(list[i]));
        System.Runtime.InteropServices.NativeMemory.Free(list);
        return handles;
    }
}
