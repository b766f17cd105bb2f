using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace CimCloud.ConformanceTests.CimXml;

/// <summary>Hand-written DSP0201 messages over HttpClient, for every operation and every protocol error path.</summary>
internal static class RawCimXml
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public sealed record Reply(HttpStatusCode Status, string Body, HttpResponseHeaders Headers)
    {
        public XElement Document => XElement.Parse(Body);

        /// <summary>IMETHODRESPONSE or METHODRESPONSE.</summary>
        public XElement Response => Document.Descendants().First(e => e.Name.LocalName is "IMETHODRESPONSE" or "METHODRESPONSE");

        public int? ErrorCode => Response.Element("ERROR") is { } e ? int.Parse(e.Attribute("CODE")!.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

        public string ErrorDescription => Response.Element("ERROR")?.Attribute("DESCRIPTION")?.Value ?? string.Empty;

        public XElement ReturnValue => Response.Element("IRETURNVALUE") ?? throw new InvalidOperationException($"no IRETURNVALUE in:\n{Body}");

        public string? OutParameter(string name) =>
            Response.Elements("PARAMVALUE").FirstOrDefault(p => p.Attribute("NAME")?.Value == name)?.Element("VALUE")?.Value;

        public string? Header(string name) => Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;
    }

    public static string NamespacePath(string ns = "root/cimv2") =>
        "<LOCALNAMESPACEPATH>" + string.Concat(ns.Split('/').Select(n => $"<NAMESPACE NAME=\"{n}\"/>")) + "</LOCALNAMESPACEPATH>";

    public static string Message(string call, string id = "1001", string protocol = "1.0", string cimVersion = "2.0") =>
        $"""<?xml version="1.0" encoding="utf-8"?><CIM CIMVERSION="{cimVersion}" DTDVERSION="2.0"><MESSAGE ID="{id}" PROTOCOLVERSION="{protocol}"><SIMPLEREQ>{call}</SIMPLEREQ></MESSAGE></CIM>""";

    public static string Intrinsic(string name, string parameters = "", string ns = "root/cimv2") =>
        Message($"""<IMETHODCALL NAME="{name}">{NamespacePath(ns)}{parameters}</IMETHODCALL>""");

    public static string Param(string name, string content) => $"""<IPARAMVALUE NAME="{name}">{content}</IPARAMVALUE>""";

    public static string Value(string name, string value) => Param(name, $"<VALUE>{System.Security.SecurityElement.Escape(value)}</VALUE>");

    public static string ClassName(string name, string className) => Param(name, $"""<CLASSNAME NAME="{className}"/>""");

    public static string InstanceName(string className, params (string Key, string Value)[] keys) =>
        $"""<INSTANCENAME CLASSNAME="{className}">"""
        + string.Concat(keys.Select(k => $"""<KEYBINDING NAME="{k.Key}"><KEYVALUE VALUETYPE="{(k.Value.All(char.IsAsciiDigit) ? "numeric" : "string")}">{k.Value}</KEYVALUE></KEYBINDING>"""))
        + "</INSTANCENAME>";

    public static string Host1 => InstanceName("CCT_Host", ("InstanceID", "host-1"));

    public static Task<Reply> CallAsync(Uri endpoint, string method, string parameters = "", string ns = "root/cimv2") =>
        PostAsync(endpoint, Intrinsic(method, parameters, ns), method, Uri.EscapeDataString(ns));

    public static async Task<Reply> PostAsync(Uri endpoint, string body, string? cimMethod, string? cimObject, bool authenticate = true,
        string httpMethod = "POST", IReadOnlyDictionary<string, string>? headers = null, string operation = "MethodCall", string contentType = "application/xml; charset=utf-8")
    {
        using var request = new HttpRequestMessage(new HttpMethod(httpMethod), endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (authenticate)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{CimXmlServerProcess.User}:{CimXmlServerProcess.Password}")));
        }

        var prefix = headers is not null && headers.TryGetValue("Man", out var man) ? man[(man.LastIndexOf('=') + 1)..].Trim() + "-" : string.Empty;
        if (operation.Length > 0)
            request.Headers.TryAddWithoutValidation(prefix + "CIMOperation", operation);
        if (cimMethod is not null)
            request.Headers.TryAddWithoutValidation(prefix + "CIMMethod", cimMethod);
        if (cimObject is not null)
            request.Headers.TryAddWithoutValidation(prefix + "CIMObject", cimObject);
        request.Headers.TryAddWithoutValidation(prefix + "CIMProtocolVersion", "1.0");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await Http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers);
    }
}
