using System.Collections.Concurrent;
using System.Security.Cryptography;
using CimCloud.Cimom.Model;

namespace CimCloud.CimXmlEndpoint.Enumeration;

/// <summary>
/// The open pull enumerations of the server, by unguessable id. Expired ones are dropped by <see cref="Sweep"/> (run on
/// every Open and periodically); a full store refuses new ones with CIM_ERR_SERVER_LIMITS_EXCEEDED.
/// </summary>
internal sealed class PullContextStore(int maxContexts)
{
    private readonly ConcurrentDictionary<string, PullContext> _contexts = new(StringComparer.Ordinal);

    public int Count => _contexts.Count;

    public async ValueTask<PullContext> AddAsync(PullKind kind, string? owner, string @namespace, IAsyncEnumerable<object> source, TimeSpan timeout)
    {
        await SweepAsync();
        if (_contexts.Count >= maxContexts)
            throw new CimException(CimStatusCode.ServerLimitsExceeded, $"the server holds {maxContexts} open enumerations; close some first");
        var stop = new CancellationTokenSource();
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var context = new PullContext(id, kind, owner, @namespace, source.GetAsyncEnumerator(stop.Token), stop, timeout);
        _contexts[id] = context;
        return context;
    }

    /// <summary>The context for a Pull/Close/Count by the same user in the same namespace; anything else is InvalidEnumerationContext.</summary>
    public PullContext Find(string id, string? owner, string @namespace, PullKind? kind)
    {
        if (!_contexts.TryGetValue(id, out var context) || context.IsExpired
            || !string.Equals(context.Owner, owner, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(context.Namespace, @namespace, StringComparison.OrdinalIgnoreCase))
            throw new CimException(CimStatusCode.InvalidEnumerationContext, $"enumeration context {id} is not open (closed, expired, finished or never opened)");
        if (kind is { } k && context.Kind != k)
            throw new CimException(CimStatusCode.InvalidEnumerationContext, $"enumeration context {id} was opened for {context.Kind}, not {k}");
        return context;
    }

    public async ValueTask RemoveAsync(PullContext context)
    {
        if (_contexts.TryRemove(new KeyValuePair<string, PullContext>(context.Id, context)))
            await context.DisposeAsync();
    }

    public async ValueTask<int> SweepAsync()
    {
        var swept = 0;
        foreach (var (_, context) in _contexts)
        {
            if (context.IsExpired && context.Gate.CurrentCount > 0)
            {
                await RemoveAsync(context);
                swept++;
            }
        }

        return swept;
    }

    public async ValueTask ClearAsync()
    {
        foreach (var (_, context) in _contexts)
            await RemoveAsync(context);
    }
}
