using CimCloud.Providers.Virtualization.Model;
using static CimCloud.Providers.Virtualization.VirtualizationClasses;

namespace CimCloud.Providers.Virtualization.Network;

/// <summary>
/// One virtual Ethernet switch (a CIM_ComputerSystem dedicated as a switch, hosted by the host) per host
/// network, a switch port (an Ethernet port of the switch, CIM_SystemDevice) per NIC attached to it, and
/// CIM_DeviceConnection from that switch port to the VM's Ethernet port.
/// </summary>
internal static class NetworkBuilder
{
    public static void Build(BuildContext c)
    {
        foreach (var network in c.Snapshot.Networks)
        {
            var sw = c.Paths.Switch(network.Name);
            c.W.Add(VirtualEthernetSwitch,
                ("CreationClassName", VirtualEthernetSwitch), ("Name", network.Name), ("ElementName", network.Name),
                ("Description", network.Bridge is null ? null : $"bridge {network.Bridge}"), ("Dedicated", new ushort[] { 5 }),
                ("EnabledState", network.Active ? (ushort)2 : (ushort)3), ("OperationalStatus", new ushort[] { network.Active ? (ushort)2 : (ushort)10 }),
                ("HealthState", (ushort)5));
            c.W.Associate(HostedDependency, "Antecedent", c.HostPath, "Dependent", sw);
            foreach (var machine in c.Snapshot.Machines)
            {
                foreach (var nic in machine.Definition.Nics.Where(n => string.Equals(n.Network, network.Name, StringComparison.Ordinal)))
                {
                    var portId = ObjectIds.SwitchPort(nic.MacAddress);
                    c.W.Add(SwitchPort,
                        ("SystemCreationClassName", VirtualEthernetSwitch), ("SystemName", network.Name), ("CreationClassName", SwitchPort),
                        ("DeviceID", portId), ("ElementName", $"Port of {machine.Name} ({nic.MacAddress})"),
                        ("EnabledState", network.Active ? (ushort)2 : (ushort)3), ("LinkTechnology", (ushort)2));
                    var port = c.Paths.SwitchPort(network.Name, portId);
                    c.W.Associate(SystemDevice, "GroupComponent", sw, "PartComponent", port);
                    c.W.Associate(DeviceConnection, "Antecedent", port, "Dependent", c.Paths.MachineDevice(EthernetPort, machine.Uuid, nic.MacAddress));
                }
            }
        }
    }
}
