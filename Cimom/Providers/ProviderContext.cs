using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Providers;

/// <summary>
/// What a provider call runs in: the namespace, the schema snapshot the operation started with, and
/// the caller's context (user, deadline).
/// </summary>
public sealed record ProviderContext(CimNamespace Namespace, CimSchema Schema, CimOperationContext Operation)
{
    public string NamespaceName => Namespace.Name;
}
