using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using FluentAssertions;

namespace CimCloud.Cimom.Tests.Operations;

/// <summary>A repository compiled from MOF into <see cref="Ns"/>, a provider registry and the operations over both.</summary>
internal sealed class OperationsHarness
{
    public const string Ns = "root/test";

    /// <summary>A small model: an element hierarchy, an abstract class, systems, associations and a class with methods.</summary>
    public const string Model = """
        class T_Element { [Key] string Id; [Description("the name")] string Name; uint32 Size = 5; };
        class T_Device : T_Element { string Vendor; };
        class T_Disk : T_Device { uint64 Capacity; [Override("Size")] uint32 Size = 9; };
        [Abstract] class T_Abstract { [Key] string Id; };
        class T_Concrete : T_Abstract { string Extra; };
        class T_Two { [Key] string A; [Key] uint16 B; string Note; };
        class T_System { [Key] string Name; };
        [Association] class T_Hosted { [Key] T_System REF Host; [Key] T_Element REF Hosted; };
        [Association] class T_HostedDisk : T_Hosted { };
        [Association] class T_Depends { [Key] T_Element REF Antecedent; [Key] T_Element REF Dependent; };
        class T_Service {
            [Key] string Name;
            uint32 Start([In] uint32 Mode, [In, Out] string Log, [In(false), Out] string Result);
            [Static] uint32 Create([In] string Name);
        };
        class T_SpecialService : T_Service { };
        """;

    private OperationsHarness(CimRepository repository)
    {
        Repository = repository;
        Providers = new ProviderRegistry();
        Ops = new CimOperations(repository, Providers);
    }

    public CimRepository Repository { get; }

    public ProviderRegistry Providers { get; }

    public CimOperations Ops { get; }

    public static CimOperationContext Ctx => CimOperationContext.Default;

    public CimNamespace Namespace => Repository.GetNamespace(Ns);

    public static OperationsHarness Create(string mof = Model)
    {
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions { DefaultNamespace = Ns }).CompileText(mof, "test.mof");
        result.Success.Should().BeTrue(string.Join("\n", result.Errors));
        return new OperationsHarness(repository);
    }

    /// <summary>A new (writable) instance in <see cref="Ns"/>; values are converted to the property types.</summary>
    public CimInstance New(string className, params (string Name, object? Value)[] values)
    {
        var cimClass = Namespace.Schema.GetClass(className);
        var instance = new CimInstance(cimClass, Ns);
        foreach (var (name, value) in values)
            instance[name] = CimValueConverter.Convert(value, cimClass.Properties[name]!.DataType);
        return instance;
    }

    public async Task<CimObjectPath> AddAsync(string className, params (string Name, object? Value)[] values) =>
        await Ops.CreateInstanceAsync(Ctx, New(className, values));

    public static CimObjectPath PathOf(string className, params (string Name, object Value)[] keys) =>
        new(Ns, className, keys.Select(k => new CimKeyBinding(k.Name, k.Value, CimType.String)));

    public static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
            list.Add(item);
        return list;
    }
}
