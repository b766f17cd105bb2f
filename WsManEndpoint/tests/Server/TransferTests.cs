using System.Xml.Linq;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>WS-Transfer Get, Put, Create, Delete, RequestEPR and polymorphic Get over the real server.</summary>
public sealed class TransferTests(ServerFixture fixture, ITestOutputHelper output) : ServerTestBase(fixture, output)
{
    private static readonly XNamespace Cim = "http://schemas.dmtf.org/wbem/wscim/1/common";

    [Fact]
    public async Task Get_returns_the_instance_in_DSP0230_form()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("host-1")));
        var host = reply.Body!;
        var ns = ClassNs("CCT_Host");
        host.Name.Should().Be(ns + "CCT_Host");
        (host.Attribute(Xsi + "type")?.Value ?? "p:CCT_Host_Type").Should().EndWith(":CCT_Host_Type", "xsi:type is optional for the resource's own class");
        Prop(host, "InstanceID").Should().Be("host-1");
        Prop(host, "CpuCount").Should().Be("8");
        host.Element(ns + "ElementName")!.Attribute(Xsi + "nil")!.Value.Should().Be("true");
        host.Elements(ns + "Tags").Select(e => e.Value).Should().Equal("a", "b");
        host.Element(ns + "Created")!.Element(Cim + "Datetime")!.Value.Should().StartWith("2026-01-01T00:00:00");
        host.Element(ns + "Uptime")!.Element(Cim + "Interval")!.Value.Should().Be("P1DT2H3M4.000005S");
        reply.Action.Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse");
    }

    [Fact]
    public async Task Get_on_a_base_class_uri_returns_the_subclass_instance()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Base"), selectors: Soap.Id("disk-2")));
        reply.Body!.Name.Should().Be(ClassNs("CCT_Disk") + "CCT_Disk");
        reply.Body.Attribute(Xsi + "type")!.Value.Should().EndWith(":CCT_Disk_Type", "polymorphic results always carry xsi:type");
        Prop(reply.Body, "Capacity").Should().Be("2147483648");
    }

    [Fact]
    public async Task Get_of_a_missing_instance_is_DestinationUnreachable_without_detail()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("host-9")))).ShouldFault(Soap.Wsa, "DestinationUnreachable");
    }

    [Fact]
    public async Task Get_on_the_all_classes_uri_is_ActionNotSupported()
    {
        if (!Ready)
            return;
        (await Client.PostAsync(Soap.Envelope(Soap.Get, Soap.AllClasses, selectors: Soap.Id("host-1")))).Subcode!.LocalName.Should().Be("ActionNotSupported");
    }

    [Fact]
    public async Task RequestEPR_returns_the_current_EPR()
    {
        if (!Ready)
            return;
        var reply = await Client.OkAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Base"), selectors: Soap.Id("host-2"), headers: "<wsman:RequestEPR/>"));
        var epr = reply.Header.Element(WsMan + "RequestedEPR")!.Element(Wsa + "EndpointReference")!;
        epr.Descendants(WsMan + "ResourceURI").Single().Value.Should().Be(Soap.Uri("CCT_Host"));
        var selectors = epr.Descendants(WsMan + "Selector").ToDictionary(s => s.Attribute("Name")!.Value, s => s.Value);
        selectors.Should().Contain("InstanceID", "host-2").And.Contain("__cimnamespace", "root/cimv2");
    }

    [Fact]
    public async Task Explicit_namespace_selector_works()
    {
        if (!Ready)
            return;
        await Client.OkAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: [("InstanceID", "host-1"), ("__cimnamespace", "root/cimv2")]));
    }

    [Fact]
    public async Task Put_changes_the_given_properties_and_returns_the_instance()
    {
        if (!Ready)
            return;
        var ns = Soap.Uri("CCT_Base");
        string Body(string name) => $"<p:CCT_Base xmlns:p=\"{ns}\"><p:InstanceID>base-1</p:InstanceID><p:ElementName>{name}</p:ElementName><p:EnabledState>5</p:EnabledState></p:CCT_Base>";
        try
        {
            var reply = await Client.OkAsync(Soap.Envelope(Soap.Put, ns, Body("renamed"), Soap.Id("base-1")));
            reply.Action.Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/PutResponse");
            Prop(reply.Body!, "ElementName").Should().Be("renamed");
            Prop(reply.Body!, "EnabledState").Should().Be("5");
            var got = await Client.OkAsync(Soap.Envelope(Soap.Get, ns, selectors: Soap.Id("base-1")));
            Prop(got.Body!, "ElementName").Should().Be("renamed");
        }
        finally
        {
            await Client.PostAsync(Soap.Envelope(Soap.Put, ns, $"<p:CCT_Base xmlns:p=\"{ns}\"><p:ElementName>plain</p:ElementName><p:EnabledState xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/></p:CCT_Base>", Soap.Id("base-1")));
        }
    }

    [Fact]
    public async Task Put_with_a_changed_key_is_InvalidRepresentation_InvalidValues()
    {
        if (!Ready)
            return;
        var ns = Soap.Uri("CCT_Base");
        var body = $"<p:CCT_Base xmlns:p=\"{ns}\"><p:InstanceID>base-2</p:InstanceID><p:ElementName>x</p:ElementName></p:CCT_Base>";
        (await Client.PostAsync(Soap.Envelope(Soap.Put, ns, body, Soap.Id("base-1")))).ShouldFault(Soap.Wxf, "InvalidRepresentation", "InvalidValues");
    }

    [Fact]
    public async Task Put_with_a_body_in_a_foreign_namespace_is_InvalidNamespace()
    {
        if (!Ready)
            return;
        var body = "<p:CCT_Base xmlns:p=\"urn:wrong\"><p:ElementName>x</p:ElementName></p:CCT_Base>";
        (await Client.PostAsync(Soap.Envelope(Soap.Put, Soap.Uri("CCT_Base"), body, Soap.Id("base-1")))).ShouldFault(Soap.Wxf, "InvalidRepresentation", "InvalidNamespace");
    }

    [Fact]
    public async Task Create_get_delete_round_trip()
    {
        if (!Ready)
            return;
        var uri = Soap.Uri("CCT_Port");
        var port = Random.Shared.Next(1000, 60000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = $"<p:CCT_Port xmlns:p=\"{uri}\"><p:SystemName>host-7</p:SystemName><p:PortNumber>{port}</p:PortNumber><p:Proto>udp</p:Proto></p:CCT_Port>";
        var created = await Client.OkAsync(Soap.Envelope(Soap.Create, uri, body));
        created.Action.Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/CreateResponse");
        var resourceCreated = created.Body!;
        resourceCreated.Name.Should().Be(Wxf + "ResourceCreated");
        resourceCreated.Element(Wsa + "Address")!.Value.Should().Be(Soap.Anonymous);
        var parameters = resourceCreated.Element(Wsa + "ReferenceParameters")!;
        parameters.Element(WsMan + "ResourceURI")!.Value.Should().Be(uri);
        var selectors = parameters.Descendants(WsMan + "Selector").ToDictionary(s => s.Attribute("Name")!.Value, s => s.Value);
        selectors.Should().Contain("SystemName", "host-7").And.Contain("PortNumber", port).And.Contain("__cimnamespace", "root/cimv2");

        (string, string)[] key = [("SystemName", "host-7"), ("PortNumber", port)];
        var got = await Client.OkAsync(Soap.Envelope(Soap.Get, uri, selectors: key));
        Prop(got.Body!, "Proto").Should().Be("udp");

        (await Client.PostAsync(Soap.Envelope(Soap.Create, uri, body))).ShouldFaultWsMan("AlreadyExists");

        var deleted = await Client.OkAsync(Soap.Envelope(Soap.Delete, uri, selectors: key));
        deleted.Action.Should().Be("http://schemas.xmlsoap.org/ws/2004/09/transfer/DeleteResponse");
        deleted.Body.Should().BeNull();
        (await Client.PostAsync(Soap.Envelope(Soap.Get, uri, selectors: key))).ShouldFault(Soap.Wsa, "DestinationUnreachable");
        (await Client.PostAsync(Soap.Envelope(Soap.Delete, uri, selectors: key))).ShouldFault(Soap.Wsa, "DestinationUnreachable");
    }

    [Fact]
    public async Task Create_without_a_key_is_InvalidRepresentation_MissingValues()
    {
        if (!Ready)
            return;
        var uri = Soap.Uri("CCT_Port");
        var body = $"<p:CCT_Port xmlns:p=\"{uri}\"><p:SystemName>host-7</p:SystemName><p:Proto>udp</p:Proto></p:CCT_Port>";
        (await Client.PostAsync(Soap.Envelope(Soap.Create, uri, body))).ShouldFault(Soap.Wxf, "InvalidRepresentation", "MissingValues");
    }

    [Fact]
    public async Task Create_with_RequestEPR_returns_RequestedEPR()
    {
        if (!Ready)
            return;
        var uri = Soap.Uri("CCT_Port");
        var port = Random.Shared.Next(1000, 60000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = $"<p:CCT_Port xmlns:p=\"{uri}\"><p:SystemName>host-8</p:SystemName><p:PortNumber>{port}</p:PortNumber></p:CCT_Port>";
        var created = await Client.OkAsync(Soap.Envelope(Soap.Create, uri, body, headers: "<wsman:RequestEPR/>"));
        created.Header.Element(WsMan + "RequestedEPR")!.Element(Wsa + "EndpointReference").Should().NotBeNull();
        await Client.OkAsync(Soap.Envelope(Soap.Delete, uri, selectors: [("SystemName", "host-8"), ("PortNumber", port)]));
    }

    [Fact]
    public async Task Fragment_get_returns_the_property_or_its_text()
    {
        if (!Ready)
            return;
        var ns = ClassNs("CCT_Host");
        var fragment = await Client.OkAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("host-1"),
            headers: "<wsman:FragmentTransfer s:mustUnderstand=\"true\">EnabledState</wsman:FragmentTransfer>"));
        var xmlFragment = fragment.Body!;
        xmlFragment.Name.Should().Be(WsMan + "XmlFragment");
        xmlFragment.Element(ns + "EnabledState")!.Value.Should().Be("2");

        var text = await Client.OkAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("host-1"),
            headers: "<wsman:FragmentTransfer s:mustUnderstand=\"true\" Dialect=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">Tags[2]/text()</wsman:FragmentTransfer>"));
        text.Body!.Value.Should().Be("b");
        text.Body.HasElements.Should().BeFalse();
    }

    [Fact]
    public async Task Fragment_of_an_unknown_property_is_InvalidFragment()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("host-1"),
            headers: "<wsman:FragmentTransfer s:mustUnderstand=\"true\">NoSuchThing</wsman:FragmentTransfer>"));
        reply.ShouldFault(Soap.Wxf, "InvalidRepresentation", "InvalidFragment");
    }

    [Fact]
    public async Task Fragment_in_another_dialect_is_FragmentDialectNotSupported()
    {
        if (!Ready)
            return;
        var reply = await Client.PostAsync(Soap.Envelope(Soap.Get, Soap.Uri("CCT_Host"), selectors: Soap.Id("host-1"),
            headers: "<wsman:FragmentTransfer s:mustUnderstand=\"true\" Dialect=\"urn:jsonpath\">$.EnabledState</wsman:FragmentTransfer>"));
        reply.ShouldFaultWsMan("FragmentDialectNotSupported");
    }

    [Fact]
    public async Task Fragment_put_changes_one_property()
    {
        if (!Ready)
            return;
        var uri = Soap.Uri("CCT_Host");
        const string header = "<wsman:FragmentTransfer s:mustUnderstand=\"true\">ElementName</wsman:FragmentTransfer>";
        string Body(string value) => $"<wsman:XmlFragment><p:ElementName xmlns:p=\"{uri}\">{value}</p:ElementName></wsman:XmlFragment>";
        try
        {
            var reply = await Client.OkAsync(Soap.Envelope(Soap.Put, uri, Body("second"), Soap.Id("host-2"), headers: header));
            reply.Body!.Name.Should().Be(WsMan + "XmlFragment");
            reply.Body.Element(ClassNs("CCT_Host") + "ElementName")!.Value.Should().Be("second");
            var got = await Client.OkAsync(Soap.Envelope(Soap.Get, uri, selectors: Soap.Id("host-2")));
            Prop(got.Body!, "ElementName").Should().Be("second");
            Prop(got.Body!, "CpuCount").Should().Be("4");
        }
        finally
        {
            await Client.PostAsync(Soap.Envelope(Soap.Put, uri, Body("two"), Soap.Id("host-2"), headers: header));
        }
    }
}
