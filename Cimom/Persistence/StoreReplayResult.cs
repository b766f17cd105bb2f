namespace CimCloud.Cimom.Persistence;

/// <summary>What a replay applied: rows by kind (tombstones counted in <see cref="Deletions"/>).</summary>
public sealed record StoreReplayResult(int Namespaces, int Qualifiers, int Classes, int Instances, int Deletions)
{
    public override string ToString() =>
        $"namespaces={Namespaces} qualifiers={Qualifiers} classes={Classes} instances={Instances} deletions={Deletions}";
}
