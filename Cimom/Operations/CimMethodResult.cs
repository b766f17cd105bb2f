namespace CimCloud.Cimom.Operations;

/// <summary>What an extrinsic method returned: its return value and out parameters (by declared name).</summary>
public sealed record CimMethodResult(object? ReturnValue, IReadOnlyDictionary<string, object?> OutParameters)
{
    private static readonly IReadOnlyDictionary<string, object?> NoParameters =
        new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

    public CimMethodResult(object? returnValue)
        : this(returnValue, NoParameters)
    {
    }
}
