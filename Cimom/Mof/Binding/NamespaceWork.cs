using CimCloud.Cimom.Model;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Mof.Binding;

/// <summary>What one compilation adds to one namespace: a private schema builder and the new instances.</summary>
internal sealed class NamespaceWork(string name, CimSchema basis, ClassResolverOptions options)
{
    public string Name { get; } = name;

    public CimSchema Basis { get; } = basis;

    public CimSchemaBuilder Builder { get; } = new(basis, options);

    public List<CimInstance> Instances { get; } = [];

    /// <summary>Canonical paths of the instances of this unit, with where each was declared.</summary>
    public Dictionary<string, SourceLocation> InstanceLocations { get; } = new(StringComparer.Ordinal);
}
