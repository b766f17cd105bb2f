using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Model;

public class CimDateTimeTests
{
    [Fact]
    public void Parses_timestamp_components_and_keeps_text()
    {
        var dt = CimDateTime.Parse("20240229134501.123456-300");

        dt.Text.Should().Be("20240229134501.123456-300");
        dt.ToString().Should().Be("20240229134501.123456-300");
        dt.IsTimestamp.Should().BeTrue();
        dt.IsInterval.Should().BeFalse();
        dt.HasWildcards.Should().BeFalse();
        dt.Year.Should().Be(2024);
        dt.Month.Should().Be(2);
        dt.Day.Should().Be(29);
        dt.Hours.Should().Be(13);
        dt.Minutes.Should().Be(45);
        dt.Seconds.Should().Be(1);
        dt.Microseconds.Should().Be(123456);
        dt.MicrosecondDigits.Should().Be(6);
        dt.UtcOffsetMinutes.Should().Be(-300);
        dt.Days.Should().BeNull();
    }

    [Fact]
    public void Parses_interval_components()
    {
        var dt = CimDateTime.Parse("12345678235958.000001:000");

        dt.IsInterval.Should().BeTrue();
        dt.Days.Should().Be(12345678);
        dt.Hours.Should().Be(23);
        dt.Minutes.Should().Be(59);
        dt.Seconds.Should().Be(58);
        dt.Microseconds.Should().Be(1);
        dt.Year.Should().BeNull();
        dt.Month.Should().BeNull();
        dt.Day.Should().BeNull();
        dt.UtcOffsetMinutes.Should().BeNull();
    }

    [Theory]
    [InlineData("2024010100000.000000+000", "exactly 25 characters")]
    [InlineData("202401010000000.00000+000", "'.' at position 15")]
    [InlineData("20240101000000.000000*000", "position 22")]
    [InlineData("2024a101000000.000000+000", "invalid month 'a1' at positions 5-6")]
    [InlineData("20241301000000.000000+000", "month 13 at positions 5-6, outside 01-12")]
    [InlineData("20240001000000.000000+000", "month 00 at positions 5-6, outside 01-12")]
    [InlineData("20240100000000.000000+000", "day 00 at positions 7-8, outside 01-31")]
    [InlineData("20240132000000.000000+000", "day 32 at positions 7-8")]
    [InlineData("20230229000000.000000+000", "2023-02 has only 28 days")]
    [InlineData("19000229000000.000000+000", "1900-02 has only 28 days")]
    [InlineData("20240431000000.000000+000", "2024-04 has only 30 days")]
    [InlineData("20240101240000.000000+000", "hours 24 at positions 9-10, outside 00-23")]
    [InlineData("20240101006000.000000+000", "minutes 60 at positions 11-12, outside 00-59")]
    [InlineData("20240101000060.000000+000", "seconds 60 at positions 13-14, outside 00-59")]
    [InlineData("20240101000000.00000x+000", "invalid microseconds '00000x' at positions 16-21")]
    [InlineData("20240101000000.000000+0a0", "3-digit UTC offset in minutes at positions 23-25")]
    [InlineData("20240101000000.000000+***", "3-digit UTC offset")]
    [InlineData("00000001240000.000000:000", "hours 24 at positions 9-10")]
    [InlineData("00000001006000.000000:000", "minutes 60")]
    [InlineData("00000001000060.000000:000", "seconds 60")]
    [InlineData("00000001000000.000000:001", "must end in ':000' (positions 22-25)")]
    [InlineData("0000000a000000.000000:000", "invalid days '0000000a' at positions 1-8")]
    [InlineData("2024**01000000.000000+000", "digits in day (positions 7-8) after wildcard month (positions 5-6)")]
    [InlineData("20240101**0000.000000+000", "digits in minutes (positions 11-12) after wildcard hours")]
    [InlineData("20240101000000.******+000", null)]
    [InlineData("202401010000**.123456+000", "digits in microseconds (positions 16-21) after wildcard seconds")]
    [InlineData("2024010100000*.000000+000", "invalid seconds '0*' at positions 13-14")]
    [InlineData("20240101000000.1*3***+000", "trailing ones may be '*'")]
    [InlineData("20240101000000.**3456+000", "invalid microseconds")]
    public void Rejects_invalid_text_with_reason_and_position(string text, string? expected)
    {
        var ok = CimDateTime.TryParse(text, out var value, out var error);

        if (expected is null)
        {
            ok.Should().BeTrue(error);
            value.Should().NotBeNull();
            return;
        }

        ok.Should().BeFalse();
        error.Should().Contain(expected).And.Contain(text);
        var act = () => CimDateTime.Parse(text);
        act.Should().Throw<FormatException>().WithMessage($"*{expected}*");
    }

    [Fact]
    public void Null_text_fails()
    {
        CimDateTime.TryParse(null, out _, out var error).Should().BeFalse();
        error.Should().Contain("null");
    }

    [Theory]
    [InlineData("20240229000000.000000+000")]
    [InlineData("20000229000000.000000+000")]
    [InlineData("00000229000000.000000+000")]
    [InlineData("99991231235959.999999+999")]
    [InlineData("99999999235959.999999:000")]
    [InlineData("00000000000000.000000:000")]
    public void Accepts_boundary_values(string text) => CimDateTime.Parse(text).Text.Should().Be(text);

    [Theory]
    [InlineData("2024010112****.******+000", 2024, 1, 1, 12, null, null, 0)]
    [InlineData("20240101******.******+060", 2024, 1, 1, null, null, null, 0)]
    [InlineData("2024**********.******+000", 2024, null, null, null, null, null, 0)]
    [InlineData("**************.******+000", null, null, null, null, null, null, 0)]
    [InlineData("20240101123456.12****+000", 2024, 1, 1, 12, 34, 56, 2)]
    public void Parses_wildcards_as_null_components(string text, int? year, int? month, int? day, int? hours, int? minutes, int? seconds, int microDigits)
    {
        var dt = CimDateTime.Parse(text);

        dt.HasWildcards.Should().BeTrue();
        dt.Year.Should().Be(year);
        dt.Month.Should().Be(month);
        dt.Day.Should().Be(day);
        dt.Hours.Should().Be(hours);
        dt.Minutes.Should().Be(minutes);
        dt.Seconds.Should().Be(seconds);
        dt.Microseconds.Should().BeNull();
        dt.MicrosecondDigits.Should().Be(microDigits);
        dt.UtcOffsetMinutes.Should().NotBeNull();
    }

    [Fact]
    public void Interval_wildcards_parse()
    {
        var dt = CimDateTime.Parse("00000010******.******:000");
        dt.IsInterval.Should().BeTrue();
        dt.Days.Should().Be(10);
        dt.Hours.Should().BeNull();
        CimDateTime.Parse("**************.******:000").Days.Should().BeNull();
    }

    [Fact]
    public void ToDateTimeOffset_gives_instant_and_offset()
    {
        var dto = CimDateTime.Parse("20240229134501.123456-300").ToDateTimeOffset();

        dto.Should().Be(new DateTimeOffset(2024, 2, 29, 13, 45, 1, TimeSpan.FromHours(-5)).AddTicks(1_234_560));
        dto.Offset.Should().Be(TimeSpan.FromMinutes(-300));
    }

    [Fact]
    public void ToDateTimeOffset_rejects_intervals_wildcards_and_unrepresentable_values()
    {
        FluentActions.Invoking(() => CimDateTime.Parse("00000001000000.000000:000").ToDateTimeOffset())
            .Should().Throw<InvalidOperationException>().WithMessage("*interval*");
        FluentActions.Invoking(() => CimDateTime.Parse("20240101******.******+000").ToDateTimeOffset())
            .Should().Throw<InvalidOperationException>().WithMessage("*wildcards*");
        FluentActions.Invoking(() => CimDateTime.Parse("20240101000000.000000+900").ToDateTimeOffset())
            .Should().Throw<OverflowException>().WithMessage("*900*");
        FluentActions.Invoking(() => CimDateTime.Parse("00000101000000.000000+000").ToDateTimeOffset())
            .Should().Throw<OverflowException>().WithMessage("*0000*");
        FluentActions.Invoking(() => CimDateTime.Parse("00010101000000.000000+060").ToDateTimeOffset())
            .Should().Throw<OverflowException>();
    }

    [Fact]
    public void FromDateTimeOffset_round_trips()
    {
        var dto = new DateTimeOffset(2023, 12, 31, 23, 59, 58, TimeSpan.FromMinutes(330)).AddTicks(9_876_543);

        var dt = CimDateTime.FromDateTimeOffset(dto);

        dt.Text.Should().Be("20231231235958.987654+330");
        dt.ToDateTimeOffset().Should().Be(dto.AddTicks(-3)); // sub-microsecond ticks are truncated
        CimDateTime.FromDateTimeOffset(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(-90))).Text
            .Should().Be("20240102030405.000000-090");
        CimDateTime.FromDateTimeOffset(DateTimeOffset.MaxValue).Text.Should().Be("99991231235959.999999+000");
    }

    [Fact]
    public void ToTimeSpan_and_FromTimeSpan_round_trip()
    {
        var ts = new TimeSpan(12, 3, 4, 5) + TimeSpan.FromTicks(1_234_560);

        var dt = CimDateTime.FromTimeSpan(ts);

        dt.Text.Should().Be("00000012030405.123456:000");
        dt.ToTimeSpan().Should().Be(ts);
        CimDateTime.FromTimeSpan(TimeSpan.Zero).Text.Should().Be("00000000000000.000000:000");
        var max = CimDateTime.FromTimeSpan(TimeSpan.MaxValue);
        max.ToTimeSpan().Should().Be(TimeSpan.MaxValue - TimeSpan.FromTicks(TimeSpan.MaxValue.Ticks % 10));
    }

    [Fact]
    public void ToTimeSpan_overflows_beyond_TimeSpan_range()
    {
        FluentActions.Invoking(() => CimDateTime.Parse("99999999000000.000000:000").ToTimeSpan())
            .Should().Throw<OverflowException>().WithMessage("*99999999 days*exceeds*");
        var justOver = $"{CimDateTime.MaxTimeSpanDays + 1:00000000}000000.000000:000";
        FluentActions.Invoking(() => CimDateTime.Parse(justOver).ToTimeSpan()).Should().Throw<OverflowException>();
        var maxDay = $"{CimDateTime.MaxTimeSpanDays:00000000}000000.000000:000";
        CimDateTime.Parse(maxDay).ToTimeSpan().Days.Should().Be(CimDateTime.MaxTimeSpanDays);
    }

    [Fact]
    public void ToTimeSpan_rejects_timestamps_and_wildcards()
    {
        FluentActions.Invoking(() => CimDateTime.Parse("20240101000000.000000+000").ToTimeSpan())
            .Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => CimDateTime.Parse("00000001******.******:000").ToTimeSpan())
            .Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void MaxTimeSpanDays_matches_TimeSpan() => CimDateTime.MaxTimeSpanDays.Should().Be(TimeSpan.MaxValue.Days);

    [Fact]
    public void FromTimeSpan_rejects_negative() =>
        FluentActions.Invoking(() => CimDateTime.FromTimeSpan(TimeSpan.FromSeconds(-1)))
            .Should().Throw<ArgumentOutOfRangeException>();

    [Theory]
    [InlineData("20240101120000.000000+000", "20240101130000.000000+060", 0)] // same instant
    [InlineData("20240101120000.000000+000", "20240101120000.000001+000", -1)]
    [InlineData("20240101120000.000000-060", "20240101125959.999999+000", 1)] // 13:00Z vs 12:59:59Z
    [InlineData("20231231235959.999999+000", "20240101000000.000000+000", -1)]
    [InlineData("00000000235959.999999:000", "00000001000000.000000:000", -1)]
    [InlineData("00000002000000.000000:000", "00000001235959.999999:000", 1)]
    [InlineData("00000001000000.000000:000", "00000001000000.000000:000", 0)]
    public void CompareTo_orders_by_instant_or_duration(string a, string b, int expected)
    {
        var x = CimDateTime.Parse(a);
        var y = CimDateTime.Parse(b);

        Math.Sign(x.CompareTo(y)).Should().Be(expected);
        Math.Sign(y.CompareTo(x)).Should().Be(-expected);
    }

    [Theory]
    [InlineData("2024010112****.******+000", "20240101123456.789000+000", 0)]
    [InlineData("2024010112****.******+000", "20240101130000.000000+000", -1)]
    [InlineData("2024010112****.******+000", "20240101115959.999999+000", 1)]
    [InlineData("20240101******.******+000", "20240101235959.999999+000", 0)]
    [InlineData("20240101******.******+000", "20240102000000.000000+000", -1)]
    [InlineData("2024**********.******+000", "20241231235959.999999+000", 0)]
    [InlineData("2024**********.******+000", "2025**********.******+000", -1)]
    [InlineData("202402********.******+000", "20240229120000.000000+000", 0)]
    [InlineData("202402********.******+000", "20240301000000.000000+000", -1)]
    [InlineData("20240101123456.12****+000", "20240101123456.129999+000", 0)]
    [InlineData("20240101123456.12****+000", "20240101123456.130000+000", -1)]
    [InlineData("**************.******+000", "20240101123456.130000+000", 0)]
    [InlineData("2024010112****.******+060", "20240101113000.000000+000", 0)] // 11:00Z-12:00Z contains 11:30Z
    [InlineData("2024010112****.******+060", "20240101120000.000000+000", -1)]
    [InlineData("00000001******.******:000", "00000001230000.000000:000", 0)]
    [InlineData("00000001******.******:000", "00000002000000.000000:000", -1)]
    public void CompareTo_with_wildcards_compares_significant_fields(string a, string b, int expected)
    {
        var x = CimDateTime.Parse(a);
        var y = CimDateTime.Parse(b);

        Math.Sign(x.CompareTo(y)).Should().Be(expected);
        Math.Sign(y.CompareTo(x)).Should().Be(-expected);
    }

    [Fact]
    public void CompareTo_timestamp_with_interval_throws()
    {
        var ts = CimDateTime.Parse("20240101000000.000000+000");
        var iv = CimDateTime.Parse("00000001000000.000000:000");

        FluentActions.Invoking(() => ts.CompareTo(iv)).Should().Throw<ArgumentException>().WithMessage("*timestamp*interval*");
        ts.CompareTo(null).Should().BeGreaterThan(0);
    }

    [Fact]
    public void Operators_follow_CompareTo_and_equality_is_ordinal_text()
    {
        var a = CimDateTime.Parse("20240101120000.000000+000");
        var b = CimDateTime.Parse("20240101130000.000000+060");
        var c = CimDateTime.Parse("20240101120000.000001+000");

        a.Equals(b).Should().BeFalse("equality is on the text even though the instants are the same");
        (a == CimDateTime.Parse("20240101120000.000000+000")).Should().BeTrue();
        (a != b).Should().BeTrue();
        a.GetHashCode().Should().Be(CimDateTime.Parse(a.Text).GetHashCode());
        (a < c).Should().BeTrue();
        (c > a).Should().BeTrue();
        (a <= b).Should().BeTrue();
        (a >= b).Should().BeTrue();
        (a < b).Should().BeFalse();
    }
}
