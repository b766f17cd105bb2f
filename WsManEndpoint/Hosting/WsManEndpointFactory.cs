using System.Reflection;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Security;
using CimCloud.Cimom.Security.Limits;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Enumeration;
using CimCloud.WsManEndpoint.Handlers;
using CimCloud.WsManEndpoint.Security;
using CimCloud.WsManEndpoint.Soap;
using CimCloud.WsManEndpoint.Transport;
using Microsoft.Extensions.Logging;

namespace CimCloud.WsManEndpoint.Hosting;

/// <summary>Wires the endpoint: users and Basic authentication, per-user limits, header rules, the action table, the HTTP entry point.</summary>
internal static class WsManEndpointFactory
{
    public static (WsManHttpEndpoint Endpoint, EnumerationContextStore Contexts, ICimCredentialVerifier Users) Create(
        ICimOperations operations, CimRepository repository, WsManServerOptions options, ILogger logger, ICimCredentialVerifier? credentials = null)
    {
        var users = credentials ?? UserVerifiers.FromOptions(options);
        var contexts = new EnumerationContextStore(options.MaxEnumerationContextsPerUser);
        var services = new EndpointServices
        {
            Operations = operations,
            Repository = repository,
            Options = options,
            Contexts = contexts,
            Logger = logger,
            MachineName = Environment.MachineName,
            ProductVersion = options.ProductVersion ?? AssemblyVersion(),
        };

        var unsupported = new UnsupportedActionHandler();
        var dispatcher = new WsManDispatcher(new InvokeHandler())
            .Add(WsManActions.Get, new GetHandler())
            .Add(WsManActions.Put, new PutHandler())
            .Add(WsManActions.Create, new CreateHandler())
            .Add(WsManActions.Delete, new DeleteHandler())
            .Add(WsManActions.Enumerate, new EnumerateHandler())
            .Add(WsManActions.Pull, new PullHandler())
            .Add(WsManActions.Release, new ReleaseHandler())
            .Add(WsManActions.Renew, unsupported)
            .Add(WsManActions.GetStatus, unsupported);
        var validator = new RequestValidator(options.OperationTimeout, options.MaxOperationTimeout, new MessageIdHistory(options.MessageIdHistory), SupportedOptions.All);
        var pipeline = new WsManPipeline(services, validator, dispatcher);
        var authenticator = new BasicAuthenticator(users, options.AllowUnencrypted, options.Realm);
        var limiter = new CimUserLimiter(new CimUserLimits
        {
            MaxConcurrentOperations = options.MaxConcurrentOperationsPerUser,
            MaxRequestsPerSecond = options.MaxRequestsPerSecondPerUser,
            RequestBurst = options.RequestBurstPerUser,
        });
        return (new WsManHttpEndpoint(services, pipeline, authenticator, limiter), contexts, users);
    }

    private static string AssemblyVersion()
    {
        var info = typeof(WsManEndpointFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(info))
            return "0.1.0";
        var plus = info.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? info : info[..plus];
    }
}
