using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Enumeration;
using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>
/// WS-Enumeration Pull (spec digest §8.2): up to MaxElements items within MaxTime and the envelope limit (an item that
/// does not fit waits for the next Pull); no item within the wait → <c>wsman:TimedOut</c> with the context still
/// valid. Unknown, expired, released or another user's context → <c>wsen:InvalidEnumerationContext</c>. The last
/// batch carries EndOfSequence and drops the context; a failing provider drops it too.
/// </summary>
internal sealed class PullHandler : IWsManHandler
{
    private static readonly System.Xml.Linq.XNamespace Wsen = WsManNamespaces.Enumeration;

    public async ValueTask<WsManResponse> HandleAsync(WsManOperationContext context)
    {
        var request = context.Request;
        var body = request.Body;
        if (body is null || body.Name != Wsen + "Pull")
            throw WsManFaults.SchemaValidationError("a Pull request needs a wsen:Pull body");
        var id = body.Element(Wsen + "EnumerationContext")?.Value.Trim();
        if (string.IsNullOrEmpty(id))
            throw WsManFaults.InvalidEnumerationContext("the Pull names no wsen:EnumerationContext");
        var maxTime = MaxTime(body.Element(Wsen + "MaxTime")?.Value);
        var maxElements = EnumerateRequest.ParseMaxElements(body.Element(Wsen + "MaxElements")?.Value);

        var store = context.Services.Contexts;
        var enumeration = store.Find(id, context.User) ?? throw WsManFaults.InvalidEnumerationContext();
        await enumeration.Gate.WaitAsync(context.Cancellation);
        var drop = false;
        EnumerationBatch? batch = null;
        try
        {
            if (enumeration.IsDisposed)
                throw WsManFaults.InvalidEnumerationContext();
            enumeration.Touch();
            var budget = context.MaxEnvelopeSize - Overhead(context, enumeration);
            batch = await BatchFiller.FillAsync(enumeration, maxElements, EnumerationTiming.Wait(context, maxTime), budget,
                context.Encoding, context.EnvelopeLimitDetail, context.Cancellation);
            if (batch.Count == 0 && batch.TimedOut)
                throw WsManFaults.TimedOut("no items became available within MaxTime; the enumeration context is still valid");
            var response = EnumerationBodies.Pull(enumeration.Id, batch, batch.Ended);
            if (request.RequestTotalItemsCountEstimate)
                response.Headers.Add(EnumerationBodies.TotalItemsCountEstimate(enumeration.TotalEstimate));
            response.Encoded = context.EncodeChecked(response);
            drop = batch.Ended;
            return response;
        }
        catch (CimException)
        {
            drop = true;
            throw;
        }
        finally
        {
            batch?.Dispose();
            enumeration.Touch();
            enumeration.Gate.Release();
            if (drop)
                store.Remove(enumeration);
        }
    }

    private static TimeSpan? MaxTime(string? text)
    {
        if (text is null)
            return null;
        if (!XsDuration.TryParse(text, out var maxTime))
            throw WsManFaults.SchemaValidationError($"wsen:MaxTime '{text}' is not an xs:duration");
        return maxTime < TimeSpan.Zero ? TimeSpan.Zero : maxTime;
    }

    private static int Overhead(WsManOperationContext context, EnumerationContext enumeration)
    {
        var open = EnumerationBodies.Pull(enumeration.Id, null, ended: false);
        var ended = EnumerationBodies.Pull(enumeration.Id, null, ended: true);
        if (context.Request.RequestTotalItemsCountEstimate)
        {
            open.Headers.Add(EnumerationBodies.TotalItemsCountEstimate(long.MaxValue));
            ended.Headers.Add(EnumerationBodies.TotalItemsCountEstimate(long.MaxValue));
        }

        return Math.Max(SoapEnvelopeWriter.Measure(open, context.Reply, context.Encoding), SoapEnvelopeWriter.Measure(ended, context.Reply, context.Encoding));
    }
}
