using System.Xml.Linq;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>Enumeration filters: selector, WQL, CQL, association (both kinds) and the filter faults.</summary>
public sealed class FilterTests(ServerFixture fixture, ITestOutputHelper output) : ServerTestBase(fixture, output)
{
    private static string Filter(string dialect, string content, string element = "wsman:Filter") =>
        $"<{element} Dialect=\"{dialect}\">{content}</{element}>";

    private static string Host1Object =>
        $"<wsmb:Object><wsa:Address>{Soap.Anonymous}</wsa:Address><wsa:ReferenceParameters><wsman:ResourceURI>{Soap.Uri("CCT_Host")}</wsman:ResourceURI>"
        + "<wsman:SelectorSet><wsman:Selector Name=\"InstanceID\">host-1</wsman:Selector></wsman:SelectorSet></wsa:ReferenceParameters></wsmb:Object>";

    [Fact]
    public async Task Selector_filter_matches_any_property()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.SelectorDialect, "<wsman:SelectorSet><wsman:Selector Name=\"EnabledState\">2</wsman:Selector></wsman:SelectorSet>");
        var items = await Client.EnumerateAllAsync(Soap.Uri("CCT_Base"), filter);
        items.Select(ItemId).Should().BeEquivalentTo("host-1", "disk-1", "disk-2");
    }

    [Fact]
    public async Task Selector_filter_on_an_unknown_property_is_CannotProcessFilter()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.SelectorDialect, "<wsman:SelectorSet><wsman:Selector Name=\"Colour\">red</wsman:Selector></wsman:SelectorSet>");
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, Soap.Uri("CCT_Base"), Soap.EnumerateBody(filter)))).ShouldFault(Soap.Wsen, "CannotProcessFilter");
    }

    [Fact]
    public async Task Wql_on_the_all_classes_uri_takes_the_class_from_FROM()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.Wql, "SELECT * FROM CCT_Base WHERE EnabledState = 2");
        var items = await Client.EnumerateAllAsync(Soap.AllClasses, filter);
        items.Select(ItemId).Should().BeEquivalentTo("host-1", "disk-1", "disk-2");
    }

    [Fact]
    public async Task Wql_select_list_projects_but_the_EPR_keeps_the_keys()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.Wql, "SELECT CpuCount FROM CCT_Host WHERE CpuCount &gt; 4")
            + "<wsman:EnumerationMode>EnumerateObjectAndEPR</wsman:EnumerationMode>";
        var items = await Client.EnumerateAllAsync(Soap.AllClasses, filter);
        var item = items.Should().ContainSingle().Subject;
        var instance = item.Elements().First();
        instance.Elements().Select(e => e.Name.LocalName).Should().Equal("CpuCount");
        ItemId(item.Elements().Last()).Should().Be("host-1");
    }

    [Fact]
    public async Task Cql_works_the_same_way()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.Cql, "SELECT * FROM CCT_Disk WHERE Capacity > 2000000000");
        var items = await Client.EnumerateAllAsync(Soap.AllClasses, filter);
        items.Select(ItemId).Should().Equal("disk-2");
    }

    [Fact]
    public async Task Query_on_the_matching_class_uri_is_allowed()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.Wql, "SELECT * FROM CCT_Host");
        (await Client.EnumerateAllAsync(Soap.Uri("CCT_Host"), filter)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Query_on_another_class_than_the_uri_is_CannotProcessFilter()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.Wql, "SELECT * FROM CCT_Disk");
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, Soap.Uri("CCT_Host"), Soap.EnumerateBody(filter)))).ShouldFault(Soap.Wsen, "CannotProcessFilter");
    }

    [Theory]
    [InlineData("SELEKT * FROM CCT_Host")]
    [InlineData("SELECT * FROM CCT_Nothing")]
    [InlineData("SELECT Nothing FROM CCT_Host")]
    public async Task Bad_query_is_CannotProcessFilter(string query)
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.Wql, query);
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, Soap.AllClasses, Soap.EnumerateBody(filter)))).ShouldFault(Soap.Wsen, "CannotProcessFilter");
    }

    [Fact]
    public async Task Unknown_dialect_lists_the_supported_ones()
    {
        if (!Ready)
            return;
        var filter = Filter("urn:example:sparql", "SELECT ?x");
        var reply = await Client.PostAsync(Soap.Envelope(Soap.Enumerate, Soap.AllClasses, Soap.EnumerateBody(filter)));
        reply.ShouldFault(Soap.Wsen, "FilterDialectRequestedUnavailable");
        reply.Fault!.Descendants(Wsen + "SupportedDialect").Select(e => e.Value).Should().Contain([Soap.Wql, Soap.Cql, Soap.SelectorDialect, Soap.AssociationDialect]);
    }

    [Fact]
    public async Task Both_filter_elements_is_CannotProcessFilter()
    {
        if (!Ready)
            return;
        var body = Filter(Soap.Wql, "SELECT * FROM CCT_Host") + Filter(Soap.Wql, "SELECT * FROM CCT_Host", "wsen:Filter");
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, Soap.AllClasses, Soap.EnumerateBody(body)))).ShouldFault(Soap.Wsen, "CannotProcessFilter");
    }

    [Fact]
    public async Task Plain_wsen_Filter_is_accepted()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.Wql, "SELECT * FROM CCT_Host", "wsen:Filter");
        (await Client.EnumerateAllAsync(Soap.AllClasses, filter)).Should().HaveCount(2);
    }

    [Fact]
    public async Task AssociatedInstances_gives_the_associators()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.AssociationDialect, $"<wsmb:AssociatedInstances>{Host1Object}<wsmb:AssociationClassName>CCT_HostDisk</wsmb:AssociationClassName><wsmb:Role/></wsmb:AssociatedInstances>");
        var items = await Client.EnumerateAllAsync(Soap.AllClasses, filter);
        items.Select(ItemId).Should().BeEquivalentTo("disk-1", "disk-2");
        items.Should().OnlyContain(i => i.Name == ClassNs("CCT_Disk") + "CCT_Disk");
    }

    [Fact]
    public async Task AssociatedInstances_with_result_class_and_property_list()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.AssociationDialect,
            $"<wsmb:AssociatedInstances>{Host1Object}<wsmb:ResultClassName>CCT_Disk</wsmb:ResultClassName><wsmb:ResultRole>Dependent</wsmb:ResultRole>"
            + "<wsmb:IncludeResultProperty>Capacity</wsmb:IncludeResultProperty></wsmb:AssociatedInstances>");
        var items = await Client.EnumerateAllAsync(Soap.AllClasses, filter);
        items.Should().HaveCount(2);
        items.Should().OnlyContain(i => i.Elements().Select(e => e.Name.LocalName).SequenceEqual(new[] { "Capacity" }));
    }

    [Fact]
    public async Task AssociationInstances_gives_the_references()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.AssociationDialect, $"<wsmb:AssociationInstances>{Host1Object}<wsmb:ResultClassName>CCT_HostDisk</wsmb:ResultClassName></wsmb:AssociationInstances>")
            + "<wsman:EnumerationMode>EnumerateObjectAndEPR</wsman:EnumerationMode>";
        var items = await Client.EnumerateAllAsync(Soap.AllClasses, filter);
        items.Should().HaveCount(2);
        foreach (var item in items)
        {
            var association = item.Elements().First();
            association.Name.Should().Be(ClassNs("CCT_HostDisk") + "CCT_HostDisk");
            association.Element(ClassNs("CCT_HostDisk") + "Antecedent")!.Descendants(WsMan + "Selector").First().Value.Should().Be("host-1");
            item.Elements().Last().Descendants(WsMan + "ResourceURI").First().Value.Should().Be(Soap.Uri("CCT_HostDisk"));
        }
    }

    [Fact]
    public async Task Association_filter_without_Object_is_CannotProcessFilter()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.AssociationDialect, "<wsmb:AssociatedInstances><wsmb:ResultClassName>CCT_Disk</wsmb:ResultClassName></wsmb:AssociatedInstances>");
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, Soap.AllClasses, Soap.EnumerateBody(filter)))).ShouldFault(Soap.Wsen, "CannotProcessFilter");
    }

    [Fact]
    public async Task Association_filter_on_a_missing_object_is_DestinationUnreachable()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.AssociationDialect, $"<wsmb:AssociatedInstances>{Host1Object.Replace("host-1", "host-9", StringComparison.Ordinal)}</wsmb:AssociatedInstances>");
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, Soap.AllClasses, Soap.EnumerateBody(filter)))).ShouldFault(Soap.Wsa, "DestinationUnreachable");
    }

    [Fact]
    public async Task Association_filter_naming_an_unknown_class_is_CannotProcessFilter()
    {
        if (!Ready)
            return;
        var filter = Filter(Soap.AssociationDialect, $"<wsmb:AssociatedInstances>{Host1Object}<wsmb:AssociationClassName>CCT_Nothing</wsmb:AssociationClassName></wsmb:AssociatedInstances>");
        (await Client.PostAsync(Soap.Envelope(Soap.Enumerate, Soap.AllClasses, Soap.EnumerateBody(filter)))).ShouldFault(Soap.Wsen, "CannotProcessFilter");
    }
}
