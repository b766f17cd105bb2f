using System.CommandLine;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Security;
using CimCloud.CimXmlEndpoint.Hosting;
using CimCloud.WsManEndpoint.Hosting;
using Microsoft.Extensions.Logging;

namespace CimCloud.Cli.Serve;

/// <summary>The optional CIM-XML server of <c>cimcloud serve --cimxml [URL]</c>, sharing operations, users and certificate with WS-Man.</summary>
internal static class CimXmlServe
{
    public static CimXmlServer? Create(ParseResult parse, ServeOptions o, WsManServerOptions settings, ICimOperations operations, CimRepository repository,
        ICimCredentialVerifier users, ILoggerFactory loggerFactory)
    {
        if (parse.GetResult(o.CimXml) is null)
            return null;
        var urls = (parse.GetValue(o.CimXml) ?? [])
            .Select(u => string.IsNullOrWhiteSpace(u) || u.Equals("default", StringComparison.OrdinalIgnoreCase) ? CimXmlServerOptions.DefaultUrl : u)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (urls.Count == 0)
            urls.Add(CimXmlServerOptions.DefaultUrl);
        var options = new CimXmlServerOptions
        {
            Urls = urls,
            CertificatePath = settings.CertificatePath,
            CertificatePassword = settings.CertificatePassword,
        };
        return new CimXmlServer(operations, repository, options, users, loggerFactory);
    }
}
