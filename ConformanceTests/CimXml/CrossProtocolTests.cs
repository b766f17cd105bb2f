using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using CimCloud.ConformanceTests.WsMan;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.CimXml;

/// <summary>The same instance read through WS-Man (Transfer Get) and CIM-XML (GetInstance) of one server carries the same values.</summary>
public sealed class CrossProtocolTests(CimXmlServerProcess server, ITestOutputHelper output) : IClassFixture<CimXmlServerProcess>
{
    [Theory]
    [InlineData("CCT_Host", "host-1")]
    [InlineData("CCT_Host", "host-2")]
    [InlineData("CCT_Disk", "disk-2")]
    [InlineData("CCT_Base", "big-1")]
    public async Task Get_through_both_protocols_gives_the_same_values(string className, string instanceId)
    {
        if (!server.Require(output))
            return;
        var wsman = await RawWsMan.PostAsync(server.WsManEndpoint,
            RawWsMan.Envelope(server.WsManEndpoint, "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", className, [("InstanceID", instanceId)]));
        wsman.Status.Should().Be(HttpStatusCode.OK, wsman.Body);
        var cimxml = await RawCimXml.CallAsync(server.CimXmlEndpoint, "GetInstance",
            RawCimXml.Param("InstanceName", RawCimXml.InstanceName(className, ("InstanceID", instanceId))));
        cimxml.ErrorCode.Should().BeNull(cimxml.Body);

        var fromWsMan = WsManValues(XElement.Parse(wsman.Body), className);
        var fromCimXml = CimXmlValues(cimxml.ReturnValue.Element("INSTANCE")!);
        output.WriteLine(string.Join("\n", fromCimXml.Select(kv => $"{kv.Key}: cim-xml [{string.Join("|", kv.Value)}] ws-man [{string.Join("|", fromWsMan.GetValueOrDefault(kv.Key) ?? [])}]")));
        // WS-Man leaves some NULL properties out where CIM-XML writes them without VALUE: a missing one reads as NULL.
        fromWsMan.Keys.Should().BeSubsetOf(fromCimXml.Keys);
        fromCimXml.Values.Count(v => v.Count > 0).Should().BeGreaterThan(1);
        foreach (var (name, values) in fromCimXml)
            (fromWsMan.GetValueOrDefault(name) ?? []).Should().Equal(values, $"property {name} must read the same through both protocols");
    }

    /// <summary>Property name → normalised values (datetimes as instants or TimeSpans, arrays in order, NULL as empty).</summary>
    private static Dictionary<string, List<string>> CimXmlValues(XElement instance)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in instance.Elements())
        {
            var type = p.Attribute("TYPE")?.Value;
            result[p.Attribute("NAME")!.Value] = p.Descendants("VALUE").Select(v => type == "datetime" ? CimDateTime(v.Value) : v.Value).ToList();
        }

        return result;
    }

    private static Dictionary<string, List<string>> WsManValues(XElement envelope, string className)
    {
        var body = envelope.Elements().Single(e => e.Name.LocalName == "Body").Elements().Single();
        body.Name.LocalName.Should().Be(className);
        var result = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in body.Elements())
        {
            var list = result.TryGetValue(p.Name.LocalName, out var l) ? l : result[p.Name.LocalName] = [];
            if (p.Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance"))?.Value == "true")
                continue;
            var inner = p.Elements().FirstOrDefault();
            list.Add(inner?.Name.LocalName switch
            {
                "Datetime" => DateTimeOffset.Parse(inner.Value, CultureInfo.InvariantCulture).UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                "Interval" => XmlConvert.ToTimeSpan(inner.Value).ToString("c", CultureInfo.InvariantCulture),
                _ => p.Value,
            });
        }

        return result;
    }

    private static string CimDateTime(string text)
    {
        if (text[21] == ':')
        {
            var span = new TimeSpan(int.Parse(text[..8], CultureInfo.InvariantCulture), int.Parse(text[8..10], CultureInfo.InvariantCulture),
                int.Parse(text[10..12], CultureInfo.InvariantCulture), int.Parse(text[12..14], CultureInfo.InvariantCulture))
                + TimeSpan.FromTicks(long.Parse(text[15..21], CultureInfo.InvariantCulture) * 10);
            return span.ToString("c", CultureInfo.InvariantCulture);
        }

        var local = DateTime.ParseExact(text[..21], "yyyyMMddHHmmss.ffffff", CultureInfo.InvariantCulture);
        var offset = TimeSpan.FromMinutes(int.Parse(text[21..], CultureInfo.InvariantCulture));
        return new DateTimeOffset(local, offset).UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
    }
}
