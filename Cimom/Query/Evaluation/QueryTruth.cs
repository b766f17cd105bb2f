namespace CimCloud.Cimom.Query.Evaluation;

/// <summary>SQL three-valued logic: a comparison involving NULL is <see cref="Unknown"/>.</summary>
internal enum QueryTruth : byte
{
    False,
    True,
    Unknown,
}
