namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>The operation kinds of the mixed scenario.</summary>
internal enum MixedOperation
{
    Get,

    /// <summary>An optimized Enumerate followed by Pulls until EndOfSequence (one sequence counts as one operation).</summary>
    Enumerate,

    Put,

    Invoke,
}
