using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Syntax;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Mof.Parsing.MofTestParse;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

public class MofInstanceDeclarationTests
{
    [Fact]
    public void Instances_with_aliases_and_forward_alias_references()
    {
        const string mof = """
            instance of CCT_HostDisk {
                Antecedent = $Host1;
                Dependent = $Disk1;
            };

            instance of CCT_Host as $Host1 {
                InstanceID = "host-1";
                ElementName = NULL;
                EnabledState = 2;
                Tags = {"a", "b"};
                Empty = {};
            };

            [Description("obsolete instance qualifier")]
            INSTANCE OF CCT_Disk as $Disk1
            {
                [Key] InstanceID = "disk-1";
                Links = { $Host1, $Disk1 };
            };
            """;
        var instances = ParseClean(mof).Cast<MofInstanceDeclaration>().ToList();
        instances.Should().HaveCount(3);

        instances[0].ClassName.Should().Be("CCT_HostDisk");
        instances[0].Alias.Should().BeNull();
        instances[0].Location.Should().Be(new SourceLocation(FileName, 1, 1));
        instances[0].Values.Select(v => ((MofAliasValue)v.Value).Name).Should().Equal("Host1", "Disk1");

        instances[1].Alias.Should().Be("Host1");
        instances[1].Values.Select(v => v.Name).Should().Equal("InstanceID", "ElementName", "EnabledState", "Tags", "Empty");
        instances[1].Values[0].Location.Should().Be(new SourceLocation(FileName, 7, 5));
        instances[1].Values[1].Value.Should().BeOfType<MofNullValue>();
        instances[1].Values[3].Value.Should().BeOfType<MofArrayValue>().Which.Items.Should().HaveCount(2);
        instances[1].Values[4].Value.Should().BeOfType<MofArrayValue>().Which.Items.Should().BeEmpty();

        instances[2].Qualifiers.Should().ContainSingle().Which.Name.Should().Be("Description");
        instances[2].Alias.Should().Be("Disk1");
        instances[2].Location.Should().Be(new SourceLocation(FileName, 15, 1));
        instances[2].Values[0].Qualifiers.Should().ContainSingle().Which.Name.Should().Be("Key");
        instances[2].Values[1].Value.Should().BeOfType<MofArrayValue>().Which.Items.Should().AllBeOfType<MofAliasValue>();
    }

    [Fact]
    public void Keyword_property_names_in_instances()
    {
        var instance = Single<MofInstanceDeclaration>("instance of X_Y { Value = 1; Null = null; True = false; Of = \"o\"; };");
        instance.Values.Select(v => v.Name).Should().Equal("Value", "Null", "True", "Of");
    }

    [Fact]
    public void Embedded_instance_text_is_just_a_string()
    {
        var value = StringValue("\"instance of T_Base { Id = \\\"e\\\"; };\"");
        value.Should().Be("instance of T_Base { Id = \"e\"; };");
    }

    [Theory]
    [InlineData("instance X_Y { };", "1:10", "expected 'of' after 'instance', found 'X_Y'")]
    [InlineData("instance of { };", "1:13", "expected a class name after 'instance of', found '{'")]
    [InlineData("instance of X_Y as Z { };", "1:20", "expected an alias ('$name') after 'as', found 'Z'")]
    [InlineData("instance of X_Y { A 1; };", "1:21", "expected '=' after property name 'A', found number '1'")]
    [InlineData("instance of X_Y { A = ; };", "1:23", "expected a value for property 'A', found ';'")]
    [InlineData("instance of X_Y { A = 1 };", "1:25", "expected ';' after property value, found '}'")]
    [InlineData("instance of X_Y { A = {1 2}; };", "1:26", "expected ',' or '}' in array value, found number '2'")]
    [InlineData("instance of X_Y { A = 1; }", "1:27", "expected ';' after 'instance of X_Y', found end of file")]
    public void Malformed_instances(string mof, string at, string message)
    {
        var result = Parse(mof);
        var error = result.Errors().Should().ContainSingle().Subject;
        error.At().Should().Be(at);
        error.Message.Should().Be(message);
    }
}
