using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Repository;
using CimCloud.MofSchemas;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Interop;
using CimCloud.Providers.Tests.Virtualization.Fakes;
using CimCloud.Providers.Virtualization;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace CimCloud.Providers.Tests.Virtualization;

/// <summary>
/// The shipped schema (compiled once), a <see cref="FakeHost"/>, the providers registered through
/// <c>AddVirtualization</c> and the operations core over both: what <c>cimcloud serve</c> runs, minus the protocol.
/// </summary>
internal sealed class VirtualizationHarness : IDisposable
{
    public const string Ns = "root/cimv2";

    private static readonly Lazy<CimRepository> SharedRepository = new(() =>
    {
        var repository = new CimRepository();
        var result = CimCloudSchema.LoadDefault(repository);
        result.Success.Should().BeTrue(string.Join("\n", result.Errors));
        return repository;
    });

    private readonly ServiceProvider _services;

    public VirtualizationHarness(Action<VirtualizationOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IVirtualizationHost>(Host);
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(Logs);
        services.AddVirtualization(o =>
        {
            o.SnapshotLifetime = TimeSpan.Zero;
            o.JobThreshold = TimeSpan.FromMinutes(10);
            configure?.Invoke(o);
        });
        _services = services.BuildServiceProvider();
        Ops = new CimOperations(SharedRepository.Value, new ProviderRegistry(_services.GetServices<ProviderRegistration>()));
        Profiles = _services.GetRequiredService<IRegisteredProfileSource>();
    }

    public FakeHost Host { get; } = new();

    /// <summary>What the providers logged (why a method answered an error code).</summary>
    public ListLoggerFactory Logs { get; } = new();

    public CimOperations Ops { get; }

    public IRegisteredProfileSource Profiles { get; }

    public static CimOperationContext Ctx => CimOperationContext.Default;

    public static CimObjectPath TestVm => new(Ns, "CIMCLOUD_ComputerSystem",
        [new CimKeyBinding("CreationClassName", "CIMCLOUD_ComputerSystem", CimType.String), new CimKeyBinding("Name", FakeHost.TestUuid, CimType.String)]);

    public static CimObjectPath Vm(string uuid) => new(Ns, "CIMCLOUD_ComputerSystem",
        [new CimKeyBinding("CreationClassName", "CIMCLOUD_ComputerSystem", CimType.String), new CimKeyBinding("Name", uuid, CimType.String)]);

    public static CimObjectPath ByInstanceId(string className, string id) =>
        new(Ns, className, [new CimKeyBinding("InstanceID", id, CimType.String)]);

    public async Task<List<CimInstance>> EnumerateAsync(string className) => await ToListAsync(Ops.EnumerateInstancesAsync(Ctx, Ns, className));

    public async Task<CimInstance> SingleAsync(string className) => (await EnumerateAsync(className)).Should().ContainSingle().Subject;

    public Task<CimInstance> GetAsync(CimObjectPath path) => Ops.GetInstanceAsync(Ctx, path).AsTask();

    public async Task<List<CimInstance>> AssociatorsAsync(CimObjectPath source, string? assocClass = null, string? resultClass = null) =>
        await ToListAsync(Ops.AssociatorsAsync(Ctx, source, new AssociatorsOptions { AssocClass = assocClass, ResultClass = resultClass }));

    public async Task<CimObjectPath> ServiceAsync(string className) => (await SingleAsync(className)).Path.WithNamespace(Ns);

    /// <summary>Invokes a method; values are converted to the declared parameter types by the core.</summary>
    public Task<CimMethodResult> InvokeAsync(CimObjectPath target, string method, params (string Name, object? Value)[] parameters) =>
        Ops.InvokeMethodAsync(Ctx, target, method, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase)).AsTask();

    public Task<CimMethodResult> ManageAsync(string method, params (string Name, object? Value)[] parameters) =>
        InvokeManagementAsync(method, parameters);

    /// <summary>A frozen embedded instance of <paramref name="className"/> as a client would send it.</summary>
    public static CimInstance Embedded(string className, params (string Name, object? Value)[] values)
    {
        var cimClass = SharedRepository.Value.GetNamespace(Ns).Schema.GetClass(className);
        var instance = new CimInstance(cimClass);
        foreach (var (name, value) in values)
            instance[name] = CimValueConverter.Convert(value, cimClass.Properties[name]!.DataType);
        return instance.Freeze();
    }

    public static CimInstance Vssd(string name) => Embedded("CIMCLOUD_VirtualSystemSettingData", ("ElementName", name));

    public static CimInstance Processor(int count) =>
        Embedded("CIMCLOUD_ProcessorAllocationSettingData", ("ResourceType", 3), ("VirtualQuantity", count), ("AllocationUnits", "count"));

    public static CimInstance Memory(ulong mib) =>
        Embedded("CIMCLOUD_MemoryAllocationSettingData", ("ResourceType", 4), ("VirtualQuantity", mib), ("AllocationUnits", "byte*2^20"));

    public static CimInstance Disk(string hostResource, string? target = null) =>
        Embedded("CIMCLOUD_StorageAllocationSettingData", ("ResourceType", 31), ("HostResource", new[] { hostResource }), ("AddressOnParent", target));

    public static CimInstance Nic(string network, string? mac = null) =>
        Embedded("CIMCLOUD_EthernetPortAllocationSettingData", ("ResourceType", 10), ("Connection", new[] { network }), ("Address", mac));

    /// <summary>Defines a machine with 1 vCPU and 256 MiB plus <paramref name="extra"/>; returns its path.</summary>
    public async Task<CimObjectPath> DefineAsync(string name, params CimInstance[] extra)
    {
        var result = await ManageAsync("DefineSystem", ("SystemSettings", Vssd(name)),
            ("ResourceSettings", new[] { Processor(1), Memory(256) }.Concat(extra).ToArray()));
        result.ReturnValue.Should().Be(0u, string.Join("\n", Logs.Lines));
        return (CimObjectPath)result.OutParameters["ResultingSystem"]!;
    }

    public async Task<CimInstance> VmAsync(CimObjectPath vm) => await GetAsync(vm);

    public void Dispose() => _services.Dispose();

    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
            list.Add(item);
        return list;
    }

    private async Task<CimMethodResult> InvokeManagementAsync(string method, (string Name, object? Value)[] parameters) =>
        await InvokeAsync(await ServiceAsync("CIMCLOUD_VirtualSystemManagementService"), method, parameters);
}
