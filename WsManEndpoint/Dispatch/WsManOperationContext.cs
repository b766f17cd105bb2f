using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Security;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Dispatch;

/// <summary>
/// One authenticated, header-checked request on its way through a handler: the request, the user, the CIM
/// operation context (user and OperationTimeout deadline), a token cancelled at the deadline, and the envelope
/// limit that applies to the response.
/// </summary>
internal sealed class WsManOperationContext
{
    private InstanceWriteOptions? _writeOptions;

    public WsManOperationContext(WsManRequest request, string user, EndpointServices services, ResponseEncoding encoding, bool isHttps,
        CancellationToken cancellation, CimPrincipal? principal = null, string? remoteAddress = null)
    {
        Request = request;
        User = user;
        Services = services;
        Encoding = encoding;
        IsHttps = isHttps;
        Cancellation = cancellation;
        DeadlineTicks = Environment.TickCount64 + (long)Math.Min(request.OperationTimeout.TotalMilliseconds, int.MaxValue);
        Cim = new CimOperationContext(user, DateTimeOffset.UtcNow + request.OperationTimeout) { Principal = principal, RemoteAddress = remoteAddress };
        var cap = services.Options.MaxEnvelopeSize;
        MaxEnvelopeSize = request.MaxEnvelopeSize is { } asked ? Math.Min(asked, cap) : cap;
        EnvelopeLimitDetail = request.MaxEnvelopeSize is { } r && r <= cap ? "MaxEnvelopeSize" : "ServiceEnvelopeLimit";
    }

    public WsManRequest Request { get; }

    public string User { get; }

    public EndpointServices Services { get; }

    public ResponseEncoding Encoding { get; }

    public bool IsHttps { get; }

    /// <summary>Cancelled when OperationTimeout elapses or the client goes away.</summary>
    public CancellationToken Cancellation { get; }

    public CimOperationContext Cim { get; }

    /// <summary>Environment.TickCount64 at which OperationTimeout elapses.</summary>
    public long DeadlineTicks { get; }

    /// <summary>The response limit: min(MaxEnvelopeSize asked, server cap).</summary>
    public int MaxEnvelopeSize { get; }

    /// <summary>FaultDetail for a response over the limit: MaxEnvelopeSize, or ServiceEnvelopeLimit when the server cap binds.</summary>
    public string EnvelopeLimitDetail { get; }

    public ReplyInfo Reply => ReplyInfo.For(Request);

    public TimeSpan TimeLeft => TimeSpan.FromMilliseconds(Math.Max(0, DeadlineTicks - Environment.TickCount64));

    /// <summary>Instance rendering for this request: the default namespace, and ExcludeNilProperties when asked.</summary>
    public InstanceWriteOptions WriteOptions => _writeOptions ??= new InstanceWriteOptions
    {
        DefaultNamespace = Services.Options.DefaultNamespace,
        IncludeNil = Request.FindOption(SupportedOptions.ExcludeNilProperties) is not { } o || o.Value is not ("true" or "1"),
    };

    /// <summary>Encodes a response and checks it against the envelope limit (over it: <c>wsman:EncodingLimit</c>).</summary>
    public EncodedEnvelope EncodeChecked(WsManResponse response)
    {
        var encoded = SoapEnvelopeWriter.Encode(response, Reply, Encoding);
        if (encoded.Length <= MaxEnvelopeSize)
            return encoded;
        var size = encoded.Length;
        encoded.Dispose();
        throw WsManFaults.EncodingLimit(EnvelopeLimitDetail, $"the response takes {size} octets; the limit is {MaxEnvelopeSize}");
    }
}
