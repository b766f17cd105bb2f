namespace CimCloud.Cimom.Query.Evaluation;

internal enum LikeTokenKind : byte
{
    /// <summary>One given character.</summary>
    Literal,

    /// <summary>Any one character.</summary>
    Any,

    /// <summary>One character in (or, negated, not in) a set of ranges.</summary>
    Set,
}
