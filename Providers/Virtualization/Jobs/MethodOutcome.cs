using CimCloud.Cimom.Model;

namespace CimCloud.Providers.Virtualization.Jobs;

/// <summary>What the host part of a method produced: return code, out-parameters, the elements it affected (with CIM ElementEffects).</summary>
internal sealed record MethodOutcome(uint ReturnCode, IReadOnlyDictionary<string, object?> OutParameters, string? ErrorDescription = null)
{
    public List<(CimObjectPath Element, ushort Effect)> Affected { get; } = [];

    public static MethodOutcome Success(params ReadOnlySpan<(string Name, object? Value)> outParameters)
    {
        var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in outParameters)
            map[name] = value;
        return new MethodOutcome(0, map);
    }

    public static MethodOutcome Failure(uint returnCode, string description) =>
        new(returnCode, new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase), description);

    public MethodOutcome WithAffected(CimObjectPath element, ushort effect)
    {
        Affected.Add((element, effect));
        return this;
    }
}
