using CimCloud.Cimom.Model;
using CimCloud.Providers.Virtualization.Model;
using static CimCloud.Providers.Virtualization.VirtualizationClasses;

namespace CimCloud.Providers.Virtualization.Systems;

/// <summary>The host, its VMs, the services and their capabilities, and the associations between them.</summary>
internal static class SystemsBuilder
{
    /// <summary>VSMC method value map (CIM 2.23+): 2 DefineSystem, 3 DestroySystem, 5 ModifyResourceSettings, 6 ModifySystemSettings, 7 RemoveResourceSettings, 10 AddResourceSettings.</summary>
    private static readonly ushort[] ManagementMethods = [2, 3, 5, 6, 7, 10];

    public static void Build(BuildContext c)
    {
        var host = c.Snapshot.Host;
        c.W.Add(HostSystem,
            ("CreationClassName", HostSystem), ("Name", host.Name), ("ElementName", host.Name),
            ("Caption", $"{host.Hypervisor} host"), ("EnabledState", StateMapping.Enabled), ("RequestedState", StateMapping.NotApplicable),
            ("OperationalStatus", new ushort[] { 2 }), ("HealthState", (ushort)5), ("Dedicated", new ushort[] { 0 }),
            ("PrimaryOwnerName", host.Hypervisor), ("Description", $"{host.Hypervisor} {host.HypervisorVersion}, UUID {host.Uuid}"));

        var vsms = c.ManagementServicePath;
        c.W.Add(ManagementService,
            ("SystemCreationClassName", HostSystem), ("SystemName", host.Name), ("CreationClassName", ManagementService),
            ("Name", ObjectIds.ManagementServiceName), ("ElementName", "Virtual system management service"),
            ("EnabledState", StateMapping.Enabled), ("RequestedState", StateMapping.NotApplicable), ("HealthState", (ushort)5),
            ("OperationalStatus", new ushort[] { 2 }), ("Started", true));
        c.W.Add(PoolConfigurationService,
            ("SystemCreationClassName", HostSystem), ("SystemName", host.Name), ("CreationClassName", PoolConfigurationService),
            ("Name", ObjectIds.PoolConfigurationServiceName), ("ElementName", "Resource pool configuration service"),
            ("EnabledState", StateMapping.Enabled), ("OperationalStatus", new ushort[] { 2 }), ("Started", true));
        c.W.Add(MetricService,
            ("SystemCreationClassName", HostSystem), ("SystemName", host.Name), ("CreationClassName", MetricService),
            ("Name", ObjectIds.MetricServiceName), ("ElementName", "Metric service"),
            ("EnabledState", StateMapping.Enabled), ("OperationalStatus", new ushort[] { 2 }), ("Started", true));

        var synchronous = c.Options.JobThreshold > TimeSpan.Zero;
        var vsmc = c.Paths.ByInstanceId(ManagementCapabilities, ObjectIds.ManagementCapabilities);
        c.W.Add(ManagementCapabilities,
            ("InstanceID", ObjectIds.ManagementCapabilities), ("ElementName", "Virtual system management capabilities"),
            ("VirtualSystemTypesSupported", new[] { VirtualSystemType(c) }),
            ("SynchronousMethodsSupported", synchronous ? ManagementMethods : []),
            ("AsynchronousMethodsSupported", ManagementMethods));

        foreach (var service in new[] { vsms, c.PoolServicePath, c.MetricServicePath })
            c.W.Associate(HostedService, "Antecedent", c.HostPath, "Dependent", service);
        c.W.Associate(ElementCapabilities, "ManagedElement", vsms, "Capabilities", vsmc);

        foreach (var machine in c.Snapshot.Machines)
        {
            var vm = c.Paths.Machine(machine.Uuid);
            var state = machine.State;
            c.W.Add(ComputerSystem,
                ("CreationClassName", ComputerSystem), ("Name", machine.Uuid), ("ElementName", machine.Name),
                ("Caption", "Virtual system"), ("Description", machine.Definition.Description),
                ("EnabledState", StateMapping.EnabledState(state)), ("RequestedState", c.Requested.Get(machine.Uuid)),
                ("EnabledDefault", StateMapping.Enabled), ("HealthState", StateMapping.HealthState(state)),
                ("OperationalStatus", StateMapping.OperationalStatus(state)),
                ("AvailableRequestedStates", StateMapping.Available(state)),
                ("TimeOfLastStateChange", machine.LastStateChange is { } changed ? CimDateTime.FromDateTimeOffset(changed) : null),
                ("Dedicated", new ushort[] { 0 }));
            var caps = c.Paths.ByInstanceId(ElementCapabilitiesOfVm, ObjectIds.VmCapabilities(machine.Uuid));
            c.W.Add(ElementCapabilitiesOfVm,
                ("InstanceID", ObjectIds.VmCapabilities(machine.Uuid)), ("ElementName", $"Capabilities of {machine.Name}"),
                ("RequestedStatesSupported", StateMapping.Supported), ("ElementNameEditSupported", true), ("MaxElementNameLen", (ushort)64));
            c.W.Associate(HostedDependency, "Antecedent", c.HostPath, "Dependent", vm);
            c.W.Associate(ServiceAffectsElement, "AffectedElement", vm, "AffectingElement", vsms, ("ElementEffects", new ushort[] { 5 }));
            c.W.Associate(ElementCapabilities, "ManagedElement", vm, "Capabilities", caps);
        }
    }

    /// <summary>VirtualSystemType of this backend, e.g. <c>CIMCLOUD:simulated</c>.</summary>
    public static string VirtualSystemType(BuildContext c) => $"CIMCLOUD:{c.Snapshot.BackendName}";
}
