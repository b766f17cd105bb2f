using System.Globalization;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Repository;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// The generated model: <c>Load_Item</c> (sized so one serialized instance is about 1 KB) and <c>Load_Small</c>
/// (shaped like the conformance fixture's <c>CCT_Base</c>), each with <c>count</c> instances in root/cimv2.
/// Values are deterministic (fixed seed) and have fixed lengths, so every instance serializes to about the same size.
/// </summary>
internal static class LoadModel
{
    public const string Namespace = "root/cimv2";
    public const string ItemClass = "Load_Item";
    public const string SmallClass = "Load_Small";
    public const string ItemKeyProperty = "Id";
    public const string SmallKeyProperty = "InstanceID";

    /// <summary>Key values are this prefix plus the index as seven digits (<see cref="KeyDigits"/>).</summary>
    public const string ItemKeyPrefix = "item-";
    public const string SmallKeyPrefix = "small-";
    public const string KeyDigits = "D7";

    public const string Mof = """
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

        class Load_Small {
            [Key] string InstanceID;
            string ElementName;
            uint16 EnabledState;
            datetime Created;
            datetime Uptime;
            string Tags[];
        };
        """;

    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

    public static string ItemKey(int index) => ItemKeyPrefix + index.ToString(KeyDigits, CultureInfo.InvariantCulture);

    public static string SmallKey(int index) => SmallKeyPrefix + index.ToString(KeyDigits, CultureInfo.InvariantCulture);

    /// <summary>Compiles the classes and creates <paramref name="count"/> instances of each through <see cref="ICimOperations"/>.</summary>
    public static async Task<CimRepository> BuildAsync(int count, CancellationToken cancellationToken)
    {
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions { DefaultNamespace = Namespace }).CompileText(Mof, "wsman-load.mof");
        if (!result.Success)
            throw new InvalidOperationException("the load model did not compile: " + string.Join(Environment.NewLine, result.Errors));

        var operations = new CimOperations(repository, new Cimom.Providers.ProviderRegistry());
        var schema = repository.GetNamespace(Namespace).Schema;
        var item = schema.FindClass(ItemClass) ?? throw new InvalidOperationException($"{ItemClass} missing after compile");
        var small = schema.FindClass(SmallClass) ?? throw new InvalidOperationException($"{SmallClass} missing after compile");
        var random = new Random(20261128);
        var epoch = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var context = CimOperationContext.Default;
        for (var i = 0; i < count; i++)
        {
            if ((i & 1023) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            await operations.CreateInstanceAsync(context, NewItem(item, i, random, epoch), cancellationToken);
            await operations.CreateInstanceAsync(context, NewSmall(small, i, random, epoch), cancellationToken);
        }

        return repository;
    }

    private static CimInstance NewItem(CimClass cimClass, int i, Random random, DateTimeOffset epoch)
    {
        var instance = new CimInstance(cimClass, Namespace);
        instance.SetValue("Id", ItemKey(i));
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
        return instance;
    }

    private static CimInstance NewSmall(CimClass cimClass, int i, Random random, DateTimeOffset epoch)
    {
        var instance = new CimInstance(cimClass, Namespace);
        instance.SetValue("InstanceID", SmallKey(i));
        instance.SetValue("ElementName", (i % 7) == 0 ? null : "host " + Text(random, 8));
        instance.SetValue("EnabledState", (ushort)((i % 3) + 2));
        instance.SetValue("Created", CimDateTime.FromDateTimeOffset(epoch.AddSeconds(random.Next(0, 300_000_000))));
        instance.SetValue("Uptime", CimDateTime.FromTimeSpan(TimeSpan.FromSeconds(random.Next(0, 10_000_000))));
        instance.SetValue("Tags", new[] { "a", (i & 1) == 0 ? "b" : "c" });
        return instance;
    }

    private static string Text(Random random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var k = 0; k < span.Length; k++)
                span[k] = Letters[r.Next(Letters.Length)];
        });
}
