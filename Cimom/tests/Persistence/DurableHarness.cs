using System.Text;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Mof.Writing;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Persistence;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using FluentAssertions;

namespace CimCloud.Cimom.Tests.Persistence;

/// <summary>
/// A data directory and "server starts" over it, as <c>cimcloud serve --data</c> does: compile the start-up MOF,
/// open the store, replay it, attach it as the journal. Dispose the started server before starting the next one.
/// </summary>
internal sealed class DurableHarness : IDisposable
{
    public const string Ns = "root/test";

    public const string StartupMof = """
        Qualifier Color : string = "none", Scope(property), Flavor(ToSubclass);
        class S_Element { [Key] string Id; string Name; uint32 Size = 5; datetime Born; string Tags[]; };
        class S_Device : S_Element { string Vendor; };
        class S_Leaf { [Key] string Id; string Note; };
        [Association] class S_Link { [Key] S_Element REF Left; [Key] S_Element REF Right; };
        instance of S_Element { Id = "mof-1"; Name = "from mof"; };
        instance of S_Element { Id = "mof-2"; Name = "also from mof"; };
        """;

    public DurableHarness()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cimcloud-store-" + Guid.NewGuid().ToString("N"));
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "repository.db");

    public static CimOperationContext Ctx => CimOperationContext.Default;

    public Server Start(string startupMof = StartupMof)
    {
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions { DefaultNamespace = Ns }).CompileText(startupMof, "startup.mof");
        result.Success.Should().BeTrue(string.Join("\n", result.Errors));
        var store = SqliteRepositoryStore.Open(Directory);
        try
        {
            var replayed = store.ReplayInto(repository);
            repository.AttachJournal(store);
            return new Server(repository, store, replayed);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal sealed class Server(CimRepository repository, SqliteRepositoryStore store, StoreReplayResult replayed) : IDisposable
    {
        public CimRepository Repository { get; } = repository;

        public SqliteRepositoryStore Store { get; } = store;

        public StoreReplayResult Replayed { get; } = replayed;

        public CimOperations Ops { get; } = new(repository, new ProviderRegistry());

        public CimNamespace Namespace => Repository.GetNamespace(Ns);

        public CimInstance New(string className, params (string Name, object? Value)[] values) => NewIn(Ns, className, values);

        public CimInstance NewIn(string @namespace, string className, params (string Name, object? Value)[] values)
        {
            var cimClass = Repository.GetNamespace(@namespace).Schema.GetClass(className);
            var instance = new CimInstance(cimClass, @namespace);
            foreach (var (name, value) in values)
                instance[name] = CimValueConverter.Convert(value, cimClass.Properties[name]!.DataType);
            return instance;
        }

        public static CimObjectPath PathOf(string className, string id, string @namespace = Ns) =>
            new(@namespace, className, [new CimKeyBinding("Id", id, CimType.String)]);

        public async Task<CimInstance?> FindAsync(string className, string id, string @namespace = Ns)
        {
            try
            {
                return await Ops.GetInstanceAsync(Ctx, PathOf(className, id, @namespace));
            }
            catch (CimException e) when (e.StatusCode == CimStatusCode.NotFound)
            {
                return null;
            }
        }

        /// <summary>
        /// Everything in the repository as sorted MOF declarations per namespace (qualifier declarations, classes with
        /// their own elements, instances by canonical path), to compare two repositories independent of definition order.
        /// </summary>
        public string Snapshot()
        {
            var sb = new StringBuilder();
            foreach (var name in Repository.NamespaceNames)
            {
                var ns = Repository.GetNamespace(name);
                var schema = ns.Schema;
                sb.Append("namespace ").Append(name).Append('\n');
                foreach (var q in schema.Qualifiers.OrderBy(q => q.Name, StringComparer.OrdinalIgnoreCase))
                    sb.Append(MofWriter.FormatQualifierDeclaration(q)).Append('\n');
                foreach (var c in schema.Classes.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
                    sb.Append(MofWriter.FormatClass(c, schema)).Append('\n');
                foreach (var line in MofWriter.InstancesOf(ns, schema).Select(i => MofWriter.FormatInstance(i)).Order(StringComparer.Ordinal))
                    sb.Append(line).Append('\n');
            }

            return sb.ToString();
        }

        public void Dispose() => Store.Dispose();
    }
}
