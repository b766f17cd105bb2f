using System.Globalization;
using System.Xml.Linq;

namespace CimCloud.Providers.Hosts.Libvirt.Xml;

/// <summary>
/// Reads a libvirt domain XML document into a <see cref="MachineDefinition"/>: name, UUID, vCPUs, memory,
/// description, disks (device disk/cdrom) and network interfaces. Disk capacities are left at 0; the host
/// fills them in from the backing volumes. AutoStart is not part of the XML (the host reads it separately).
/// </summary>
internal static class DomainXmlReader
{
    public static MachineDefinition Read(string xml)
    {
        var domain = XDocument.Parse(xml).Root
            ?? throw new HostException(HostErrorKind.Failed, "libvirt XML: empty domain description");

        var maxMemory = ReadSize(domain.Element("memory"));
        var currentMemoryElement = domain.Element("currentMemory");
        var memory = currentMemoryElement is null ? maxMemory : ReadSize(currentMemoryElement);
        var devices = domain.Element("devices");

        return new MachineDefinition(
            Name: domain.Element("name")?.Value.Trim() ?? string.Empty,
            Uuid: domain.Element("uuid")?.Value.Trim().ToLowerInvariant(),
            VirtualCpus: ReadVirtualCpus(domain.Element("vcpu")),
            MemoryBytes: memory,
            MaxMemoryBytes: maxMemory,
            Disks: devices?.Elements("disk").Select(ReadDisk).OfType<DiskDefinition>().ToList() ?? [],
            Nics: devices?.Elements("interface").Select(ReadNic).ToList() ?? [],
            Description: domain.Element("description")?.Value);
    }

    private static ulong ReadSize(XElement? element) =>
        element is null ? 0 : MemoryUnits.ToBytes(element.Value, (string?)element.Attribute("unit"));

    private static int ReadVirtualCpus(XElement? vcpu)
    {
        if (vcpu is null)
            return 1;
        var text = (string?)vcpu.Attribute("current") ?? vcpu.Value;
        return int.Parse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static DiskDefinition? ReadDisk(XElement disk)
    {
        var device = (string?)disk.Attribute("device") ?? "disk";
        DiskDeviceKind kind;
        if (device == "disk")
            kind = DiskDeviceKind.Disk;
        else if (device == "cdrom")
            kind = DiskDeviceKind.CdRom;
        else
            return null;

        var source = disk.Element("source");
        var type = (string?)disk.Attribute("type") ?? "file";
        string? pool = null, volume = null, path = null;
        switch (type)
        {
            case "volume":
                pool = (string?)source?.Attribute("pool");
                volume = (string?)source?.Attribute("volume");
                break;
            case "block":
                path = (string?)source?.Attribute("dev");
                break;
            case "dir":
                path = (string?)source?.Attribute("dir");
                break;
            case "network":
                path = (string?)source?.Attribute("name");
                break;
            default:
                path = (string?)source?.Attribute("file");
                break;
        }

        return new DiskDefinition(
            Target: (string?)disk.Element("target")?.Attribute("dev") ?? string.Empty,
            Pool: pool,
            Volume: volume,
            SourcePath: path,
            CapacityBytes: 0,
            Kind: kind,
            ReadOnly: disk.Element("readonly") is not null);
    }

    private static NicDefinition ReadNic(XElement nic)
    {
        var source = nic.Element("source");
        var network = (string?)nic.Attribute("type") switch
        {
            "network" => (string?)source?.Attribute("network"),
            "bridge" => (string?)source?.Attribute("bridge"),
            _ => (string?)source?.Attribute("dev"),
        };
        return new NicDefinition(
            MacAddress: ((string?)nic.Element("mac")?.Attribute("address") ?? string.Empty).ToLowerInvariant(),
            Network: network ?? string.Empty,
            Model: (string?)nic.Element("model")?.Attribute("type") ?? string.Empty);
    }
}
