using System.Xml;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>
/// WS-Management Identify (spec digest §5): recognised by the body <c>wsmid:Identify</c>, no addressing headers in or
/// out. Without authentication (<c>WSMANIDENTIFY: unauthenticated</c>) the version is trimmed and no security
/// profiles are listed.
/// </summary>
internal static class IdentifyHandler
{
    private const string SecProfile = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/";
    private static readonly string Ns = WsManNamespaces.Identity.NamespaceName;

    public static WsManResponse Respond(EndpointServices services, bool authenticated, bool isHttps)
    {
        var version = authenticated
            ? $"{services.ProductVersion} OS: {Environment.OSVersion.Version} Stack: 3.0"
            : services.ProductVersion;
        string[] profiles = !authenticated ? []
            : isHttps ? [SecProfile + "https/basic"]
            : [SecProfile + "http/basic"]; // authenticated over plain HTTP: Basic is enabled on this connection (loopback or AllowUnencrypted)
        return new WsManResponse(string.Empty, w => Write(w, version, profiles)) { IsIdentify = true };
    }

    private static void Write(XmlWriter w, string version, string[] profiles)
    {
        w.WriteStartElement("wsmid", "IdentifyResponse", Ns);
        w.WriteElementString("wsmid", "ProtocolVersion", Ns, WsManNamespaces.WsMan.NamespaceName);
        w.WriteElementString("wsmid", "ProductVendor", Ns, "CimCloud");
        w.WriteElementString("wsmid", "ProductVersion", Ns, version);
        if (profiles.Length > 0)
        {
            w.WriteStartElement("wsmid", "SecurityProfiles", Ns);
            foreach (var profile in profiles)
                w.WriteElementString("wsmid", "SecurityProfileName", Ns, profile);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }
}
