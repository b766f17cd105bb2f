using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace CimCloud.CimXmlEndpoint.Tests.Server;

/// <summary>DSP0201 messages over HttpClient for the in-process server.</summary>
internal static class Raw
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(120) };

    public sealed record Reply(HttpStatusCode Status, string Body, HttpResponseMessage Message)
    {
        public XElement Response => XElement.Parse(Body).Descendants().First(e => e.Name.LocalName is "IMETHODRESPONSE" or "METHODRESPONSE");

        public int? ErrorCode => Response.Element("ERROR") is { } e ? int.Parse(e.Attribute("CODE")!.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

        public string? OutParameter(string name) =>
            Response.Elements("PARAMVALUE").FirstOrDefault(p => p.Attribute("NAME")?.Value == name)?.Element("VALUE")?.Value;
    }

    public static string Ns => """<LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="cimv2"/></LOCALNAMESPACEPATH>""";

    public static string Wrap(string call) =>
        $"""<?xml version="1.0" encoding="utf-8"?><CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="9" PROTOCOLVERSION="1.0"><SIMPLEREQ>{call}</SIMPLEREQ></MESSAGE></CIM>""";

    public static Task<Reply> IntrinsicAsync(Uri endpoint, string method, string parameters = "") =>
        PostAsync(endpoint, Wrap($"""<IMETHODCALL NAME="{method}">{Ns}{parameters}</IMETHODCALL>"""), method, "root%2Fcimv2");

    public static Task<Reply> MethodAsync(Uri endpoint, string method, string target, string cimObject, string parameters = "") =>
        PostAsync(endpoint, Wrap($"""<METHODCALL NAME="{method}">{target}{parameters}</METHODCALL>"""), method, Uri.EscapeDataString(cimObject));

    public static async Task<Reply> PostAsync(Uri endpoint, string body, string method, string cimObject)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestCimXmlServer.User}:{TestCimXmlServer.Password}")));
        request.Headers.TryAddWithoutValidation("CIMOperation", "MethodCall");
        request.Headers.TryAddWithoutValidation("CIMMethod", method);
        request.Headers.TryAddWithoutValidation("CIMObject", cimObject);
        var response = await Http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static string ClassPath(string className) => $"""<LOCALCLASSPATH>{Ns}<CLASSNAME NAME="{className}"/></LOCALCLASSPATH>""";

    public static string InstancePath(string className, string key, string value) =>
        $"""<LOCALINSTANCEPATH>{Ns}<INSTANCENAME CLASSNAME="{className}"><KEYBINDING NAME="{key}"><KEYVALUE>{value}</KEYVALUE></KEYBINDING></INSTANCENAME></LOCALINSTANCEPATH>""";

    public static string ParamValue(string name, string content) => $"""<PARAMVALUE NAME="{name}">{content}</PARAMVALUE>""";
}
