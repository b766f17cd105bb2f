using System.Globalization;
using System.Xml.Linq;

namespace CimCloud.Providers.Hosts.Libvirt.Xml;

/// <summary>
/// Writes a <see cref="MachineDefinition"/> as libvirt domain XML. For a new machine it starts from a minimal
/// skeleton (domain type from the host capabilities, hvm OS); for a redefinition it edits the machine's current
/// XML in place, so everything this model does not know (emulator, OS details, graphics, addresses, drivers)
/// survives. Disks are matched by target, NICs by MAC: a match is updated, a new one appended, a missing one removed.
/// </summary>
internal static class DomainXmlWriter
{
    public static string CreateNew(MachineDefinition definition, string domainType) =>
        Apply(new XDocument(
            new XElement(
                "domain",
                new XAttribute("type", domainType),
                new XElement("name"),
                new XElement("os", new XElement("type", "hvm")),
                new XElement("devices"))),
            definition);

    public static string Redefine(string currentXml, MachineDefinition definition) =>
        Apply(XDocument.Parse(currentXml), definition);

    private static string Apply(XDocument document, MachineDefinition definition)
    {
        var domain = document.Root!;
        domain.Attribute("id")?.Remove();
        SetChild(domain, "name", definition.Name);
        if (definition.Uuid is not null)
            SetChild(domain, "uuid", definition.Uuid);

        domain.Element("description")?.Remove();
        if (!string.IsNullOrEmpty(definition.Description))
            domain.Element("name")!.AddAfterSelf(new XElement("description", definition.Description));

        var maxMemory = Math.Max(definition.MaxMemoryBytes, definition.MemoryBytes);
        SetSize(domain, "memory", maxMemory);
        SetSize(domain, "currentMemory", definition.MemoryBytes);
        var vcpu = SetChild(domain, "vcpu", definition.VirtualCpus.ToString(CultureInfo.InvariantCulture));
        vcpu.Attribute("current")?.Remove();

        var devices = domain.Element("devices") ?? AddChild(domain, new XElement("devices"));
        ApplyDisks(devices, definition.Disks);
        ApplyNics(devices, definition.Nics);
        return document.ToString(SaveOptions.DisableFormatting);
    }

    private static void ApplyDisks(XElement devices, IReadOnlyList<DiskDefinition> disks)
    {
        var existing = devices.Elements("disk")
            .Where(d => (string?)d.Attribute("device") is null or "disk" or "cdrom")
            .ToList();
        var wanted = disks.Select(d => d.Target).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in existing.Where(d => !wanted.Contains(TargetOf(d))))
            stale.Remove();

        foreach (var disk in disks)
        {
            var element = existing.FirstOrDefault(d => TargetOf(d) == disk.Target && d.Parent is not null);
            if (element is null)
            {
                element = new XElement("disk", new XElement("target", new XAttribute("dev", disk.Target)));
                var bus = BusFor(disk.Target);
                if (bus is not null)
                    element.Element("target")!.SetAttributeValue("bus", bus);
                InsertDevice(devices, "disk", element);
            }

            element.SetAttributeValue("device", disk.Kind == DiskDeviceKind.CdRom ? "cdrom" : "disk");
            element.Element("source")?.Remove();
            XElement? source = null;
            if (disk.Pool is not null && disk.Volume is not null)
            {
                element.SetAttributeValue("type", "volume");
                source = new XElement("source", new XAttribute("pool", disk.Pool), new XAttribute("volume", disk.Volume));
            }
            else
            {
                element.SetAttributeValue("type", "file");
                if (!string.IsNullOrEmpty(disk.SourcePath))
                    source = new XElement("source", new XAttribute("file", disk.SourcePath));
            }

            if (source is not null)
                element.Element("target")!.AddBeforeSelf(source);

            element.Element("readonly")?.Remove();
            if (disk.ReadOnly || disk.Kind == DiskDeviceKind.CdRom)
                element.Add(new XElement("readonly"));
        }
    }

    private static void ApplyNics(XElement devices, IReadOnlyList<NicDefinition> nics)
    {
        var existing = devices.Elements("interface").ToList();
        var wanted = nics.Select(n => n.MacAddress).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var stale in existing.Where(n => !wanted.Contains(MacOf(n))))
            stale.Remove();

        foreach (var nic in nics)
        {
            var element = existing.FirstOrDefault(n =>
                string.Equals(MacOf(n), nic.MacAddress, StringComparison.OrdinalIgnoreCase) && n.Parent is not null);
            if (element is null)
            {
                element = new XElement("interface", new XElement("mac", new XAttribute("address", nic.MacAddress)));
                InsertDevice(devices, "interface", element);
            }

            var keptBridge = (string?)element.Attribute("type") == "bridge"
                && (string?)element.Element("source")?.Attribute("bridge") == nic.Network;
            if (!keptBridge)
            {
                element.SetAttributeValue("type", "network");
                element.Element("source")?.Remove();
                element.Element("mac")!.AddAfterSelf(new XElement("source", new XAttribute("network", nic.Network)));
            }

            element.Element("model")?.Remove();
            if (!string.IsNullOrEmpty(nic.Model))
                (element.Element("source") ?? element.Element("mac")!).AddAfterSelf(new XElement("model", new XAttribute("type", nic.Model)));
        }
    }

    /// <summary>Keeps devices of one kind together: after the last of its kind, else at the start.</summary>
    private static void InsertDevice(XElement devices, string kind, XElement element)
    {
        var last = devices.Elements(kind).LastOrDefault();
        if (last is not null)
            last.AddAfterSelf(element);
        else
            devices.AddFirst(element);
    }

    private static string TargetOf(XElement disk) => (string?)disk.Element("target")?.Attribute("dev") ?? string.Empty;

    private static string MacOf(XElement nic) => (string?)nic.Element("mac")?.Attribute("address") ?? string.Empty;

    private static string? BusFor(string target) =>
        target.StartsWith("vd", StringComparison.Ordinal) ? "virtio"
        : target.StartsWith("sd", StringComparison.Ordinal) ? "scsi"
        : target.StartsWith("hd", StringComparison.Ordinal) ? "ide"
        : target.StartsWith("xvd", StringComparison.Ordinal) ? "xen"
        : null;

    private static XElement SetChild(XElement parent, string name, string value)
    {
        var child = parent.Element(name) ?? AddChild(parent, new XElement(name));
        child.Value = value;
        return child;
    }

    private static void SetSize(XElement domain, string name, ulong bytes)
    {
        var element = SetChild(domain, name, MemoryUnits.ToKibibytesRoundedUp(bytes).ToString(CultureInfo.InvariantCulture));
        element.SetAttributeValue("unit", "KiB");
    }

    private static XElement AddChild(XElement parent, XElement child)
    {
        parent.Add(child);
        return child;
    }
}
