using System.Xml;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.CimXmlEndpoint.Hosting;
using CimCloud.CimXmlEndpoint.Operations;
using CimCloud.CimXmlEndpoint.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CimCloud.CimXmlEndpoint.Transport;

/// <summary>
/// The DSP0200 HTTP binding: POST or M-POST to the endpoint path, HTTP Basic, the CIMOperation / CIMMethod / CIMObject /
/// CIMProtocolVersion headers checked against the message, protocol errors as HTTP status plus CIMError header, and
/// CIM-XML responses streamed in chunks. When the client sent <c>TE: trailers</c>, streamed responses end with the
/// CIMStatusCode/CIMStatusCodeDescription trailers, which also report an error that happens mid-stream; without it such
/// an error aborts the connection so that a truncated answer is never taken for a complete one.
/// </summary>
internal sealed partial class CimXmlHttpEndpoint(
    CimXmlServerOptions options, BasicAuthentication authentication, IntrinsicOperations intrinsic, ExtrinsicOperations extrinsic, ILogger logger)
{
    private readonly string _host = options.HostName ?? Environment.MachineName;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        if (!string.Equals(request.Path.Value?.TrimEnd('/'), options.Path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.Equals(request.Method, "POST") && !HttpMethods.Equals(request.Method, "M-POST"))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "POST, M-POST";
            return;
        }

        var principal = authentication.Authenticate(request);
        if (principal is null)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = authentication.Challenge;
            return;
        }

        CimXmlHeaders? headers = null;
        CimXmlRequest parsed;
        try
        {
            headers = CimXmlHeaders.From(request);
            CheckHeaders(request, headers);
            var document = await ReadBodyAsync(request, http.RequestAborted);
            parsed = CimXmlRequestParser.Parse(document);
            CheckHeadersMatch(headers, parsed);
        }
        catch (CimXmlProtocolException e)
        {
            ProtocolError(response, headers, e);
            return;
        }
        catch (CimException e)
        {
            // A malformed path in the envelope (e.g. LOCALNAMESPACEPATH without NAMESPACE).
            ProtocolError(response, headers, CimXmlProtocolException.NotValid(e.Message));
            return;
        }

        var operation = new CimOperationContext(principal.Name, DateTimeOffset.UtcNow + options.OperationTimeout)
        {
            Principal = principal,
            RemoteAddress = http.Connection.RemoteIpAddress?.ToString(),
        };
        try
        {
            await RespondAsync(http, headers, new CallContext(parsed, operation, http.RequestAborted));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            // The client went away while the answer was being written; nothing to tell it.
        }
    }

    private void CheckHeaders(HttpRequest request, CimXmlHeaders headers)
    {
        var contentType = request.ContentType ?? string.Empty;
        if (!contentType.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase) && !contentType.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase))
            throw new CimXmlProtocolException(415, "request-not-valid", $"Content-Type '{contentType}' is not application/xml or text/xml");
        var operation = headers.Get("CIMOperation")
            ?? throw CimXmlProtocolException.HeaderMismatch("the CIMOperation header is missing; CIM-XML requests carry 'CIMOperation: MethodCall'");
        if (!string.Equals(operation, "MethodCall", StringComparison.OrdinalIgnoreCase))
            throw CimXmlProtocolException.UnsupportedOperation($"CIMOperation '{operation}' is not supported; only MethodCall is");
        if (headers.Get("CIMProtocolVersion") is { } version && !version.StartsWith('1'))
            throw new CimXmlProtocolException(501, "unsupported-protocol-version", $"CIMProtocolVersion {version} is not supported; this server speaks 1.x");
        if (headers.Get("CIMBatch") is not null)
            throw new CimXmlProtocolException(501, "multiple-requests-unsupported", "batched (multiple) requests are not supported");
        if (headers.Get("CIMMethod") is null)
            throw CimXmlProtocolException.HeaderMismatch("the CIMMethod header is missing");
        if (headers.Get("CIMObject") is null)
            throw CimXmlProtocolException.HeaderMismatch("the CIMObject header is missing");
        if (request.ContentLength is { } length && length > options.MaxRequestSize)
            throw new CimXmlProtocolException(413, "request-not-valid", $"the request body ({length} bytes) exceeds the limit of {options.MaxRequestSize} bytes");
    }

    private static void CheckHeadersMatch(CimXmlHeaders headers, CimXmlRequest request)
    {
        var method = headers.Get("CIMMethod")!;
        if (!string.Equals(method, request.MethodName, StringComparison.OrdinalIgnoreCase))
            throw CimXmlProtocolException.HeaderMismatch($"CIMMethod header '{method}' does not match the method {request.MethodName} in the message");
        var cimObject = headers.Get("CIMObject")!;
        if (request.IsIntrinsic)
        {
            if (!string.Equals(CimObjectPath.NormalizeNamespace(cimObject), request.Namespace, StringComparison.OrdinalIgnoreCase))
                throw CimXmlProtocolException.HeaderMismatch($"CIMObject header '{cimObject}' does not match the namespace {request.Namespace} in the message");
            return;
        }

        // Extrinsic: namespace and class must agree; key formatting differs between clients, so keys are not compared.
        var target = request.Target!;
        var colon = cimObject.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? string.Empty : CimObjectPath.NormalizeNamespace(cimObject[..colon]);
        var rest = colon < 0 ? cimObject : cimObject[(colon + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        var className = dot < 0 ? rest : rest[..dot];
        if (!string.Equals(ns, target.Namespace, StringComparison.OrdinalIgnoreCase) || !string.Equals(className, target.ClassName, StringComparison.OrdinalIgnoreCase))
            throw CimXmlProtocolException.HeaderMismatch($"CIMObject header '{cimObject}' does not match the target {target} in the message");
    }

    private async Task<System.Xml.Linq.XDocument> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.MaxRequestSize;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new CimXmlProtocolException(413, "request-not-valid", $"the request body exceeds the limit of {limit} bytes");
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
            throw CimXmlProtocolException.NotWellFormed("the request body is empty");
        buffer.Position = 0;
        return SafeXmlLoader.Load(buffer, limit, options.MaxXmlDepth);
    }

    private async Task RespondAsync(HttpContext http, CimXmlHeaders? headers, CallContext call)
    {
        var response = http.Response;
        OperationResult? result = null;
        CimException? error = null;
        try
        {
            result = call.Request.IsIntrinsic
                ? await intrinsic.ExecuteAsync(call)
                : await extrinsic.ExecuteAsync(call);
        }
        catch (Exception e) when (ToCimError(e, call) is { } mapped)
        {
            error = mapped;
        }

        var prefix = headers?.Prefix ?? string.Empty;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/xml; charset=\"utf-8\"";
        if (prefix.Length > 0)
            response.Headers["Ext"] = string.Empty;
        response.Headers[prefix + "CIMOperation"] = "MethodResponse";
        var trailers = result is not null && error is null && WantsTrailers(http);
        if (trailers)
            response.Headers["Trailer"] = prefix + "CIMStatusCode, " + prefix + "CIMStatusCodeDescription";

        using var body = new ResponseStream(response);
        var writer = new CimXmlWriter(body.Xml, _host);
        var responseElement = call.Request.IsIntrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE";
        body.Xml.WriteStartDocument();
        writer.Start("CIM");
        writer.Attribute("CIMVERSION", "2.0");
        writer.Attribute("DTDVERSION", "2.0");
        writer.Start("MESSAGE");
        writer.Attribute("ID", call.Request.MessageId);
        writer.Attribute("PROTOCOLVERSION", "1.0");
        writer.Start("SIMPLERSP");
        writer.Start(responseElement);
        writer.Attribute("NAME", call.Request.MethodName);
        if (error is not null)
        {
            WriteError(writer, error);
        }
        else
        {
            try
            {
                await result!.WriteAsync(body, writer, call.Cancellation);
            }
            catch (Exception e) when (ToCimError(e, call) is { } mapped)
            {
                // Mid-stream failure: the 200 status may already be on the wire.
                if (trailers)
                {
                    body.Xml.Flush();
                    SetTrailers(response, prefix, mapped.StatusCode, mapped.Message);
                    await body.SendRemainingAsync(CancellationToken.None);
                    return;
                }

                if (body.HasStarted)
                {
                    CimXmlLog.Aborted(logger, call.Request.MethodName, mapped.Message);
                    http.Abort();
                    return;
                }

                // Nothing sent yet: start over with an ERROR response.
                await RespondWithErrorAsync(http, call, mapped);
                return;
            }
        }

        writer.End();
        writer.End();
        writer.End();
        writer.End();
        body.Xml.WriteEndDocument();
        if (trailers)
        {
            body.Xml.Flush();
            SetTrailers(response, prefix, CimStatusCode.Ok, null);
            await body.SendRemainingAsync(call.Cancellation);
            return;
        }

        await body.CompleteAsync(call.Cancellation);
    }

    private async Task RespondWithErrorAsync(HttpContext http, CallContext call, CimException error)
    {
        var response = http.Response;
        response.Headers.Remove("Trailer");
        using var body = new ResponseStream(response);
        var writer = new CimXmlWriter(body.Xml, _host);
        body.Xml.WriteStartDocument();
        writer.Start("CIM");
        writer.Attribute("CIMVERSION", "2.0");
        writer.Attribute("DTDVERSION", "2.0");
        writer.Start("MESSAGE");
        writer.Attribute("ID", call.Request.MessageId);
        writer.Attribute("PROTOCOLVERSION", "1.0");
        writer.Start("SIMPLERSP");
        writer.Start(call.Request.IsIntrinsic ? "IMETHODRESPONSE" : "METHODRESPONSE");
        writer.Attribute("NAME", call.Request.MethodName);
        WriteError(writer, error);
        writer.End();
        writer.End();
        writer.End();
        writer.End();
        body.Xml.WriteEndDocument();
        await body.CompleteAsync(call.Cancellation);
    }

    private static void WriteError(CimXmlWriter writer, CimException error)
    {
        writer.Start("ERROR");
        writer.Attribute("CODE", ((int)error.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.Attribute("DESCRIPTION", error.Message);
        writer.End();
    }

    private static bool WantsTrailers(HttpContext http) =>
        http.Request.Headers.TE.ToString().Contains("trailers", StringComparison.OrdinalIgnoreCase) && http.Response.SupportsTrailers();

    private static void SetTrailers(HttpResponse response, string prefix, CimStatusCode code, string? description)
    {
        response.AppendTrailer(prefix + "CIMStatusCode", ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (description is not null)
            response.AppendTrailer(prefix + "CIMStatusCodeDescription", Uri.EscapeDataString(description));
    }

    /// <summary>The core's one mapping: CimException carries the DSP0200 status; a passed deadline and internal faults are CIM_ERR_FAILED.</summary>
    private CimException? ToCimError(Exception e, CallContext call)
    {
        switch (e)
        {
            case CimException cim:
                return cim;
            case TimeoutException:
                return new CimException(CimStatusCode.Failed, $"the operation did not finish within {options.OperationTimeout.TotalSeconds:0} s");
            case OperationCanceledException when call.Cancellation.IsCancellationRequested:
                return null; // the client went away
            case XmlException or ArgumentException or InvalidCastException or FormatException:
                return new CimException(CimStatusCode.InvalidParameter, e.Message);
            default:
                CimXmlLog.Failed(logger, call.Request.MethodName, e);
                return new CimException(CimStatusCode.Failed, $"internal error in {call.Request.MethodName}: {e.GetType().Name}");
        }
    }

    private static void ProtocolError(HttpResponse response, CimXmlHeaders? headers, CimXmlProtocolException e)
    {
        response.StatusCode = e.HttpStatus;
        response.Headers[(headers?.Prefix ?? string.Empty) + "CIMError"] = e.CimError;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers["CIMErrorDescription"] = Uri.EscapeDataString(e.Message);
    }
}
