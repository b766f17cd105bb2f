using Xunit;

namespace CimCloud.ConformanceTests.Cloud;

/// <summary>
/// The host backends the cloud scenarios run against (<c>cimcloud serve --provider NAME</c>). Each scenario only
/// assumes what both the simulated host and libvirt's <c>test:///default</c> have: a running domain <c>test</c>,
/// storage pool <c>default-pool</c>, network <c>default</c>.
/// </summary>
public static class CloudBackends
{
    public static IReadOnlyList<string> Names { get; } = ["simulated", "libvirt:test:///default"];

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Names)
                data.Add(name);
            return data;
        }
    }
}
