using System.Diagnostics;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Persistence;
using CimCloud.Cimom.Repository;

namespace CimCloud.Tools.StoreLoad;

/// <summary>How long a start takes to load a store back: writes <c>count</c> instances through the journal, then times a replay.</summary>
internal static class ReplayTiming
{
    private const string Mof = "class L_Item { [Key] string Id; string Name; uint32 Count; string Tags[]; };";

    public static (TimeSpan Write, TimeSpan Replay) Measure(int count)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cimcloud-store-replay-" + Guid.NewGuid().ToString("N"));
        try
        {
            var write = Stopwatch.StartNew();
            using (var store = SqliteRepositoryStore.Open(directory))
            {
                var repository = Load(store);
                var ns = repository.GetNamespace("root/cimv2");
                var cimClass = ns.Schema.GetClass("L_Item");
                for (var i = 0; i < count; i++)
                {
                    var instance = new CimInstance(cimClass, ns.Name) { ["Id"] = $"item-{i}", ["Name"] = $"name {i}", ["Count"] = (uint)i, ["Tags"] = new[] { "a", "b" } };
                    ns.AddInstance(instance);
                }
            }

            write.Stop();
            using var reopened = SqliteRepositoryStore.Open(directory);
            var replay = Stopwatch.StartNew();
            var loaded = Load(reopened);
            replay.Stop();
            var loadedCount = loaded.GetNamespace("root/cimv2").CountInstances("L_Item");
            if (loadedCount != count)
                throw new InvalidOperationException($"replay loaded {loadedCount} instances, expected {count}");
            return (write.Elapsed, replay.Elapsed);
        }
        finally
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
    }

    private static CimRepository Load(SqliteRepositoryStore store)
    {
        var repository = new CimRepository();
        var compiled = new MofCompiler(repository, new MofCompilerOptions()).CompileText(Mof, "replay.mof");
        if (!compiled.Success)
            throw new InvalidOperationException(string.Join("\n", compiled.Errors));
        store.ReplayInto(repository);
        repository.AttachJournal(store);
        return repository;
    }
}
