using System.Runtime;
using System.Runtime.InteropServices;

namespace CimCloud.Tools.WsManLoad;

/// <summary>The machine and runtime the figures come from, and the load average (<c>/proc/loadavg</c>) at a moment.</summary>
internal static class MachineInfo
{
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 3 ? $"{parts[0]} {parts[1]} {parts[2]}" : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var gc = GCSettings.IsServerGC ? "server" : "workstation";
        var concurrent = AppContext.TryGetSwitch("System.GC.Concurrent", out var on) && on ? "concurrent" : "non-concurrent";
        return $"{Environment.ProcessorCount} cores ({CpuModel()}), {Format.Mib(memory)} MiB available to the GC, "
            + $"{RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}, "
            + $"{gc} {concurrent} GC";
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
