using CimCloud.Cimom.Model;
using CimCloud.Cimom.Providers;

namespace CimCloud.Cimom.Operations;

/// <summary>A checked association query: source (normalized) and the filters resolved to classes.</summary>
internal sealed record AssociationRequest(
    ProviderContext Context,
    CimClass SourceClass,
    CimObjectPath Source,
    CimClass? AssocClass,
    CimClass? ResultClass,
    string? Role,
    string? ResultRole);
