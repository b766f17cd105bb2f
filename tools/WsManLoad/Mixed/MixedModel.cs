using System.Globalization;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;

namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>
/// The self-contained model of the in-process mixed run: <c>Load_Vm</c> instances in the repository (Get, Enumerate, Put)
/// and <see cref="LoadVmMethodProvider"/> for its <c>RequestStateChange</c> (Invoke).
/// </summary>
internal static class MixedModel
{
    public const string Namespace = "root/cimv2";
    public const string ClassName = "Load_Vm";
    public const string KeyProperty = "Name";
    public const string PutProperty = "Description";
    public const string Method = "RequestStateChange";

    public const string Mof = """
        class Load_Vm {
            [Key] string Name;
            string ElementName;
            string Description;
            uint16 EnabledState;
            uint64 MemoryMiB;
            uint16 Cpus;
            [ValueMap {"0", "4097"}, Values {"Completed with No Error", "Invalid State Transition"}]
            uint32 RequestStateChange([In, ValueMap {"2", "3"}, Values {"Enabled", "Disabled"}] uint16 RequestedState);
        };
        """;

    public static string Key(int index) => "vm-" + index.ToString("D7", CultureInfo.InvariantCulture);

    public static string ResourceUri => "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/" + ClassName;

    /// <summary>The repository with <paramref name="count"/> VMs, and a provider registry with the method provider.</summary>
    public static async Task<(CimRepository Repository, ProviderRegistry Providers)> BuildAsync(int count, CancellationToken cancellationToken)
    {
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions { DefaultNamespace = Namespace }).CompileText(Mof, "wsman-load-mixed.mof");
        if (!result.Success)
            throw new InvalidOperationException("the mixed load model did not compile: " + string.Join(Environment.NewLine, result.Errors));

        var providers = new ProviderRegistry();
        providers.RegisterMethodProvider(Namespace, ClassName, new LoadVmMethodProvider());
        var operations = new CimOperations(repository, new ProviderRegistry());
        var cimClass = repository.GetNamespace(Namespace).Schema.FindClass(ClassName)
            ?? throw new InvalidOperationException($"{ClassName} missing after compile");
        for (var i = 0; i < count; i++)
        {
            var vm = new CimInstance(cimClass, Namespace);
            vm.SetValue("Name", Key(i));
            vm.SetValue("ElementName", "load vm " + i.ToString(CultureInfo.InvariantCulture));
            vm.SetValue("Description", "a virtual machine of the mixed load");
            vm.SetValue("EnabledState", (ushort)2);
            vm.SetValue("MemoryMiB", (ulong)(1024 << (i % 4)));
            vm.SetValue("Cpus", (ushort)(1 + (i % 8)));
            await operations.CreateInstanceAsync(CimOperationContext.Default, vm, cancellationToken);
        }

        return (repository, providers);
    }
}
