using CimCloud.Providers.Hosts;
using CimCloud.Providers.Hosts.Libvirt.Errors;
using FluentAssertions;
using Xunit;

namespace CimCloud.Providers.Tests.Libvirt;

public sealed class LibvirtErrorsTests
{
    [Theory]
    [InlineData(42, HostErrorKind.NotFound)] // VIR_ERR_NO_DOMAIN
    [InlineData(43, HostErrorKind.NotFound)] // VIR_ERR_NO_NETWORK
    [InlineData(49, HostErrorKind.NotFound)] // VIR_ERR_NO_STORAGE_POOL
    [InlineData(50, HostErrorKind.NotFound)] // VIR_ERR_NO_STORAGE_VOL
    [InlineData(28, HostErrorKind.AlreadyExists)] // VIR_ERR_DOM_EXIST
    [InlineData(90, HostErrorKind.AlreadyExists)] // VIR_ERR_STORAGE_VOL_EXIST
    [InlineData(8, HostErrorKind.InvalidArgument)] // VIR_ERR_INVALID_ARG
    [InlineData(27, HostErrorKind.InvalidArgument)] // VIR_ERR_XML_ERROR
    [InlineData(67, HostErrorKind.InvalidArgument)] // VIR_ERR_CONFIG_UNSUPPORTED
    [InlineData(55, HostErrorKind.InvalidState)] // VIR_ERR_OPERATION_INVALID
    [InlineData(87, HostErrorKind.InUse)] // VIR_ERR_RESOURCE_BUSY
    [InlineData(3, HostErrorKind.NotSupported)] // VIR_ERR_NO_SUPPORT
    [InlineData(84, HostErrorKind.NotSupported)] // VIR_ERR_OPERATION_UNSUPPORTED
    [InlineData(2, HostErrorKind.InsufficientResources)] // VIR_ERR_NO_MEMORY
    [InlineData(1, HostErrorKind.Failed)] // VIR_ERR_INTERNAL_ERROR
    [InlineData(38, HostErrorKind.Failed)] // VIR_ERR_SYSTEM_ERROR (not listed: falls back)
    public void Libvirt_error_codes_map_to_host_error_kinds(int code, HostErrorKind expected) =>
        LibvirtErrors.KindOf((LibvirtErrorCode)code).Should().Be(expected);
}
