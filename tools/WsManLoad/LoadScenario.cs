namespace CimCloud.Tools.WsManLoad;

/// <summary>The measurement groups of a run (<c>--scenario</c>).</summary>
internal enum LoadScenario
{
    All,

    /// <summary>Identify: a fixed precomputed answer on bare Kestrel (baseline) and through the WS-Man pipeline.</summary>
    Identify,

    /// <summary>Get with random keys (small and ~1 KB instances), plus the fixed-answer baselines for the ratio.</summary>
    Get,

    /// <summary>Optimized Enumerate + Pull over the ~1 KB instances, with memory sampling.</summary>
    Enumerate,

    /// <summary>Bytes allocated per request (sequential, in-process), pipeline minus fixed answer.</summary>
    Alloc,

    /// <summary>N clients looping a weighted mix of Get, Enumerate+Pull, Put and Invoke (not part of <see cref="All"/>).</summary>
    Mixed,
}
