using System.Xml.Linq;
using CimCloud.Providers.Hosts;
using CimCloud.Providers.Hosts.Libvirt.Xml;
using FluentAssertions;
using Xunit;

namespace CimCloud.Providers.Tests.Libvirt;

public sealed class DomainXmlTests
{
    private static readonly MachineDefinition Definition = new(
        "vm1",
        "0b9d3c1e-96a4-4f0e-9a4d-3b2f1c0e5a77",
        3,
        1536UL * 1024 * 1024,
        4096UL * 1024 * 1024,
        [
            new DiskDefinition("vda", "pool1", "root.qcow2", null, 0),
            new DiskDefinition("hdc", null, null, "/iso/install.iso", 0, DiskDeviceKind.CdRom, ReadOnly: true),
        ],
        [new NicDefinition("52:54:00:aa:bb:cc", "lan", "e1000")],
        "a <test> machine & more");

    [Fact]
    public void A_new_definition_writes_and_reads_back_the_same()
    {
        var xml = DomainXmlWriter.CreateNew(Definition, "kvm");

        DomainXmlReader.Read(xml).Should().BeEquivalentTo(Definition);
        var domain = XDocument.Parse(xml).Root!;
        domain.Attribute("type")!.Value.Should().Be("kvm");
        domain.Element("memory")!.Value.Should().Be("4194304");
        domain.Element("os")!.Element("type")!.Value.Should().Be("hvm");
        domain.Descendants("target").Select(t => (string?)t.Attribute("bus")).Should().Equal("virtio", "ide");
    }

    [Fact]
    public void A_redefinition_keeps_what_the_model_does_not_know_and_matches_devices_by_target_and_mac()
    {
        const string current = """
            <domain type='kvm' id='7'>
              <name>vm1</name><uuid>0b9d3c1e-96a4-4f0e-9a4d-3b2f1c0e5a77</uuid>
              <memory unit='GiB'>4</memory><vcpu placement='static' current='1'>4</vcpu>
              <os><type arch='x86_64'>hvm</type></os>
              <devices>
                <emulator>/usr/bin/qemu-system-x86_64</emulator>
                <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/old.img'/><target dev='vda' bus='virtio'/></disk>
                <disk type='file' device='disk'><source file='/gone.img'/><target dev='vdz' bus='virtio'/></disk>
                <interface type='network'><mac address='52:54:00:AA:BB:CC'/><source network='old'/><address type='pci' slot='0x03'/></interface>
                <graphics type='vnc'/>
              </devices>
            </domain>
            """;
        var changed = Definition with
        {
            Disks = [new DiskDefinition("vda", null, null, "/new.img", 0), new DiskDefinition("vdb", null, null, "/second.img", 0)],
        };

        var xml = DomainXmlWriter.Redefine(current, changed);

        DomainXmlReader.Read(xml).Should().BeEquivalentTo(changed);
        var domain = XDocument.Parse(xml).Root!;
        domain.Attribute("id").Should().BeNull("a definition has no runtime id");
        domain.Element("vcpu")!.Attribute("current").Should().BeNull();
        domain.Element("vcpu")!.Attribute("placement")!.Value.Should().Be("static");
        domain.Descendants("emulator").Should().ContainSingle();
        domain.Descendants("graphics").Should().ContainSingle();
        domain.Descendants("driver").Should().ContainSingle("the kept disk keeps its driver");
        domain.Descendants("interface").Single().Element("address").Should().NotBeNull("the NIC matched by MAC keeps its address");
        domain.Descendants("target").Select(t => (string?)t.Attribute("dev")).Should().Equal("vda", "vdb");
    }

    [Fact]
    public void Reading_uses_the_current_vcpu_count_and_memory_units()
    {
        const string xml = """
            <domain type='test'><name>x</name>
              <memory unit='MiB'>512</memory><currentMemory>262144</currentMemory>
              <vcpu current='2'>8</vcpu>
              <devices><disk type='block' device='disk'><source dev='/dev/sdb'/><target dev='sda'/></disk>
                <disk type='file' device='floppy'><target dev='fda'/></disk>
                <interface type='bridge'><mac address='AA:00:00:00:00:01'/><source bridge='br0'/></interface></devices>
            </domain>
            """;

        var definition = DomainXmlReader.Read(xml);

        definition.VirtualCpus.Should().Be(2);
        definition.MaxMemoryBytes.Should().Be(512UL * 1024 * 1024);
        definition.MemoryBytes.Should().Be(256UL * 1024 * 1024);
        definition.Disks.Should().ContainSingle().Which.SourcePath.Should().Be("/dev/sdb");
        definition.Nics.Should().ContainSingle().Which.Should().Be(new NicDefinition("aa:00:00:00:00:01", "br0", string.Empty));
    }

    [Fact]
    public void A_bridge_nic_that_keeps_its_bridge_stays_a_bridge_nic()
    {
        const string current = """
            <domain type='kvm'><name>vm1</name><memory>1048576</memory><vcpu>1</vcpu>
              <devices><interface type='bridge'><mac address='52:54:00:00:00:09'/><source bridge='br0'/><model type='virtio'/></interface></devices>
            </domain>
            """;
        var definition = DomainXmlReader.Read(current);

        var xml = DomainXmlWriter.Redefine(current, definition with { VirtualCpus = 2 });

        var nic = XDocument.Parse(xml).Root!.Descendants("interface").Single();
        nic.Attribute("type")!.Value.Should().Be("bridge");
        nic.Element("source")!.Attribute("bridge")!.Value.Should().Be("br0");
        DomainXmlReader.Read(xml).Nics.Should().Equal(definition.Nics);
    }

    [Theory]
    [InlineData("1", "b", 1UL)]
    [InlineData("3", "KiB", 3072UL)]
    [InlineData("3", null, 3072UL)]
    [InlineData("2", "KB", 2000UL)]
    [InlineData("1", "G", 1073741824UL)]
    [InlineData("1", "TB", 1000000000000UL)]
    public void Memory_units_scale_to_bytes(string value, string? unit, ulong bytes) =>
        MemoryUnits.ToBytes(value, unit).Should().Be(bytes);

    [Fact]
    public void Capabilities_choose_kvm_over_qemu_and_fall_back_to_the_first_hvm_type()
    {
        const string withKvm = "<capabilities><guest><os_type>hvm</os_type><arch name='x86_64'><domain type='qemu'/><domain type='kvm'/></arch></guest></capabilities>";
        const string testOnly = "<capabilities><host><uuid>AB</uuid></host><guest><os_type>xen</os_type><arch><domain type='xen'/></arch></guest><guest><os_type>hvm</os_type><arch><domain type='test'/></arch></guest></capabilities>";

        HostXml.PreferredDomainType(withKvm).Should().Be("kvm");
        HostXml.PreferredDomainType(testOnly).Should().Be("test");
        HostXml.HostUuid(testOnly).Should().Be("ab");
        HostXml.HostUuid(withKvm).Should().BeNull();
    }
}
