using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Dispatch;

/// <summary>What the transport sends back: 200 with an envelope, 500 with a fault envelope, or 401 without a body.</summary>
internal readonly record struct PipelineResult(int StatusCode, EncodedEnvelope? Envelope)
{
    public static PipelineResult Unauthorized { get; } = new(401, null);
}
