using Xunit;

namespace CimCloud.Providers.Tests.Libvirt;

/// <summary>
/// libvirt's test:///default driver keeps one shared host state while any connection to it is open, and starts
/// fresh when the last one closes. Running these tests one at a time, each with its own connection, gives every
/// test a fresh host (running domain "test", pool "default-pool", network "default").
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibvirtCollection
{
    public const string Name = "libvirt test driver";
}
