using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Repository.RepositoryTestSchema;

namespace CimCloud.Cimom.Tests.Repository;

public class InstancePathNormalizerTests
{
    private static readonly CimSchema Schema = With(CimSchema.Standard,
        Class("T_Two", null, Prop("Name", CimType.String, key: true), Prop("Number", CimType.UInt16, key: true), Prop("Other", CimType.String)),
        Class("T_Sys", null, Prop("Name", CimType.String, key: true)),
        Association("T_Link", Ref("Left", "T_Sys"), Ref("Right", "T_Sys")));

    private static CimObjectPath Path(string className, params (string Name, object Value)[] keys) =>
        new(null, className, keys.Select(k => new CimKeyBinding(k.Name, k.Value, CimType.String)));

    [Fact]
    public void String_values_are_converted_and_names_are_spelled_as_declared()
    {
        var path = InstancePathNormalizer.Normalize(Schema.GetClass("T_Two"), Path("t_two", ("NUMBER", "0x10"), ("name", "n")), "root/a");

        path.ClassName.Should().Be("T_Two");
        path.Namespace.Should().Be("root/a");
        path.KeyBindings.Select(k => k.Name).Should().Equal("Name", "Number");
        path.FindKey("Number")!.Value.Should().Be((ushort)16);
        path.FindKey("Number")!.Type.Should().Be(CimType.UInt16);
        path.Should().Be(InstancePathNormalizer.Normalize(Schema.GetClass("T_Two"), Path("T_Two", ("Name", "n"), ("Number", 16)), "ROOT/A"));
    }

    [Fact]
    public void A_missing_key_is_InvalidParameter_naming_it()
    {
        var act = () => InstancePathNormalizer.Normalize(Schema.GetClass("T_Two"), Path("T_Two", ("Name", "n")));

        act.Should().Throw<CimException>().Where(e => e.StatusCode == CimStatusCode.InvalidParameter && e.Message.Contains("Number"));
    }

    [Theory]
    [InlineData("Other")]
    [InlineData("Bogus")]
    public void A_name_that_is_not_a_key_is_InvalidParameter_naming_it(string extra)
    {
        var act = () => InstancePathNormalizer.Normalize(Schema.GetClass("T_Two"), Path("T_Two", ("Name", "n"), ("Number", 1), (extra, "x")));

        act.Should().Throw<CimException>().Where(e => e.StatusCode == CimStatusCode.InvalidParameter && e.Message.Contains(extra));
    }

    [Fact]
    public void A_bad_key_value_names_the_key()
    {
        var act = () => InstancePathNormalizer.Normalize(Schema.GetClass("T_Two"), Path("T_Two", ("Name", "n"), ("Number", "70000")));

        act.Should().Throw<CimException>().Where(e => e.Message.Contains("Number"));
    }

    [Fact]
    public void Reference_keys_are_normalized_against_the_schema()
    {
        var left = Path("t_sys", ("NAME", "a"));
        var right = new CimObjectPath(null, "T_Sys", [new CimKeyBinding("Name", "b", CimType.String)]);
        var path = InstancePathNormalizer.Normalize(Schema.GetClass("T_Link"), Path("T_Link", ("left", left), ("right", right.ToString())), "root/a", Schema);

        var normalizedLeft = (CimObjectPath)path.FindKey("Left")!.Value;
        normalizedLeft.ClassName.Should().Be("T_Sys");
        normalizedLeft.KeyBindings.Single().Name.Should().Be("Name");
        path.FindKey("Right")!.Value.Should().BeOfType<CimObjectPath>();
    }
}
