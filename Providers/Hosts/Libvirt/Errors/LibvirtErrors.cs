using CimCloud.Providers.Hosts.Libvirt.Native;

namespace CimCloud.Providers.Hosts.Libvirt.Errors;

/// <summary>
/// The one place where a libvirt error (virGetLastError, thread-local, read on the thread that made the failed
/// call) becomes a <see cref="HostException"/> with a <see cref="HostErrorKind"/>.
/// </summary>
internal static class LibvirtErrors
{
    public static HostErrorKind KindOf(LibvirtErrorCode code) => code switch
    {
        LibvirtErrorCode.NoDomain or LibvirtErrorCode.NoNetwork or LibvirtErrorCode.NoStoragePool
            or LibvirtErrorCode.NoStorageVolume or LibvirtErrorCode.NoDomainSnapshot
            or LibvirtErrorCode.DeviceMissing => HostErrorKind.NotFound,
        LibvirtErrorCode.DomainExists or LibvirtErrorCode.NetworkExists
            or LibvirtErrorCode.StorageVolumeExists => HostErrorKind.AlreadyExists,
        LibvirtErrorCode.InvalidArgument or LibvirtErrorCode.XmlError or LibvirtErrorCode.XmlDetail
            or LibvirtErrorCode.XmlInvalidSchema or LibvirtErrorCode.InvalidMac or LibvirtErrorCode.NoSource
            or LibvirtErrorCode.NoTarget or LibvirtErrorCode.NoName
            or LibvirtErrorCode.ConfigUnsupported => HostErrorKind.InvalidArgument,
        LibvirtErrorCode.OperationInvalid => HostErrorKind.InvalidState,
        LibvirtErrorCode.NoMemory => HostErrorKind.InsufficientResources,
        LibvirtErrorCode.ResourceBusy => HostErrorKind.InUse,
        LibvirtErrorCode.NoSupport or LibvirtErrorCode.ArgumentUnsupported
            or LibvirtErrorCode.OperationUnsupported => HostErrorKind.NotSupported,
        _ => HostErrorKind.Failed,
    };

    /// <summary>The exception for the call that just failed on this thread; <paramref name="operation"/> says what we tried.</summary>
    public static unsafe HostException LastError(string operation)
    {
        var error = LibvirtNative.virGetLastError();
        if (error is null)
            return new HostException(HostErrorKind.Failed, $"libvirt: {operation} failed (no error details)");

        var code = (LibvirtErrorCode)error->Code;
        var message = LibvirtNative.ReadBorrowed(error->Message) ?? $"error {error->Code}";
        LibvirtNative.virResetLastError();
        return new HostException(KindOf(code), $"libvirt: {operation} failed: {message}");
    }

    /// <summary>Throws for a failed int-returning call (negative means failure).</summary>
    public static int Check(int result, string operation) => result < 0 ? throw LastError(operation) : result;

    /// <summary>Throws for a failed handle-returning call (an invalid handle means failure).</summary>
    public static T Check<T>(T handle, string operation)
        where T : System.Runtime.InteropServices.SafeHandle
    {
        if (!handle.IsInvalid)
            return handle;
        handle.Dispose();
        throw LastError(operation);
    }
}
