using FluentAssertions;
using Xunit;
using static CimCloud.CimXmlEndpoint.Tests.Server.Raw;

namespace CimCloud.CimXmlEndpoint.Tests.Server;

/// <summary>Open enumerations are bounded per server and belong to the user that opened them.</summary>
public sealed class PullContextTests(TestCimXmlServer server) : IClassFixture<TestCimXmlServer>
{
    private const string OpenVms = """<IPARAMVALUE NAME="ClassName"><CLASSNAME NAME="Test_Vm"/></IPARAMVALUE><IPARAMVALUE NAME="MaxObjectCount"><VALUE>1</VALUE></IPARAMVALUE>""";

    [Fact]
    public async Task Open_enumerations_beyond_the_limit_are_server_limits_exceeded_and_close_frees_them()
    {
        var contexts = new List<string>();
        var free = server.Options.MaxOpenEnumerations - server.OpenEnumerations;
        for (var i = 0; i < free; i++)
        {
            var open = await IntrinsicAsync(server.Endpoint, "OpenEnumerateInstances", OpenVms);
            open.ErrorCode.Should().BeNull(open.Body);
            contexts.Add(open.OutParameter("EnumerationContext")!);
        }

        (await IntrinsicAsync(server.Endpoint, "OpenEnumerateInstances", OpenVms)).ErrorCode.Should().Be(27);
        foreach (var id in contexts)
            (await IntrinsicAsync(server.Endpoint, "CloseEnumeration", $"""<IPARAMVALUE NAME="EnumerationContext"><VALUE>{id}</VALUE></IPARAMVALUE>""")).ErrorCode.Should().BeNull();
        server.OpenEnumerations.Should().Be(0);
        var again = await IntrinsicAsync(server.Endpoint, "OpenEnumerateInstances", OpenVms);
        again.ErrorCode.Should().BeNull();
        var rest = await IntrinsicAsync(server.Endpoint, "PullInstancesWithPath",
            $"""<IPARAMVALUE NAME="EnumerationContext"><VALUE>{again.OutParameter("EnumerationContext")}</VALUE></IPARAMVALUE><IPARAMVALUE NAME="MaxObjectCount"><VALUE>5</VALUE></IPARAMVALUE>""");
        rest.OutParameter("EndOfSequence").Should().Be("TRUE");
        rest.OutParameter("EnumerationContext").Should().BeNull();
        server.OpenEnumerations.Should().Be(0);
    }

    [Fact]
    public async Task Pull_needs_max_object_count()
    {
        var open = await IntrinsicAsync(server.Endpoint, "OpenEnumerateInstances", OpenVms);
        var id = open.OutParameter("EnumerationContext");
        (await IntrinsicAsync(server.Endpoint, "PullInstancesWithPath", $"""<IPARAMVALUE NAME="EnumerationContext"><VALUE>{id}</VALUE></IPARAMVALUE>""")).ErrorCode.Should().Be(4);
        (await IntrinsicAsync(server.Endpoint, "CloseEnumeration", $"""<IPARAMVALUE NAME="EnumerationContext"><VALUE>{id}</VALUE></IPARAMVALUE>""")).ErrorCode.Should().BeNull();
    }
}
