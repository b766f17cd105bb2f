using System.Globalization;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Repository;

namespace CimCloud.Tools.CimXmlLoad;

/// <summary>
/// <c>Load_Item</c> in root/cimv2, the same shape tools/WsManLoad uses (about 1 KB as a WS-Man instance; CIM-XML,
/// with its TYPE attributes and the INSTANCENAME of VALUE.NAMEDINSTANCE, spends about 1.8 KB on it). Deterministic values.
/// </summary>
internal static class LoadModel
{
    public const string Namespace = "root/cimv2";
    public const string ItemClass = "Load_Item";

    private const string Mof = """
        class Load_Item {
            [Key] string Id;
            string Name;
            string Description;
            uint32 A;
            uint64 B;
            boolean C;
            datetime D;
            datetime Uptime;
            string Tags[];
            uint16 States[];
            string Owner;
            string Location;
            sint64 E;
            real64 F;
        };
        """;

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

    public static async Task<(CimRepository Repository, CimOperations Operations)> BuildAsync(int count)
    {
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions { DefaultNamespace = Namespace }).CompileText(Mof, "cimxml-load.mof");
        if (!result.Success)
            throw new InvalidOperationException("the load model did not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
        var operations = new CimOperations(repository, new Cimom.Providers.ProviderRegistry());
        var item = repository.GetNamespace(Namespace).Schema.FindClass(ItemClass)!;
        var random = new Random(20261128);
        var epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var instance = new CimInstance(item, Namespace);
            instance.SetValue("Id", "item-" + i.ToString("D7", CultureInfo.InvariantCulture));
            instance.SetValue("Name", "load item " + Text(random, 24));
            instance.SetValue("Description", Text(random, 300));
            instance.SetValue("A", (uint)random.Next());
            instance.SetValue("B", (ulong)random.NextInt64());
            instance.SetValue("C", (i & 1) == 0);
            instance.SetValue("D", CimDateTime.FromDateTimeOffset(epoch.AddSeconds(random.Next(0, 300_000_000))));
            instance.SetValue("Uptime", CimDateTime.FromTimeSpan(TimeSpan.FromSeconds(random.Next(0, 10_000_000))));
            instance.SetValue("Tags", new[] { "rack-" + Text(random, 6), "zone-" + Text(random, 6), "tier-" + Text(random, 6), "team-" + Text(random, 6) });
            instance.SetValue("States", new ushort[] { 2, (ushort)random.Next(0, 12), (ushort)random.Next(0, 12) });
            instance.SetValue("Owner", "owner-" + Text(random, 20));
            instance.SetValue("Location", "dc-" + Text(random, 40));
            instance.SetValue("E", random.NextInt64(long.MinValue, long.MaxValue));
            instance.SetValue("F", Math.Round(random.NextDouble() * 1e6, 3));
            await operations.CreateInstanceAsync(CimOperationContext.Default, instance);
        }

        return (repository, operations);
    }

    private static string Text(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = Letters[r.Next(Letters.Length)];
        });
}
