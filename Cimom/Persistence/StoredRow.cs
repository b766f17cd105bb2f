namespace CimCloud.Cimom.Persistence;

/// <summary>
/// One row of the store: the latest state of one namespace, qualifier declaration, class or instance that clients
/// changed. <see cref="Mof"/> null is a tombstone (deleted); for a namespace the empty string means present.
/// <see cref="ObjectKey"/> is the case-folded name (canonical path for instances); <see cref="Name"/> the display
/// name (the WBEM URI of an instance). <see cref="Sequence"/> orders the replay.
/// </summary>
internal sealed record StoredRow(StoredObjectKind Kind, string NamespaceKey, string ObjectKey, string Namespace, string Name, string? Mof, long Sequence)
{
    public bool IsDeleted => Mof is null;
}
