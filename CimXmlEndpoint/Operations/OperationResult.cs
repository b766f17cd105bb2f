using CimCloud.CimXmlEndpoint.Transport;
using CimCloud.CimXmlEndpoint.Xml;

namespace CimCloud.CimXmlEndpoint.Operations;

/// <summary>
/// What an operation answers, written inside IMETHODRESPONSE/METHODRESPONSE. Produced only after the operation's
/// argument checks and the first result passed, so failures up to then become an ERROR element; a failure while
/// streaming later results is reported by the endpoint (trailer or aborted connection).
/// </summary>
internal abstract class OperationResult
{
    public static OperationResult Empty { get; } = new ImmediateResult(_ => { });

    public abstract ValueTask WriteAsync(ResponseStream body, CimXmlWriter writer, CancellationToken cancellationToken);

    /// <summary>An IRETURNVALUE written at once (or nothing when <paramref name="write"/> writes nothing and <paramref name="wrap"/> is false).</summary>
    public static OperationResult Return(Action<CimXmlWriter> write) => new ImmediateResult(w =>
    {
        w.Start("IRETURNVALUE");
        write(w);
        w.End();
    });

    public static OperationResult Immediate(Action<CimXmlWriter> write) => new ImmediateResult(write);

    /// <summary>Starts the enumeration and reads its first item now (so its errors become an ERROR); the rest streams.</summary>
    public static async ValueTask<OperationResult> StreamAsync<T>(IAsyncEnumerable<T> source, Action<CimXmlWriter, T> writeItem,
        CancellationToken cancellationToken)
    {
        var items = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            var hasFirst = await items.MoveNextAsync();
            return new StreamResult<T>(items, hasFirst, writeItem);
        }
        catch
        {
            await items.DisposeAsync();
            throw;
        }
    }

    private sealed class ImmediateResult(Action<CimXmlWriter> write) : OperationResult
    {
        public override ValueTask WriteAsync(ResponseStream body, CimXmlWriter writer, CancellationToken cancellationToken)
        {
            write(writer);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class StreamResult<T>(IAsyncEnumerator<T> items, bool hasFirst, Action<CimXmlWriter, T> writeItem) : OperationResult
    {
        public override async ValueTask WriteAsync(ResponseStream body, CimXmlWriter writer, CancellationToken cancellationToken)
        {
            await using var _ = items;
            writer.Start("IRETURNVALUE");
            if (hasFirst)
            {
                do
                {
                    writeItem(writer, items.Current);
                    await body.FlushIfNeededAsync(cancellationToken);
                }
                while (await items.MoveNextAsync());
            }

            writer.End();
        }
    }
}
