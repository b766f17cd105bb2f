using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;

namespace CimCloud.Cimom.Providers;

/// <summary>Runs extrinsic methods of one or more classes.</summary>
public interface IMethodProvider
{
    /// <summary>
    /// Invokes <paramref name="method"/> on <paramref name="target"/>: a normalized instance path, or a
    /// class path for static methods. In-parameters are keyed by declared name and already converted.
    /// </summary>
    ValueTask<CimMethodResult> InvokeMethodAsync(ProviderContext context, CimClass cimClass, CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken);
}
