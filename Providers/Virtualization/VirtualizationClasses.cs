namespace CimCloud.Providers.Virtualization;

/// <summary>The CIM classes the virtualization providers serve (declared by the MOF in MofSchemas/).</summary>
public static class VirtualizationClasses
{
    public const string HostSystem = "CIMCLOUD_HostSystem";
    public const string ComputerSystem = "CIMCLOUD_ComputerSystem";
    public const string VirtualEthernetSwitch = "CIMCLOUD_VirtualEthernetSwitch";
    public const string ManagementService = "CIMCLOUD_VirtualSystemManagementService";
    public const string ManagementCapabilities = "CIMCLOUD_VirtualSystemManagementCapabilities";
    public const string ElementCapabilitiesOfVm = "CIMCLOUD_EnabledLogicalElementCapabilities";
    public const string SystemSettingData = "CIMCLOUD_VirtualSystemSettingData";
    public const string ProcessorSettingData = "CIMCLOUD_ProcessorAllocationSettingData";
    public const string MemorySettingData = "CIMCLOUD_MemoryAllocationSettingData";
    public const string StorageSettingData = "CIMCLOUD_StorageAllocationSettingData";
    public const string EthernetSettingData = "CIMCLOUD_EthernetPortAllocationSettingData";
    public const string ResourcePool = "CIMCLOUD_ResourcePool";
    public const string AllocationCapabilities = "CIMCLOUD_AllocationCapabilities";
    public const string PoolConfigurationService = "CIMCLOUD_ResourcePoolConfigurationService";
    public const string StorageVolume = "CIMCLOUD_StorageVolume";
    public const string Processor = "CIMCLOUD_Processor";
    public const string Memory = "CIMCLOUD_Memory";
    public const string LogicalDisk = "CIMCLOUD_LogicalDisk";
    public const string EthernetPort = "CIMCLOUD_EthernetPort";
    public const string SwitchPort = "CIMCLOUD_SwitchPort";
    public const string ConcreteJob = "CIMCLOUD_ConcreteJob";
    public const string MetricService = "CIMCLOUD_MetricService";
    public const string MetricDefinition = "CIMCLOUD_BaseMetricDefinition";
    public const string MetricValue = "CIMCLOUD_BaseMetricValue";

    public const string HostedDependency = "CIMCLOUD_HostedDependency";
    public const string HostedService = "CIMCLOUD_HostedService";
    public const string HostedResourcePool = "CIMCLOUD_HostedResourcePool";
    public const string ServiceAffectsElement = "CIMCLOUD_ServiceAffectsElement";
    public const string ElementCapabilities = "CIMCLOUD_ElementCapabilities";
    public const string SystemDevice = "CIMCLOUD_SystemDevice";
    public const string SettingsDefineState = "CIMCLOUD_SettingsDefineState";
    public const string ElementSettingData = "CIMCLOUD_ElementSettingData";
    public const string SettingDataComponent = "CIMCLOUD_VirtualSystemSettingDataComponent";
    public const string ElementAllocatedFromPool = "CIMCLOUD_ElementAllocatedFromPool";
    public const string ResourceAllocationFromPool = "CIMCLOUD_ResourceAllocationFromPool";
    public const string ConcreteComponent = "CIMCLOUD_ConcreteComponent";
    public const string SettingsDefineCapabilities = "CIMCLOUD_SettingsDefineCapabilities";
    public const string DeviceConnection = "CIMCLOUD_DeviceConnection";
    public const string OwningJobElement = "CIMCLOUD_OwningJobElement";
    public const string AffectedJobElement = "CIMCLOUD_AffectedJobElement";
    public const string MetricDefForMe = "CIMCLOUD_MetricDefForME";
    public const string MetricInstance = "CIMCLOUD_MetricInstance";
    public const string MetricForMe = "CIMCLOUD_MetricForME";

    /// <summary>Every class served by the model's instance provider.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        HostSystem, ComputerSystem, VirtualEthernetSwitch, ManagementService, ManagementCapabilities, ElementCapabilitiesOfVm,
        SystemSettingData, ProcessorSettingData, MemorySettingData, StorageSettingData, EthernetSettingData,
        ResourcePool, AllocationCapabilities,
        PoolConfigurationService, StorageVolume, Processor, Memory, LogicalDisk, EthernetPort, SwitchPort, ConcreteJob,
        MetricService, MetricDefinition, MetricValue,
        HostedDependency, HostedService, HostedResourcePool, ServiceAffectsElement, ElementCapabilities, SystemDevice,
        SettingsDefineState, ElementSettingData, SettingDataComponent, ElementAllocatedFromPool, ResourceAllocationFromPool,
        ConcreteComponent, SettingsDefineCapabilities, DeviceConnection, OwningJobElement, AffectedJobElement, MetricDefForMe, MetricInstance, MetricForMe,
    ];
}
