using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.WsManEndpoint.Tests.Server;

/// <summary>Shared plumbing of the server tests: the fixture, a client for each server, and the data-present check.</summary>
[Collection(ServerCollection.Name)]
public abstract class ServerTestBase : IDisposable
{
    protected static readonly XNamespace S = Soap.S;
    protected static readonly XNamespace Wsa = Soap.Wsa;
    protected static readonly XNamespace WsMan = Soap.WsMan;
    protected static readonly XNamespace Wsen = Soap.Wsen;
    protected static readonly XNamespace Wxf = Soap.Wxf;
    protected static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    protected ServerTestBase(ServerFixture fixture, ITestOutputHelper output)
    {
        Fixture = fixture;
        Output = output;
        Client = new WsManTestClient(fixture.Endpoint);
        Tight = new WsManTestClient(fixture.TightEndpoint);
    }

    protected ServerFixture Fixture { get; }

    protected ITestOutputHelper Output { get; }

    /// <summary>Client of the main server (method provider for CCT_Host).</summary>
    internal WsManTestClient Client { get; }

    /// <summary>Client of the tight server (no providers, 1 s context expiry, 3 contexts per user).</summary>
    internal WsManTestClient Tight { get; }

    /// <summary>False (test returns early) when the fixture MOF is absent outside CI.</summary>
    protected bool Ready => ServerTestData.Require(Output) && Fixture.IsAvailable;

    protected static XNamespace ClassNs(string className) => Soap.Uri(className);

    /// <summary>The text of a property element of an instance element (null when absent).</summary>
    protected static string? Prop(XElement instance, string name) => instance.Element(instance.Name.Namespace + name)?.Value;

    /// <summary>The InstanceID of an item: an instance element, an EPR, or a wsman:Item.</summary>
    protected static string ItemId(XElement item)
    {
        if (item.Name == WsMan + "Item")
            item = item.Elements().First();
        if (item.Name == Wsa + "EndpointReference")
            return item.Descendants(WsMan + "Selector").Single(s => (string?)s.Attribute("Name") == "InstanceID").Value;
        return Prop(item, "InstanceID")!;
    }

    public void Dispose()
    {
        Client.Dispose();
        Tight.Dispose();
        GC.SuppressFinalize(this);
    }
}
