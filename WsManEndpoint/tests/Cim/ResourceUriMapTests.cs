using CimCloud.WsManEndpoint.Cim;
using FluentAssertions;
using Xunit;

namespace CimCloud.WsManEndpoint.Tests.Cim;

public sealed class ResourceUriMapTests
{
    [Theory]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem", "CIM_ComputerSystem", null)]
    [InlineData("  http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem  ", "CIM_ComputerSystem", null)]
    [InlineData("http://schemas.dell.com/wbem/wscim/1/cim-schema/2/DCIM_SystemView", "DCIM_SystemView", null)]
    [InlineData("https://sblim.sf.net/wbem/wscim/1/cim-schema/2/Linux_OperatingSystem", "Linux_OperatingSystem", null)]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service", "Win32_Service", "root/cimv2")]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/virtualization/v2/Msvm_ComputerSystem", "Msvm_ComputerSystem", "root/virtualization/v2")]
    public void Class_uris_parse(string uri, string className, string? ns)
    {
        ResourceUriMap.TryParse(uri, out var parsed).Should().BeTrue();
        parsed!.ClassName.Should().Be(className);
        parsed.Namespace.Should().Be(ns);
        parsed.IsAllClasses.Should().BeFalse();
        parsed.Uri.Should().Be(uri.Trim());
    }

    [Theory]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/*", null)]
    [InlineData("http://schemas.dell.com/wbem/wscim/1/*", null)]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/*", "root/cimv2")]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/interop/*", "root/interop")]
    public void All_classes_uris_parse(string uri, string? ns)
    {
        ResourceUriMap.TryParse(uri, out var parsed).Should().BeTrue();
        parsed!.IsAllClasses.Should().BeTrue();
        parsed.ClassName.Should().BeNull();
        parsed.Namespace.Should().Be(ns);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CIM_ComputerSystem")]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/")]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_Computer System")]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_X/Extra")]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/1CIM")]
    [InlineData("http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter")]
    [InlineData("ftp://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_X")]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/Win32_Service")]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd")]
    [InlineData("http://example.com/wbem/wsman/1/wmi/root/cimv2/Win32_Service")]
    public void Other_uris_do_not_parse(string? uri) =>
        ResourceUriMap.TryParse(uri, out _).Should().BeFalse();

    [Fact]
    public void Output_always_uses_the_dmtf_prefix()
    {
        ResourceUriMap.ForClass("DCIM_SystemView").Should().Be("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/DCIM_SystemView");
        ResourceUriMap.ForClass("CIM_ComputerSystem").Should().Be("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem");
        ResourceUriMap.AllClassesUri.Should().Be("http://schemas.dmtf.org/wbem/wscim/1/*");
    }

    [Fact]
    public void Class_name_of_gives_null_for_all_classes_and_unknown_uris()
    {
        ResourceUriMap.ClassNameOf(ResourceUriMap.AllClassesUri).Should().BeNull();
        ResourceUriMap.ClassNameOf("urn:x").Should().BeNull();
        ResourceUriMap.ClassNameOf(ResourceUriMap.ForClass("CIM_X")).Should().Be("CIM_X");
    }
}
