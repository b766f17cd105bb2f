using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Operations;

/// <summary>An instance found by path: its namespace, actual class and normalized path (of that class, with namespace).</summary>
internal sealed record LocatedInstance(string Namespace, CimClass Class, CimObjectPath Path, CimInstance Instance);
