using CimCloud.WsManEndpoint.Faults;
using CimCloud.WsManEndpoint.Soap;

namespace CimCloud.WsManEndpoint.Enumeration;

/// <summary>
/// Fills one Enumerate/Pull response from a context: up to MaxElements items, within the wait, within the octets
/// the envelope has left. An item that does not fit is put back and the batch ends early (the context stays
/// valid); only a first item that cannot fit on its own is a fault (<c>wsman:EncodingLimit</c>). After a full
/// batch it peeks (without waiting) so the last batch can carry EndOfSequence.
/// </summary>
internal static class BatchFiller
{
    private const long WaitSlackMs = 20;

    /// <param name="budgetBytes">Octets the items may take in the response's encoding.</param>
    /// <param name="tooBigDetail">FaultDetail when a single item exceeds the budget (MaxEnvelopeSize or ServiceEnvelopeLimit).</param>
    public static async ValueTask<EnumerationBatch> FillAsync(EnumerationContext context, int maxElements, TimeSpan wait, int budgetBytes,
        ResponseEncoding encoding, string tooBigDetail, CancellationToken cancellationToken)
    {
        // The items go inside an envelope that declares the root prefixes, so they need not repeat them.
        var writer = new PooledXmlWriter(16 * 1024);
        foreach (var (prefix, ns) in SoapEnvelopeWriter.RootPrefixes)
            writer.AssumeInScope(prefix, ns.NamespaceName);
        var batch = new EnumerationBatch(writer);
        try
        {
            await FillCoreAsync(context, batch, writer, maxElements, wait, budgetBytes, encoding, tooBigDetail, cancellationToken);
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    private static async ValueTask FillCoreAsync(EnumerationContext context, EnumerationBatch batch, PooledXmlWriter writer,
        int maxElements, TimeSpan wait, int budgetBytes, ResponseEncoding encoding, string tooBigDetail, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)Math.Min(wait.TotalMilliseconds, int.MaxValue);
        while (batch.Count < maxElements)
        {
            var left = TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
            NextItem next;
            try
            {
                next = await context.NextAsync(left, cancellationToken);
            }
            catch (OperationCanceledException) when (Environment.TickCount64 >= deadline - WaitSlackMs)
            {
                // The batch's own wait was over too (the operation deadline comes after it by design; on a busy
                // machine both fire together): the batch goes out as it is. A pending item stays with the context.
                batch.TimedOut = true;
                return;
            }

            if (next.Kind == NextItemKind.TimedOut)
            {
                batch.TimedOut = true;
                return;
            }

            if (next.Kind == NextItemKind.End)
            {
                batch.Ended = true;
                return;
            }

            var item = next.Item!;
            var before = writer.Length;
            context.Writer(writer, item);
            var size = encoding.ByteCount(writer.Slice(before));
            if (batch.ByteCount + size > budgetBytes)
            {
                writer.Length = before;
                context.PutBack(item);
                if (batch.Count == 0)
                {
                    throw WsManFaults.EncodingLimit(tooBigDetail,
                        $"an enumeration item takes {size} octets, more than the {budgetBytes} left in the envelope; the context stays valid");
                }

                return;
            }

            batch.ByteCount += size;
            batch.Count++;
            context.Delivered++;
        }

        var peek = await context.NextAsync(TimeSpan.Zero, cancellationToken);
        if (peek.Kind == NextItemKind.End)
            batch.Ended = true;
        else if (peek.Item is { } ahead)
            context.PutBack(ahead);
    }
}
