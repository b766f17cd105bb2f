using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Query.Evaluation;

/// <summary><c>prop LIKE pattern</c> on a string or char16 property; for arrays, any element. NULL is unknown.</summary>
internal sealed class LikePredicate(int slot, LikePattern pattern) : QueryPredicate
{
    public override QueryTruth Evaluate(CimInstance instance, int[] ordinals)
    {
        switch (ValueOf(instance, ordinals, slot))
        {
            case null:
                return QueryTruth.Unknown;
            case string s:
                return Truth(pattern.IsMatch(s));
            case char c:
                return Truth(pattern.IsMatch(new ReadOnlySpan<char>(in c)));
            case string?[] items:
                foreach (var item in items)
                {
                    if (item is not null && pattern.IsMatch(item))
                        return QueryTruth.True;
                }

                return QueryTruth.False;
            case char[] chars:
                foreach (var c in chars)
                {
                    if (pattern.IsMatch(new ReadOnlySpan<char>(in c)))
                        return QueryTruth.True;
                }

                return QueryTruth.False;
            default:
                return QueryTruth.Unknown;
        }
    }
}
