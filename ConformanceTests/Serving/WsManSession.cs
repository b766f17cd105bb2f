using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Xml.Linq;

namespace CimCloud.ConformanceTests.Serving;

/// <summary>
/// A small raw WS-Management client for black-box tests of <c>cimcloud serve</c>: Get, Enumerate (+Pull until the
/// end), association filters, Invoke; the namespace goes as the <c>__cimnamespace</c> selector. A SOAP fault
/// becomes a <see cref="WsManFaultException"/>.
/// </summary>
public sealed class WsManSession(Uri endpoint, string user = CimCloudServer.User, string password = CimCloudServer.Password) : IDisposable
{
    public const string ClassUriPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public const string AllClasses = "http://schemas.dmtf.org/wbem/wscim/1/*";
    public static readonly XNamespace Soap = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static readonly XNamespace WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static readonly XNamespace Wsen = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static readonly XNamespace Wsmb = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";

    private const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(120) };

    public Uri Endpoint => endpoint;

    /// <summary>OperationTimeout sent with every request.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public static XNamespace ClassNs(string className) => ClassUriPrefix + className;

    /// <summary>An EPR element (<c>wsa:Address</c> + ReferenceParameters) naming an instance, with the namespace selector.</summary>
    public static string Epr(string elementName, string className, string @namespace, IEnumerable<(string Name, string Value)> keys) =>
        $"<{elementName}><wsa:Address>{Anonymous}</wsa:Address><wsa:ReferenceParameters><wsman:ResourceURI>{ClassUriPrefix}{className}</wsman:ResourceURI>"
        + $"<wsman:SelectorSet>{Selectors(keys.Append(("__cimnamespace", @namespace)))}</wsman:SelectorSet></wsa:ReferenceParameters></{elementName}>";

    public async Task<XElement> GetAsync(string className, string @namespace, params (string Name, string Value)[] keys)
    {
        var reply = await SendAsync("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", ClassUriPrefix + className, @namespace, keys, "");
        return reply.Root!.Element(Soap + "Body")!.Elements().Single();
    }

    /// <summary>Every instance of the class (and subclasses) in the namespace.</summary>
    public Task<IReadOnlyList<XElement>> EnumerateAsync(string className, string @namespace) =>
        EnumerateCoreAsync(ClassUriPrefix + className, @namespace, "");

    /// <summary>Associators (AssociatedInstances) of the instance <paramref name="sourceClass"/>/<paramref name="keys"/>.</summary>
    public Task<IReadOnlyList<XElement>> AssociatorsAsync(string sourceClass, string @namespace, IEnumerable<(string Name, string Value)> keys,
        string? associationClass = null, string? resultClass = null, string? role = null, string? resultRole = null) =>
        EnumerateCoreAsync(AllClasses, @namespace, AssociationFilter("AssociatedInstances", sourceClass, @namespace, keys, associationClass, resultClass, role, resultRole));

    /// <summary>References (AssociationInstances) of the instance.</summary>
    public Task<IReadOnlyList<XElement>> ReferencesAsync(string sourceClass, string @namespace, IEnumerable<(string Name, string Value)> keys,
        string? resultClass = null, string? role = null) =>
        EnumerateCoreAsync(AllClasses, @namespace, AssociationFilter("AssociationInstances", sourceClass, @namespace, keys, null, resultClass, role, null));

    /// <summary>Invokes <paramref name="method"/>; <paramref name="parametersXml"/> are the <c>p:Name</c> elements inside <c>p:Method_INPUT</c>.</summary>
    public async Task<XElement> InvokeAsync(string className, string @namespace, IEnumerable<(string Name, string Value)> keys, string method, string parametersXml = "")
    {
        var body = $"<p:{method}_INPUT xmlns:p=\"{ClassUriPrefix}{className}\">{parametersXml}</p:{method}_INPUT>";
        var reply = await SendAsync($"{ClassUriPrefix}{className}/{method}", ClassUriPrefix + className, @namespace, keys, body);
        return reply.Root!.Element(Soap + "Body")!.Elements().Single();
    }

    /// <summary>Sends one request; returns the reply or throws <see cref="WsManFaultException"/>.</summary>
    public async Task<XDocument> SendAsync(string action, string resourceUri, string @namespace, IEnumerable<(string Name, string Value)> selectors, string body)
    {
        var envelope = $"""
            <s:Envelope xmlns:s="{Soap}" xmlns:wsa="{Wsa}" xmlns:wsman="{WsMan}" xmlns:wsen="{Wsen}" xmlns:wsmb="{Wsmb}">
              <s:Header>
                <wsa:To>{endpoint}</wsa:To>
                <wsa:Action s:mustUnderstand="true">{action}</wsa:Action>
                <wsa:MessageID>uuid:{Guid.NewGuid()}</wsa:MessageID>
                <wsa:ReplyTo><wsa:Address>{Anonymous}</wsa:Address></wsa:ReplyTo>
                <wsman:ResourceURI s:mustUnderstand="true">{resourceUri}</wsman:ResourceURI>
                <wsman:SelectorSet>{Selectors(selectors.Append(("__cimnamespace", @namespace)))}</wsman:SelectorSet>
                <wsman:OperationTimeout>PT{OperationTimeout.TotalSeconds:0.###}S</wsman:OperationTimeout>
              </s:Header>
              <s:Body>{body}</s:Body>
            </s:Envelope>
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(envelope, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml;charset=UTF-8");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode} with an empty body for {action}");
        var reply = XDocument.Parse(text);
        if (reply.Root!.Element(Soap + "Body")!.Element(Soap + "Fault") is { } fault)
        {
            var subcode = fault.Descendants(Soap + "Subcode").Elements(Soap + "Value").LastOrDefault()?.Value ?? "";
            var local = subcode.Contains(':', StringComparison.Ordinal) ? subcode[(subcode.IndexOf(':', StringComparison.Ordinal) + 1)..] : subcode;
            throw new WsManFaultException(local, fault.Descendants(Soap + "Text").FirstOrDefault()?.Value ?? "", reply);
        }

        return reply;
    }

    public void Dispose() => _http.Dispose();

    private async Task<IReadOnlyList<XElement>> EnumerateCoreAsync(string resourceUri, string @namespace, string filter)
    {
        var items = new List<XElement>();
        var reply = await SendAsync("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate", resourceUri, @namespace, [],
            $"<wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>50</wsman:MaxElements>{filter}</wsen:Enumerate>");
        var body = reply.Root!.Element(Soap + "Body")!.Elements().Single();
        while (true)
        {
            items.AddRange(body.Element(WsMan + "Items")?.Elements() ?? body.Element(Wsen + "Items")?.Elements() ?? []);
            if (body.Element(WsMan + "EndOfSequence") is not null || body.Element(Wsen + "EndOfSequence") is not null)
                return items;
            var context = body.Element(Wsen + "EnumerationContext")?.Value
                ?? throw new InvalidOperationException("no EnumerationContext and no EndOfSequence:\n" + reply);
            reply = await SendAsync("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull", resourceUri, @namespace, [],
                $"<wsen:Pull><wsen:EnumerationContext>{SecurityElement.Escape(context)}</wsen:EnumerationContext><wsen:MaxElements>50</wsen:MaxElements></wsen:Pull>");
            body = reply.Root!.Element(Soap + "Body")!.Elements().Single();
        }
    }

    private static string AssociationFilter(string kind, string sourceClass, string @namespace, IEnumerable<(string Name, string Value)> keys,
        string? associationClass, string? resultClass, string? role, string? resultRole)
    {
        var inner = new StringBuilder(Epr("wsmb:Object", sourceClass, @namespace, keys));
        void Add(string name, string? value)
        {
            if (value is not null)
                inner.Append($"<wsmb:{name}>{SecurityElement.Escape(value)}</wsmb:{name}>");
        }

        Add("AssociationClassName", associationClass);
        Add("ResultClassName", resultClass);
        Add("Role", role);
        Add("ResultRole", resultRole);
        return $"<wsman:Filter Dialect=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter\"><wsmb:{kind}>{inner}</wsmb:{kind}></wsman:Filter>";
    }

    private static string Selectors(IEnumerable<(string Name, string Value)> selectors) =>
        string.Concat(selectors.Select(s => $"<wsman:Selector Name=\"{s.Name}\">{SecurityElement.Escape(s.Value)}</wsman:Selector>"));
}
