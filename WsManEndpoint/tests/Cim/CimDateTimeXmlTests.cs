using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Cim;
using FluentAssertions;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.Cim;

public sealed class CimDateTimeXmlTests
{
    private static readonly XNamespace Cim = "http://schemas.dmtf.org/wbem/wscim/1/common";

    [Theory]
    [InlineData("20261127101530.000000+000", "Datetime", "2026-11-27T10:15:30.000000+00:00")]
    [InlineData("20261127101530.123456-300", "Datetime", "2026-11-27T10:15:30.123456-05:00")]
    [InlineData("20240229235959.999999+330", "Datetime", "2024-02-29T23:59:59.999999+05:30")]
    [InlineData("00000001020304.000005:000", "Interval", "P1DT2H3M4.000005S")]
    [InlineData("00000000000000.000000:000", "Interval", "P0DT0H0M0.000000S")]
    [InlineData("99999999235959.999999:000", "Interval", "P99999999DT23H59M59.999999S")]
    [InlineData("2024010112****.******+000", "CIM_DateTime", "2024010112****.******+000")]
    [InlineData("20240101******.******+000", "CIM_DateTime", "20240101******.******+000")]
    [InlineData("0000000102****.******:000", "CIM_DateTime", "0000000102****.******:000")]
    [InlineData("00000101000000.000000+000", "CIM_DateTime", "00000101000000.000000+000")]
    [InlineData("20240101000000.000000+900", "CIM_DateTime", "20240101000000.000000+900")]
    public void Values_are_written_in_their_wrapper(string cim, string element, string text)
    {
        CimDateTimeXml.Format(CimDateTime.Parse(cim)).Should().Be((element, text));
        Parse(new XElement("P", new XElement(Cim + element, text))).Text.Should().Be(cim);
    }

    [Theory]
    [InlineData("Datetime", "2026-11-27T10:15:30Z", "20261127101530.000000+000")]
    [InlineData("Datetime", "2026-11-27T10:15:30", "20261127101530.000000+000")]
    [InlineData("Datetime", "2026-11-27T10:15:30.1234567-00:30", "20261127101530.123456-030")]
    [InlineData("Datetime", "2026-11-27T10:15:30.5+01:00", "20261127101530.500000+060")]
    [InlineData("Interval", "PT36H", "00000001120000.000000:000")]
    [InlineData("Interval", "P0Y0M2D", "00000002000000.000000:000")]
    [InlineData("Interval", "PT90M1.5S", "00000000013001.500000:000")]
    [InlineData("Interval", "P1D", "00000001000000.000000:000")]
    [InlineData("Date", "2024-03-01", "20240301******.******+000")]
    [InlineData("Date", "2024-03-01-05:00", "20240301******.******-300")]
    [InlineData("Time", "12:34:56.25", "00000000123456.250000:000")]
    [InlineData("CIM_DateTime", " 20240101000000.000000+000 ", "20240101000000.000000+000")]
    public void All_five_wrappers_are_read(string element, string text, string cim) =>
        Parse(new XElement("P", new XElement(Cim + element, text))).Text.Should().Be(cim);

    [Theory]
    [InlineData("20240101000000.000000+000", "20240101000000.000000+000")]
    [InlineData(" 00000001020304.000005:000\n", "00000001020304.000005:000")]
    [InlineData("2024-01-01T00:00:00+00:00", "20240101000000.000000+000")]
    [InlineData("P1DT2H3M4.000005S", "00000001020304.000005:000")]
    [InlineData("2024-01-01", "20240101******.******+000")]
    [InlineData("10:00:00", "00000000100000.000000:000")]
    public void Bare_text_is_read(string text, string cim) =>
        Parse(new XElement("P", text)).Text.Should().Be(cim);

    [Theory]
    [InlineData("Datetime", "2026-13-27T10:15:30Z")]
    [InlineData("Datetime", "2026-02-30T10:15:30Z")]
    [InlineData("Datetime", "yesterday")]
    [InlineData("Datetime", "2026-11-27T10:15:30+17:00")]
    [InlineData("Interval", "P1M")]
    [InlineData("Interval", "P1Y")]
    [InlineData("Interval", "-P1D")]
    [InlineData("Interval", "PT")]
    [InlineData("Interval", "P")]
    [InlineData("Interval", "P100000000D")]
    [InlineData("CIM_DateTime", "2024")]
    [InlineData("Timestamp", "2024-01-01T00:00:00Z")]
    public void Bad_values_are_refused(string element, string text) =>
        FluentActions.Invoking(() => Parse(new XElement("P", new XElement(Cim + element, text)))).Should().Throw<FormatException>();

    [Fact]
    public void Wrappers_in_a_foreign_namespace_or_twice_are_refused()
    {
        XNamespace other = "urn:other";
        FluentActions.Invoking(() => Parse(new XElement("P", new XElement(other + "Datetime", "2024-01-01T00:00:00Z")))).Should().Throw<FormatException>();
        FluentActions.Invoking(() => Parse(new XElement("P", new XElement(Cim + "Interval", "P1D"), new XElement(Cim + "Interval", "P1D"))))
            .Should().Throw<FormatException>();
    }

    [Fact]
    public void Bare_text_that_is_no_datetime_is_refused() =>
        FluentActions.Invoking(() => Parse(new XElement("P", "soon"))).Should().Throw<FormatException>();

    private static CimDateTime Parse(XElement element) => CimDateTimeXmlParser.Parse(element);
}
