using CimCloud.Providers;
using FluentAssertions;
using Xunit;

namespace CimCloud.Providers.Tests.Settings;

public sealed class ProviderSettingsTests
{
    [Fact]
    public void Defaults_are_the_simulated_backend_no_assemblies_and_30_seconds()
    {
        var settings = ProviderSettings.FromValues(new Dictionary<string, string?>());
        settings.Backend.Should().Be("simulated");
        settings.Assemblies.Should().BeEmpty();
        settings.Timeout.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Values_come_from_flattened_configuration_keys()
    {
        var settings = ProviderSettings.FromValues(new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["backend"] = "libvirt:test:///default",
            ["TimeoutSeconds"] = "2.5",
            ["Assemblies:1"] = "/b.dll",
            ["Assemblies:0"] = "/a.dll",
        });
        settings.Backend.Should().Be("libvirt:test:///default");
        settings.Timeout.Should().Be(TimeSpan.FromSeconds(2.5));
        settings.Assemblies.Should().Equal("/a.dll", "/b.dll");
        ProviderSettings.FromValues(new Dictionary<string, string?> { ["Assemblies"] = "/x.dll, /y.dll", ["TimeoutSeconds"] = "0" })
            .Should().Match<ProviderSettings>(s => s.Assemblies.Count == 2 && s.Timeout == Timeout.InfiniteTimeSpan);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("soon")]
    public void A_bad_timeout_names_its_key(string value)
    {
        var act = () => ProviderSettings.FromValues(new Dictionary<string, string?> { ["TimeoutSeconds"] = value });
        act.Should().Throw<FormatException>().WithMessage("*TimeoutSeconds*");
    }
}
