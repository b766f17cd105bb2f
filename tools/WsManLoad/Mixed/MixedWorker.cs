using System.Diagnostics;
using System.Net;

namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>One client of the mixed scenario: loops the weighted mix until the deadline, one operation at a time.</summary>
internal sealed class MixedWorker(MixedPlan plan, LoadHttpClient client, int seed)
{
    private const int MaxPulls = 1_000_000;

    private readonly Random _random = new(seed);
    private readonly ResponseBuffer _response = new();
    private byte[] _request = new byte[4096];
    private long _counter = (long)seed << 32;

    public Dictionary<MixedOperation, MixedStats> Stats { get; } = Enum.GetValues<MixedOperation>().ToDictionary(o => o, _ => new MixedStats());

    public async Task RunAsync(long deadlineTicks, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetTimestamp() < deadlineTicks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var operation = plan.Pick(_random);
            var started = Stopwatch.GetTimestamp();
            MixedOutcome outcome;
            try
            {
                outcome = operation switch
                {
                    MixedOperation.Get => await SimpleAsync(plan.Get, null, cancellationToken),
                    MixedOperation.Put => await SimpleAsync(plan.Put, MixedEnvelopes.Escape(plan.PutValue.Expand(++_counter, _random)), cancellationToken),
                    MixedOperation.Invoke => await InvokeAsync(cancellationToken),
                    _ => await EnumerateAsync(cancellationToken),
                };
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                outcome = MixedOutcome.Unexpected(e.GetType().Name + ": " + e.Message, 1);
            }

            Stats[operation].Record(outcome, (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
    }

    private async Task<(HttpStatusCode Status, int Length)> PostAsync(EnvelopeTemplate template, string? text, CancellationToken cancellationToken)
    {
        var length = template.Render(ref _request, MessageNumbers.Next(), _random.Next(plan.KeyCount), text);
        return await client.PostAsync(plan.Endpoint, _request, length, _response, cancellationToken);
    }

    private async Task<MixedOutcome> SimpleAsync(EnvelopeTemplate template, string? text, CancellationToken cancellationToken)
    {
        var (status, _) = await PostAsync(template, text, cancellationToken);
        return status == HttpStatusCode.OK ? MixedOutcome.Ok(1) : MixedOutcome.Unexpected(ReplyInspector.Describe(status, _response.Span), 1);
    }

    private async Task<MixedOutcome> InvokeAsync(CancellationToken cancellationToken)
    {
        var (status, _) = await PostAsync(plan.Invoke, plan.InvokeInput.Expand(++_counter, _random), cancellationToken);
        if (status != HttpStatusCode.OK)
            return MixedOutcome.Unexpected(ReplyInspector.Describe(status, _response.Span), 1);
        if (ReplyInspector.ReturnValueOf(_response.Span) is not { } returned)
            return MixedOutcome.Unexpected("no ReturnValue in the Invoke response", 1);
        if (plan.Settings.OkReturns.Contains(returned))
            return MixedOutcome.Ok(1);
        return plan.Settings.ExpectedReturns.Contains(returned)
            ? MixedOutcome.Expected($"ReturnValue {returned}", 1)
            : MixedOutcome.Unexpected($"ReturnValue {returned}", 1);
    }

    private async Task<MixedOutcome> EnumerateAsync(CancellationToken cancellationToken)
    {
        var (status, _) = await PostAsync(plan.Enumerate, null, cancellationToken);
        var requests = 1;
        while (true)
        {
            if (status != HttpStatusCode.OK)
                return MixedOutcome.Unexpected(ReplyInspector.Describe(status, _response.Span), requests);
            if (EnumerationReply.Ended(_response.Span))
                return MixedOutcome.Ok(requests);
            if (EnumerationReply.Context(_response.Span) is not { } context)
                return MixedOutcome.Unexpected("an enumeration reply without EndOfSequence has no context", requests);
            if (requests > MaxPulls)
                return MixedOutcome.Unexpected($"more than {MaxPulls} Pulls in one enumeration", requests);
            (status, _) = await PostAsync(plan.Pull, context, cancellationToken);
            requests++;
        }
    }
}
