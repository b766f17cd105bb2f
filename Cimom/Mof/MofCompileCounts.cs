namespace CimCloud.Cimom.Mof;

/// <summary>What the compiled files declared (not what the repository held before).</summary>
public sealed record MofCompileCounts(int Classes, int Associations, int Indications, int Qualifiers, int Instances)
{
    public static MofCompileCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public override string ToString() =>
        $"classes={Classes} associations={Associations} indications={Indications} qualifiers={Qualifiers} instances={Instances}";
}
