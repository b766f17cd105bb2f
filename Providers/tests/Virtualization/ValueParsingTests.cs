using CimCloud.Providers.Hosts;
using CimCloud.Providers.Virtualization;
using CimCloud.Providers.Virtualization.Settings;
using FluentAssertions;
using Xunit;

namespace CimCloud.Providers.Tests.Virtualization;

public sealed class ValueParsingTests
{
    [Theory]
    [InlineData("52:54:00:AB:cd:01", "52:54:00:ab:cd:01", "525400ABCD01")]
    [InlineData("52-54-00-ab-cd-01", "52:54:00:ab:cd:01", "525400ABCD01")]
    [InlineData("525400abcd01", "52:54:00:ab:cd:01", "525400ABCD01")]
    public void Mac_addresses_parse_and_format(string text, string host, string cim)
    {
        var mac = MacAddress.Parse(text);
        mac.ToString().Should().Be(host);
        mac.ToCimPermanentAddress().Should().Be(cim);
    }

    [Theory]
    [InlineData("")]
    [InlineData("52:54:00:ab:cd")]
    [InlineData("52:54-00:ab:cd:01")]
    [InlineData("zz:54:00:ab:cd:01")]
    public void Bad_mac_addresses_are_refused(string text) => MacAddress.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void Generated_macs_are_kvm_local() => MacAddress.NewKvm().ToString().Should().StartWith("52:54:00:");

    [Theory]
    [InlineData(null, 1UL << 20)]
    [InlineData("byte", 1UL)]
    [InlineData("byte*2^10", 1UL << 10)]
    [InlineData("byte*2^30", 1UL << 30)]
    [InlineData("byte*10^6", 1_000_000UL)]
    [InlineData("KiloBytes", 1UL << 10)]
    [InlineData("MegaBytes", 1UL << 20)]
    [InlineData("GB", 1UL << 30)]
    public void Allocation_units_give_bytes(string? units, ulong bytes) => AllocationUnits.BytesPerUnit(units, 1UL << 20).Should().Be(bytes);

    [Theory]
    [InlineData("count")]
    [InlineData("byte*2^99")]
    [InlineData("percent")]
    public void Non_byte_units_are_invalid(string units)
    {
        var act = () => AllocationUnits.BytesPerUnit(units, 1);
        act.Should().Throw<InvalidSettingsException>();
    }

    [Fact]
    public void Overflowing_quantities_are_invalid()
    {
        var act = () => AllocationUnits.ToBytes(ulong.MaxValue, "byte*2^20", 1);
        act.Should().Throw<InvalidSettingsException>();
    }

    [Theory]
    [InlineData("2.5", 2500)]
    [InlineData("00:00:03", 3000)]
    [InlineData("0", 0)]
    public void The_job_threshold_comes_from_the_environment(string text, int milliseconds)
    {
        var options = new VirtualizationOptions().ApplyEnvironment(name => name == VirtualizationOptions.JobThresholdVariable ? text : null);
        options.JobThreshold.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Fact]
    public void A_bad_job_threshold_is_reported()
    {
        var act = () => new VirtualizationOptions().ApplyEnvironment(_ => "soon");
        act.Should().Throw<FormatException>().WithMessage("*CimCloud__Virtualization__JobThreshold*");
    }
}
