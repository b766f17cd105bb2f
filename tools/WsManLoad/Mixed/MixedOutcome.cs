namespace CimCloud.Tools.WsManLoad.Mixed;

/// <summary>How one operation ended: success, a documented error the target may give (expected), or anything else.</summary>
internal enum MixedOutcomeKind
{
    Ok,
    Expected,
    Unexpected,
}

/// <summary>The outcome of one operation, with a short description of an error (a fault subcode, a ReturnValue, an exception).</summary>
internal readonly record struct MixedOutcome(MixedOutcomeKind Kind, string? Error, int Requests)
{
    public static MixedOutcome Ok(int requests) => new(MixedOutcomeKind.Ok, null, requests);

    public static MixedOutcome Expected(string error, int requests) => new(MixedOutcomeKind.Expected, error, requests);

    public static MixedOutcome Unexpected(string error, int requests) => new(MixedOutcomeKind.Unexpected, error, requests);
}
