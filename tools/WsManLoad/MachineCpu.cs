using System.Globalization;

namespace CimCloud.Tools.WsManLoad;

/// <summary>Machine-wide CPU time from the first line of <c>/proc/stat</c> (in jiffies): busy and total. Zeros where unavailable.</summary>
internal readonly record struct MachineCpu(long Busy, long Total)
{
    public static MachineCpu Now()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            var line = reader.ReadLine();
            if (line is null || !line.StartsWith("cpu ", StringComparison.Ordinal))
                return default;
            var fields = line[4..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            if (fields.Length < 5)
                return default;

            // user nice system idle iowait irq softirq steal [guest guest_nice: already inside user/nice]
            var total = fields.Take(Math.Min(8, fields.Length)).Sum();
            var idle = fields[3] + fields[4];
            return new MachineCpu(total - idle, total);
        }
        catch (IOException)
        {
            return default;
        }
        catch (UnauthorizedAccessException)
        {
            return default;
        }
    }
}
