using System.Xml.Linq;

namespace CimCloud.Providers.Hosts.Libvirt.Xml;

/// <summary>Small libvirt XML documents: the host capabilities (domain type, host UUID) and a new volume.</summary>
internal static class HostXml
{
    /// <summary>The domain type for new hvm machines: kvm when offered, else the first one the host lists (qemu, test).</summary>
    public static string PreferredDomainType(string capabilitiesXml)
    {
        var types = XDocument.Parse(capabilitiesXml).Root?
            .Elements("guest")
            .Where(g => (string?)g.Element("os_type") == "hvm")
            .SelectMany(g => g.Descendants("domain"))
            .Select(d => (string?)d.Attribute("type"))
            .OfType<string>()
            .ToList() ?? [];
        return types.Contains("kvm") ? "kvm" : types.FirstOrDefault() ?? "kvm";
    }

    public static string? HostUuid(string capabilitiesXml) =>
        XDocument.Parse(capabilitiesXml).Root?.Element("host")?.Element("uuid")?.Value.Trim().ToLowerInvariant();

    public static string NewVolume(string name, ulong capacityBytes) =>
        new XElement(
            "volume",
            new XElement("name", name),
            new XElement("capacity", new XAttribute("unit", "bytes"), capacityBytes)).ToString(SaveOptions.DisableFormatting);
}
