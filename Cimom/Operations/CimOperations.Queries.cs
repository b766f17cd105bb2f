using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;
using CimCloud.Cimom.Query;

namespace CimCloud.Cimom.Operations;

public sealed partial class CimOperations
{
    public IAsyncEnumerable<CimInstance> ExecQueryAsync(CimOperationContext context, string @namespace, string queryLanguage, string query,
        CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        ArgumentNullException.ThrowIfNull(queryLanguage);
        ArgumentNullException.ThrowIfNull(query);
        var ns = Namespace(@namespace);
        var pc = ContextFor(ns, context);
        var parsed = CimQueryParser.Parse(query.Trim(), queryLanguage, pc.Schema);
        var fromClass = ClassOrInvalid(pc.Schema, parsed.ClassName, ns.Name);
        return ExecQueryCore(pc, fromClass, parsed, cancellationToken);
    }

    private async IAsyncEnumerable<CimInstance> ExecQueryCore(ProviderContext pc, CimClass fromClass, CimQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var instance in EnumerateInstancesCore(pc, fromClass, new PropertyMasks(null), cancellationToken))
        {
            if (query.Matches(instance))
                yield return query.Project(instance);
        }
    }
}
