using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Repository;
using CimCloud.WsManEndpoint.Enumeration;
using CimCloud.WsManEndpoint.Hosting;
using Microsoft.Extensions.Logging;

namespace CimCloud.WsManEndpoint.Dispatch;

/// <summary>What every handler shares: the CIM operations, the repository (schema lookups), settings, open enumerations, logging.</summary>
internal sealed class EndpointServices
{
    public required ICimOperations Operations { get; init; }

    public required CimRepository Repository { get; init; }

    public required WsManServerOptions Options { get; init; }

    public required EnumerationContextStore Contexts { get; init; }

    public required ILogger Logger { get; init; }

    public required string MachineName { get; init; }

    public required string ProductVersion { get; init; }
}
