using Xunit;

namespace CimCloud.Cimom.Tests.Repository;

/// <summary>Tests that measure the process heap run alone, so other tests' live objects do not count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurement";
}
