using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.WsManEndpoint.Dispatch;
using CimCloud.WsManEndpoint.Enumeration;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Handlers;

/// <summary>
/// WS-Enumeration Enumerate (spec digest §8): opens the CIM operation the plan names and keeps its live enumerator in a
/// context bound to the user and resource URI (quota per user). With OptimizeEnumeration the first items come back at
/// once, as many as MaxElements and the envelope allow; a sequence that ends there leaves no context behind.
/// </summary>
internal sealed class EnumerateHandler : IWsManHandler
{
    public async ValueTask<WsManResponse> HandleAsync(WsManOperationContext context)
    {
        var request = context.Request;
        var services = context.Services;
        var enumerate = EnumerateRequest.Parse(request, services.Options.MaxEnumerationExpiry);
        var resource = ResolvedResource.Resolve(context);
        var plan = await EnumerationPlanner.PlanAsync(context, resource, enumerate);

        var store = services.Contexts;
        store.Reserve(context.User);
        EnumerationContext? enumeration = null;
        var stored = false;
        try
        {
            var lifetime = new CancellationTokenSource();
            IAsyncEnumerable<CimInstance> items;
            try
            {
                // The context outlives this request (no deadline) but keeps the user's principal: authorization applies.
                var owner = new CimOperationContext(context.User) { Principal = context.Cim.Principal, RemoteAddress = context.Cim.RemoteAddress };
                items = EnumerationPlanner.Open(plan, owner, enumerate.Filter is not null, lifetime.Token);
            }
            catch
            {
                lifetime.Dispose();
                throw;
            }

            var writeOptions = context.WriteOptions with { RenderAs = plan.RenderAs, ResourceClassName = plan.RenderAs?.Name ?? resource.Class?.Name };
            enumeration = new EnumerationContext(context.User, request.ResourceUri ?? string.Empty, items,
                ItemWriters.Create(enumerate.Mode, writeOptions), enumerate.Expires ?? services.Options.EnumerationIdleTimeout, lifetime);
            if (request.RequestTotalItemsCountEstimate)
                enumeration.TotalEstimate = await CountAsync(plan, context);

            EnumerationBatch? batch = null;
            try
            {
                if (enumerate.Optimize)
                {
                    var budget = context.MaxEnvelopeSize - Overhead(context, enumeration, optimized: true);
                    batch = await BatchFiller.FillAsync(enumeration, enumerate.MaxElements, EnumerationTiming.Wait(context, null), budget,
                        context.Encoding, context.EnvelopeLimitDetail, context.Cancellation);
                }

                var ended = batch?.Ended ?? false;
                var response = EnumerationBodies.Enumerate(enumeration.Id, enumerate.Optimize, batch, ended);
                if (request.RequestTotalItemsCountEstimate)
                    response.Headers.Add(EnumerationBodies.TotalItemsCountEstimate(enumeration.TotalEstimate));
                response.Encoded = context.EncodeChecked(response);
                if (!ended)
                {
                    enumeration.Touch();
                    store.Add(enumeration);
                    stored = true;
                }

                return response;
            }
            finally
            {
                batch?.Dispose();
            }
        }
        finally
        {
            if (!stored)
            {
                store.Unreserve(context.User);
                if (enumeration is not null)
                    await enumeration.DisposeAsync();
            }
        }
    }

    /// <summary>Octets of the response without items, in its largest form (context id, EndOfSequence, count header).</summary>
    private static int Overhead(WsManOperationContext context, EnumerationContext enumeration, bool optimized)
    {
        var open = EnumerationBodies.Enumerate(enumeration.Id, optimized, null, ended: false);
        var ended = EnumerationBodies.Enumerate(enumeration.Id, optimized, null, ended: true);
        if (context.Request.RequestTotalItemsCountEstimate)
        {
            open.Headers.Add(EnumerationBodies.TotalItemsCountEstimate(long.MaxValue));
            ended.Headers.Add(EnumerationBodies.TotalItemsCountEstimate(long.MaxValue));
        }

        return Math.Max(SoapEnvelopeWriter.Measure(open, context.Reply, context.Encoding), SoapEnvelopeWriter.Measure(ended, context.Reply, context.Encoding));
    }

    private static async ValueTask<long?> CountAsync(EnumerationPlan plan, WsManOperationContext context)
    {
        long count = 0;
        await foreach (var _ in plan.Open(context.Cim, context.Cancellation).WithCancellation(context.Cancellation))
            count++;
        return count;
    }
}
