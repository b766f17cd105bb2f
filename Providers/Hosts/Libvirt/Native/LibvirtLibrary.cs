using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CimCloud.Providers.Hosts.Libvirt.Native;

/// <summary>
/// Loads libvirt.so.0 once: a clear <see cref="HostException"/> when it is missing, libvirt initialized for
/// threads, and libvirt's default error printer (stderr) replaced by a silent one (errors are read per call).
/// </summary>
internal static unsafe class LibvirtLibrary
{
    public const string InstallHint = "install the libvirt client library (Debian/Ubuntu: apt-get install libvirt0)";

    private static readonly Lock InitializeLock = new();
    private static bool initialized;

    public static void EnsureLoaded()
    {
        lock (InitializeLock)
        {
            if (initialized)
                return;
            RequireLoadable(LibvirtNative.Library);
            try
            {
                if (LibvirtNative.virInitialize() < 0)
                    throw new HostException(HostErrorKind.Failed, "libvirt: virInitialize failed");
                LibvirtNative.virSetErrorFunc(IntPtr.Zero, &IgnoreError);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                throw new HostException(HostErrorKind.NotSupported, $"{LibvirtNative.Library} is unusable ({e.Message}): {InstallHint}", e);
            }

            initialized = true;
        }
    }

    /// <summary>Throws the install hint when the shared library <paramref name="library"/> cannot be loaded.</summary>
    internal static void RequireLoadable(string library)
    {
        if (!NativeLibrary.TryLoad(library, typeof(LibvirtLibrary).Assembly, null, out _))
            throw new HostException(HostErrorKind.NotSupported, $"{library} could not be loaded: {InstallHint}");
    }

    /// <summary>The library version as "major.minor.release" (e.g. 9.0.0).</summary>
    public static string Version()
    {
        EnsureLoaded();
        return LibvirtNative.virGetVersion(out var version, IntPtr.Zero, out _) < 0 ? "unknown" : FormatVersion(version);
    }

    public static string FormatVersion(nuint version) =>
        $"{version / 1_000_000}.{version / 1000 % 1000}.{version % 1000}";

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void IgnoreError(IntPtr userData, IntPtr error)
    {
    }
}
