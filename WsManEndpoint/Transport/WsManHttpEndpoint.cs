using System.Buffers;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Security;
using CimCloud.Cimom.Security.Limits;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Security;
using CimCloud.WsManEndpoint.Soap;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CimCloud.WsManEndpoint.Transport;

/// <summary>
/// The HTTP binding (spec digest §1): POST only (405), the endpoint path only (404), <c>application/soap+xml</c>
/// only (415), a Content-Length or chunked body (411), Basic authentication (401 with a challenge and an empty
/// body; <c>WSMANIDENTIFY: unauthenticated</c> lets Identify through; 403 with a reason for Basic over plain HTTP
/// from another machine without AllowUnencrypted), the per-user limits (<c>wsman:QuotaLimit</c>), the request size cap, the request's encoding
/// for the response, and HTTP 500 for every SOAP fault.
/// </summary>
internal sealed class WsManHttpEndpoint(EndpointServices services, WsManPipeline pipeline, BasicAuthenticator authenticator, CimUserLimiter? limiter = null)
{
    private readonly string _path = services.Options.Path;
    private readonly int _limit = services.Options.EffectiveMaxRequestSize;

    /// <summary>Serves one HTTP request; a bug anywhere below becomes <c>wsman:InternalError</c> (logged), never a dropped connection.</summary>
    public async Task HandleAsync(HttpContext http)
    {
        try
        {
            await HandleCoreAsync(http);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            DispatchLog.Unexpected(services.Logger, ex, null, http.Request.Path.Value);
            if (!http.Response.HasStarted)
            {
                http.Response.Clear();
                await SendFaultAsync(http.Response, WsManFaults.InternalError($"internal error: {ex.GetType().Name}"), ResponseEncoding.Utf8);
            }
        }
    }

    private async Task HandleCoreAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        if (!string.Equals(request.Path.Value, _path, StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "POST";
            return;
        }

        if (!SoapContentType.TryParse(request.ContentType, out var charset))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (request.ContentLength is null && http.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            response.StatusCode = StatusCodes.Status411LengthRequired;
            return;
        }

        var identifyOnly = request.Headers.TryGetValue("WSMANIDENTIFY", out var identifyHeader)
            && identifyHeader.ToString().Trim().Equals("unauthenticated", StringComparison.OrdinalIgnoreCase);
        var principal = authenticator.Authenticate(request);
        if (principal is null && !identifyOnly)
        {
            if (authenticator.IsRefusedUnencrypted(request))
                await RefuseUnencryptedAsync(response);
            else
                Challenge(response, request);
            return;
        }

        CimUserLimiter.Lease? lease = null;
        if (principal is not null && limiter is not null)
        {
            try
            {
                lease = limiter.Enter(principal.Name);
            }
            catch (CimException overLimit)
            {
                await SendFaultAsync(response, CimFaultMapper.ToFault(overLimit), ResponseEncoding.Utf8);
                return;
            }
        }

        using (lease)
            await ServeAsync(http, principal, charset);
    }

    private async Task ServeAsync(HttpContext http, CimPrincipal? principal, string? charset)
    {
        var request = http.Request;
        var response = http.Response;
        var encoding = RequestDecoder.EncodingOf(charset) ?? ResponseEncoding.Utf8;
        if (RequestDecoder.EncodingOf(charset) is null)
        {
            await SendFaultAsync(response, WsManFaults.EncodingLimit("CharacterSet", $"charset {charset} is not supported; use UTF-8 or UTF-16"), ResponseEncoding.Utf8);
            return;
        }

        if (request.ContentLength > _limit)
        {
            await SendTooLargeAsync(response, encoding);
            return;
        }

        var body = await RequestBodyReader.ReadAsync(request, _limit, http.RequestAborted);
        if (body is not { } read)
        {
            await SendTooLargeAsync(response, encoding);
            return;
        }

        string text;
        try
        {
            text = RequestDecoder.Decode(read.Buffer.AsSpan(0, read.Length), ref encoding);
        }
        catch (WsManFault fault)
        {
            await SendFaultAsync(response, fault, ResponseEncoding.Utf8);
            return;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(read.Buffer);
        }

        var result = await pipeline.ProcessAsync(text, encoding, principal, http.Connection.RemoteIpAddress?.ToString(), request.IsHttps, http.RequestAborted);
        if (result.Envelope is not { } envelope)
        {
            Challenge(response, request);
            return;
        }

        using (envelope)
            await SendAsync(response, result.StatusCode, envelope);
    }

    /// <summary>
    /// The fault for an oversized request, whose body is left unread: the connection is closed after it (Kestrel would
    /// otherwise have to drain the rest first, or drop the connection under a client about to reuse it).
    /// </summary>
    private async Task SendTooLargeAsync(HttpResponse response, ResponseEncoding encoding)
    {
        response.Headers.Connection = "close";
        await SendFaultAsync(response, TooLarge(), encoding);
    }

    private WsManFault TooLarge() =>
        WsManFaults.EncodingLimit("ServiceEnvelopeLimit", $"the request is larger than the service limit of {_limit} octets");

    private static async Task RefuseUnencryptedAsync(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status403Forbidden;
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(BasicAuthenticator.UnencryptedRefusal);
    }

    private void Challenge(HttpResponse response, HttpRequest request)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        if (authenticator.IsEnabled(request))
            response.Headers[HeaderNames.WWWAuthenticate] = authenticator.Challenge;
        response.ContentLength = 0;
    }

    private async Task SendFaultAsync(HttpResponse response, WsManFault fault, ResponseEncoding encoding)
    {
        using var envelope = SoapEnvelopeWriter.Encode(FaultResponse.Create(fault, services.MachineName), ReplyInfo.None, encoding);
        await SendAsync(response, StatusCodes.Status500InternalServerError, envelope);
    }

    private static async Task SendAsync(HttpResponse response, int status, EncodedEnvelope envelope)
    {
        response.StatusCode = status;
        response.ContentType = envelope.Encoding.ContentType();
        response.ContentLength = envelope.Length;
        await response.Body.WriteAsync(envelope.Bytes);
    }
}
