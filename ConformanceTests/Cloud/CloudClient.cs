using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using CimCloud.ConformanceTests.Serving;

namespace CimCloud.ConformanceTests.Cloud;

/// <summary>
/// The steps of the cloud scenarios over raw WS-Man: embedded instances as nested DSP0230 instance elements,
/// REF parameters as EPRs, and methods that answer 4096 followed to the end of their job.
/// </summary>
public sealed class CloudClient(WsManSession session, CimCloudServer server)
{
    public const string Ns = "root/cimv2";
    public const string Interop = "root/interop";
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public WsManSession Session => session;

    public string ServerOutput => server.Output;

    /// <summary>A property value for <see cref="Embedded"/>: one value, or an array (repeated element).</summary>
    public static string Embedded(string className, params (string Name, object Value)[] properties)
    {
        var sb = new StringBuilder($"<q:{className} xmlns:q=\"{WsManSession.ClassUriPrefix}{className}\" xmlns:xsi=\"{Xsi}\" xsi:type=\"q:{className}_Type\">");
        foreach (var (name, value) in properties)
        {
            IEnumerable<object> values = value is string[] array ? array : [value];
            foreach (var v in values)
                sb.Append(CultureInfo.InvariantCulture, $"<q:{name}>{SecurityElement.Escape(Convert.ToString(v, CultureInfo.InvariantCulture))}</q:{name}>");
        }

        return sb.Append($"</q:{className}>").ToString();
    }

    public static string Vssd(string name) => Embedded("CIMCLOUD_VirtualSystemSettingData", ("ElementName", name));

    public static string Processor(int count) =>
        Embedded("CIMCLOUD_ProcessorAllocationSettingData", ("ResourceType", 3), ("VirtualQuantity", count), ("AllocationUnits", "count"));

    public static string Memory(ulong mib) =>
        Embedded("CIMCLOUD_MemoryAllocationSettingData", ("ResourceType", 4), ("VirtualQuantity", mib), ("AllocationUnits", "byte*2^20"));

    public static string Disk(string hostResource) =>
        Embedded("CIMCLOUD_StorageAllocationSettingData", ("ResourceType", 31), ("HostResource", new[] { hostResource }));

    public static string Nic(string network) =>
        Embedded("CIMCLOUD_EthernetPortAllocationSettingData", ("ResourceType", 10), ("Connection", new[] { network }));

    public static string Parameter(string className, string name, string innerXml) =>
        $"<p:{name} xmlns:p=\"{WsManSession.ClassUriPrefix}{className}\">{innerXml}</p:{name}>";

    public async Task<CloudReference> SingleAsync(string className) =>
        CloudReference.Of((await session.EnumerateAsync(className, Ns)).Single(i => i.ClassName() == className), KeysOf(className));

    public Task<XElement> GetAsync(CloudReference reference) => session.GetAsync(reference.ClassName, Ns, [.. reference.Keys]);

    public Task<IReadOnlyList<XElement>> AssociatorsAsync(CloudReference source, string associationClass, string? resultClass = null) =>
        session.AssociatorsAsync(source.ClassName, Ns, source.Keys, associationClass, resultClass);

    /// <summary>Invokes a method and, when it answers 4096, waits for its job; returns the final code and the output (or the finished job).</summary>
    public async Task<(uint Code, XElement Output)> InvokeAsync(CloudReference target, string method, string parametersXml)
    {
        var output = await session.InvokeAsync(target.ClassName, Ns, target.Keys, method, parametersXml);
        var code = uint.Parse(output.Property("ReturnValue")!, CultureInfo.InvariantCulture);
        if (code != 4096)
            return (code, output);
        var job = CloudReference.FromEpr(output.Elements().Single(e => e.Name.LocalName == "Job"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var state = await GetAsync(job);
            if (state.Property("JobState") != "4" && state.Property("JobState") != "3" && state.Property("JobState") != "2")
                return (state.Property("JobState") == "7" ? 0u : uint.Parse(state.Property("ErrorCode") ?? "2", CultureInfo.InvariantCulture), output);
            await Task.Delay(50, cancel.Token);
        }
    }

    public async Task<(uint Code, XElement Output)> ManageAsync(string method, string parametersXml) =>
        await InvokeAsync(await SingleAsync("CIMCLOUD_VirtualSystemManagementService"), method, parametersXml);

    /// <summary>The VM named <paramref name="name"/> (by ElementName) as a reference.</summary>
    public async Task<CloudReference> VmAsync(string name) =>
        CloudReference.Of((await session.EnumerateAsync("CIMCLOUD_ComputerSystem", Ns)).Single(i => i.ClassName() == "CIMCLOUD_ComputerSystem"
            && i.Property("ElementName") == name), "CreationClassName", "Name");

    /// <summary>Creates a volume of <paramref name="mib"/> MiB in <paramref name="pool"/>; returns its <c>pool/volume</c> name.</summary>
    public async Task<(uint Code, string HostResource)> CreateVolumeAsync(string pool, string name, ulong mib)
    {
        var service = await SingleAsync("CIMCLOUD_ResourcePoolConfigurationService");
        var poolRef = new CloudReference("CIMCLOUD_ResourcePool", [("InstanceID", "DiskPool/" + pool)]);
        var settings = Embedded("CIMCLOUD_StorageAllocationSettingData", ("ElementName", name), ("ResourceType", 31), ("VirtualQuantity", mib),
            ("AllocationUnits", "byte*2^20"));
        var (code, _) = await InvokeAsync(service, "CreateResourceInPool",
            Parameter(service.ClassName, "Settings", settings) + poolRef.Epr("p:Pool"));
        return (code, $"{pool}/{name}");
    }

    public async Task<uint> RequestStateAsync(CloudReference vm, int state) =>
        (await InvokeAsync(vm, "RequestStateChange", Parameter(vm.ClassName, "RequestedState", state.ToString(CultureInfo.InvariantCulture)))).Code;

    public async Task<string?> EnabledStateAsync(CloudReference vm) => (await GetAsync(vm)).Property("EnabledState");

    private static string[] KeysOf(string className) => className switch
    {
        "CIMCLOUD_VirtualSystemManagementService" or "CIMCLOUD_ResourcePoolConfigurationService" or "CIMCLOUD_MetricService" =>
            ["SystemCreationClassName", "SystemName", "CreationClassName", "Name"],
        "CIMCLOUD_HostSystem" or "CIMCLOUD_ComputerSystem" => ["CreationClassName", "Name"],
        _ => ["InstanceID"],
    };
}
