using System.Xml;
using CimCloud.Cimom.Security;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Handlers;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Dispatch;

/// <summary>
/// One decoded request envelope to one encoded response: read (not well formed → SchemaValidationError without
/// RelatesTo), header rules in the spec's order, Identify short-circuit, dispatch under OperationTimeout (a handler
/// that overruns is abandoned with <c>wsman:TimedOut</c>, so a request never hangs), every failure mapped to a fault
/// (unexpected ones logged once), then the envelope size check.
/// </summary>
internal sealed class WsManPipeline(EndpointServices services, RequestValidator validator, WsManDispatcher dispatcher)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly SoapEnvelopeReader _reader = new(services.Options.EffectiveMaxRequestSize, services.Options.MaxXmlDepth);

    public async Task<PipelineResult> ProcessAsync(string text, ResponseEncoding encoding, CimPrincipal? principal, string? remoteAddress, bool isHttps,
        CancellationToken aborted)
    {
        var user = principal?.Name;
        SoapEnvelope envelope;
        try
        {
            envelope = _reader.Read(text);
        }
        catch (XmlException ex)
        {
            return Fault(WsManFaults.SchemaValidationError($"the request is not well-formed XML: {ex.Message}"), ReplyInfo.None, encoding, null);
        }
        catch (WsManFault fault)
        {
            return Fault(fault, ReplyInfo.None, encoding, null);
        }

        try
        {
            RequestValidator.CheckEnvelope(envelope);
            if (envelope.IsIdentify)
            {
                var identify = IdentifyHandler.Respond(services, authenticated: user is not null, isHttps);
                return new PipelineResult(200, SoapEnvelopeWriter.Encode(identify, ReplyInfo.None, encoding));
            }

            if (user is null)
                return PipelineResult.Unauthorized;
            var request = validator.Validate(envelope, user);
            return await RunAsync(request, principal!, remoteAddress, encoding, isHttps, aborted);
        }
        catch (WsManFault fault)
        {
            return Fault(fault, FaultReply(envelope), encoding, envelope.Action);
        }
    }

    private async Task<PipelineResult> RunAsync(WsManRequest request, CimPrincipal principal, string? remoteAddress, ResponseEncoding encoding, bool isHttps,
        CancellationToken aborted)
    {
        var user = principal.Name;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(request.OperationTimeout);
        var context = new WsManOperationContext(request, user, services, encoding, isHttps, timeout.Token, principal, remoteAddress);
        try
        {
            var pending = dispatcher.DispatchAsync(context);
            var response = pending.IsCompletedSuccessfully
                ? pending.Result
                : await AwaitWithinTimeoutAsync(pending.AsTask(), request);
            var encoded = response.Encoded ?? context.EncodeChecked(response);
            return new PipelineResult(200, encoded);
        }
        catch (Exception ex)
        {
            var timedOut = timeout.IsCancellationRequested && !aborted.IsCancellationRequested;
            var fault = ExceptionMapper.ToFault(ex, timedOut, out var unexpected);
            validator.ForgetMessageId(user, request.MessageId);
            if (unexpected)
                DispatchLog.Unexpected(services.Logger, ex, request.Action, request.ResourceUri);
            return Fault(fault, ReplyInfo.For(request), encoding, request.Action);
        }
    }

    private async Task<WsManResponse> AwaitWithinTimeoutAsync(Task<WsManResponse> task, WsManRequest request)
    {
        try
        {
            return await task.WaitAsync(request.OperationTimeout + Grace);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            DispatchLog.Abandoned(services.Logger, request.Action);
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    private PipelineResult Fault(WsManFault fault, ReplyInfo reply, ResponseEncoding encoding, string? action)
    {
        if (services.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            var subcode = fault.Subcode?.LocalName ?? fault.Code.ToString();
            DispatchLog.Fault(services.Logger, subcode, fault.Detail, action, fault.Message);
        }
        var response = FaultResponse.Create(fault, services.MachineName);
        return new PipelineResult(500, SoapEnvelopeWriter.Encode(response, reply, encoding));
    }

    /// <summary>RelatesTo whenever the MessageID was readable; reference parameters of FaultTo (else ReplyTo).</summary>
    private static ReplyInfo FaultReply(SoapEnvelope envelope)
    {
        var relatesTo = string.IsNullOrEmpty(envelope.MessageId) ? null : envelope.MessageId;
        var epr = envelope.FaultTo ?? envelope.ReplyTo;
        return new ReplyInfo(relatesTo, epr?.ReferenceParameters ?? []);
    }
}
