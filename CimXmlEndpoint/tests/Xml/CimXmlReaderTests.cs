using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Repository;
using CimCloud.CimXmlEndpoint.Transport;
using CimCloud.CimXmlEndpoint.Xml;
using FluentAssertions;
using Xunit;

namespace CimCloud.CimXmlEndpoint.Tests.Xml;

public sealed class CimXmlReaderTests
{
    private static readonly CimRepository Repository = Compile();

    private static CimRepository Compile()
    {
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions { DefaultNamespace = "root/test" }).CompileText("""
            class T_Inner { [Key] string Id; uint8 Small; };
            [Association] class T_All {
                [Key] string Name; boolean B; uint8 U8; sint8 S8; uint16 U16; sint16 S16; uint32 U32; sint32 S32; uint64 U64; sint64 S64;
                real32 R32; real64 R64; char16 C; datetime D; string Arr[]; T_Inner REF Ref; T_Inner REF Ref2; [EmbeddedInstance("T_Inner")] string Emb;
            };
            """, "t.mof");
        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
        return repository;
    }

    private static InstanceContext Context => new("root/test", Repository.GetNamespace("root/test").Schema.FindClass);

    [Fact]
    public void Instance_values_of_every_type_round_trip_through_writer_and_reader()
    {
        var cls = Repository.GetNamespace("root/test").Schema.FindClass("T_All")!;
        var inner = new CimInstance(Repository.GetNamespace("root/test").Schema.FindClass("T_Inner")!, "root/test");
        inner["Id"] = "i<1>&";
        inner["Small"] = (byte)255;
        var instance = new CimInstance(cls, "root/test");
        instance["Name"] = "n \"quoted\" <x>";
        instance["B"] = true;
        instance["U8"] = (byte)200;
        instance["S8"] = (sbyte)-100;
        instance["U16"] = (ushort)65535;
        instance["S16"] = (short)-32768;
        instance["U32"] = uint.MaxValue;
        instance["S32"] = int.MinValue;
        instance["U64"] = ulong.MaxValue;
        instance["S64"] = long.MinValue;
        instance["R32"] = 1.5f;
        instance["R64"] = -2.25e100;
        instance["C"] = 'z';
        instance["D"] = CimDateTime.Parse("20240115103000.123456-300");
        instance["Arr"] = new[] { "a", "", "c" };
        instance["Ref"] = new CimObjectPath("root/test", "T_Inner", [new CimKeyBinding("Id", "k", CimType.String)]);
        instance["Emb"] = inner;

        var text = new System.Text.StringBuilder();
        using (var xml = System.Xml.XmlWriter.Create(text, new System.Xml.XmlWriterSettings { OmitXmlDeclaration = true }))
            new CimXmlWriter(xml, "h").WriteInstance(instance, includeQualifiers: false, includeClassOrigin: false);
        var read = CimXmlReader.Instance(XElement.Parse(text.ToString()), Context, out var given);

        given.Should().HaveCount(cls.Properties.Count, "NULL properties are written too (without VALUE)");
        foreach (var p in cls.Properties.Where(p => p.Name is not ("Emb" or "Ref2")))
            read[p.Name].Should().BeEquivalentTo(instance[p.Name], p.Name);
        var embedded = read["Emb"].Should().BeOfType<CimInstance>().Subject;
        embedded["Id"].Should().Be("i<1>&");
        embedded["Small"].Should().Be((byte)255);
        text.ToString().Should().Contain("EmbeddedObject=\"instance\"").And.Contain("<VALUE>TRUE</VALUE>");
    }

    [Fact]
    public void Key_bindings_take_value_types_and_references()
    {
        var element = XElement.Parse("""
            <INSTANCENAME CLASSNAME="T_All">
              <KEYBINDING NAME="Name"><KEYVALUE VALUETYPE="string">x</KEYVALUE></KEYBINDING>
              <KEYBINDING NAME="N"><KEYVALUE VALUETYPE="numeric">-5</KEYVALUE></KEYBINDING>
              <KEYBINDING NAME="Big"><KEYVALUE VALUETYPE="numeric">18446744073709551615</KEYVALUE></KEYBINDING>
              <KEYBINDING NAME="Flag"><KEYVALUE VALUETYPE="boolean">TRUE</KEYVALUE></KEYBINDING>
              <KEYBINDING NAME="Typed"><KEYVALUE TYPE="uint8">7</KEYVALUE></KEYBINDING>
              <KEYBINDING NAME="Ref"><VALUE.REFERENCE><INSTANCEPATH><NAMESPACEPATH><HOST>h</HOST><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="other"/></LOCALNAMESPACEPATH></NAMESPACEPATH><INSTANCENAME CLASSNAME="T_Inner"><KEYBINDING NAME="Id"><KEYVALUE>k</KEYVALUE></KEYBINDING></INSTANCENAME></INSTANCEPATH></VALUE.REFERENCE></KEYBINDING>
            </INSTANCENAME>
            """);
        var path = CimXmlReader.InstanceName(element, "root/test", null);
        path.FindKey("Name")!.Value.Should().Be("x");
        path.FindKey("N")!.Value.Should().Be(-5L);
        path.FindKey("Big")!.Value.Should().Be(ulong.MaxValue);
        path.FindKey("Flag")!.Value.Should().Be(true);
        path.FindKey("Typed")!.Value.Should().Be((byte)7);
        var reference = path.FindKey("Ref")!.Value.Should().BeOfType<CimObjectPath>().Subject;
        reference.Namespace.Should().Be("root/other");
        reference.Host.Should().Be("h");
    }

    [Theory]
    [InlineData("""<INSTANCENAME CLASSNAME="X"><KEYBINDING NAME="N"><KEYVALUE VALUETYPE="numeric">abc</KEYVALUE></KEYBINDING></INSTANCENAME>""")]
    [InlineData("""<INSTANCENAME CLASSNAME="X"><KEYBINDING NAME="N"><KEYVALUE VALUETYPE="weird">1</KEYVALUE></KEYBINDING></INSTANCENAME>""")]
    [InlineData("""<INSTANCENAME><KEYBINDING NAME="N"><KEYVALUE>1</KEYVALUE></KEYBINDING></INSTANCENAME>""")]
    [InlineData("""<INSTANCENAME CLASSNAME="X"><KEYVALUE>1</KEYVALUE></INSTANCENAME>""")]
    [InlineData("""<INSTANCENAME CLASSNAME="X"><BOGUS/></INSTANCENAME>""")]
    public void Malformed_instance_names_are_invalid_parameter(string xml)
    {
        var act = () => CimXmlReader.InstanceName(XElement.Parse(xml), "root/test", null);
        act.Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
    }

    [Fact]
    public void Values_that_do_not_fit_the_type_are_refused()
    {
        var cls = Repository.GetNamespace("root/test").Schema.FindClass("T_All")!;
        var tooBig = XElement.Parse("""<INSTANCE CLASSNAME="T_All"><PROPERTY NAME="U8" TYPE="uint8"><VALUE>256</VALUE></PROPERTY></INSTANCE>""");
        FluentActions.Invoking(() => CimXmlReader.Instance(tooBig, Context, out _)).Should().Throw<CimException>().Which.Message.Should().Contain("U8");
        var arrayForScalar = XElement.Parse("""<INSTANCE CLASSNAME="T_All"><PROPERTY NAME="U8" TYPE="uint8"><VALUE.ARRAY><VALUE>1</VALUE></VALUE.ARRAY></PROPERTY></INSTANCE>""");
        FluentActions.Invoking(() => CimXmlReader.Instance(arrayForScalar, Context, out _)).Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.TypeMismatch);
        var unknownClass = XElement.Parse("""<INSTANCE CLASSNAME="T_Nope"/>""");
        FluentActions.Invoking(() => CimXmlReader.Instance(unknownClass, Context, out _)).Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidClass);
        cls.Should().NotBeNull();
    }

    [Fact]
    public void Embedded_objects_are_parsed_safely_and_depth_limited()
    {
        var withDtd = System.Security.SecurityElement.Escape("""<!DOCTYPE x [<!ENTITY e "boom">]><INSTANCE CLASSNAME="T_Inner">&e;</INSTANCE>""");
        var element = XElement.Parse($"""<INSTANCE CLASSNAME="T_All"><PROPERTY NAME="Emb" TYPE="string"><VALUE>{withDtd}</VALUE></PROPERTY></INSTANCE>""");
        FluentActions.Invoking(() => CimXmlReader.Instance(element, Context, out _)).Should().Throw<CimException>().Which.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
    }

    [Fact]
    public void Class_and_qualifier_declarations_are_read()
    {
        var declaration = CimXmlReader.Class(XElement.Parse("""
            <CLASS NAME="T_New" SUPERCLASS="T_Inner">
              <QUALIFIER NAME="Description" TYPE="string"><VALUE>d</VALUE></QUALIFIER>
              <PROPERTY NAME="Id" TYPE="string" PROPAGATED="true" CLASSORIGIN="T_Inner"/>
              <PROPERTY.ARRAY NAME="List" TYPE="uint16" ARRAYSIZE="4"/>
              <PROPERTY.REFERENCE NAME="Other" REFERENCECLASS="T_Inner"/>
              <METHOD NAME="Go" TYPE="uint32"><PARAMETER.REFARRAY NAME="Targets" REFERENCECLASS="T_Inner"/></METHOD>
            </CLASS>
            """));
        declaration.SuperClassName.Should().Be("T_Inner");
        declaration.Properties.Select(p => p.Name).Should().Equal("List", "Other"); // propagated ones are the superclass's
        declaration.Properties[0].DataType.Should().Be(CimDataType.ArrayOf(CimType.UInt16, 4));
        declaration.Methods.Single().Parameters.Single().DataType.Should().Be(CimDataType.ReferenceTo("T_Inner", isArray: true));
        var qualifier = CimXmlReader.QualifierDeclaration(XElement.Parse("""<QUALIFIER.DECLARATION NAME="Q" TYPE="sint32" ISARRAY="true" OVERRIDABLE="false"><SCOPE CLASS="true" METHOD="true"/><VALUE.ARRAY><VALUE>1</VALUE><VALUE>-2</VALUE></VALUE.ARRAY></QUALIFIER.DECLARATION>"""));
        qualifier.Type.Should().Be(CimDataType.ArrayOf(CimType.SInt32));
        qualifier.Scope.Should().Be(CimScope.Class | CimScope.Method);
        qualifier.Flavor.Should().HaveFlag(CimFlavor.DisableOverride);
        qualifier.DefaultValue.Should().BeEquivalentTo(new[] { 1, -2 });
    }

    [Fact]
    public void The_loader_refuses_dtds_and_deep_documents()
    {
        static void Load(string xml, int depth = 64) => SafeXmlLoader.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)), 1_000_000, depth);
        FluentActions.Invoking(() => Load("""<!DOCTYPE CIM [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><CIM>&b;</CIM>"""))
            .Should().Throw<CimXmlProtocolException>().Which.CimError.Should().Be("request-not-well-formed");
        FluentActions.Invoking(() => Load(string.Concat(Enumerable.Repeat("<a>", 10)) + string.Concat(Enumerable.Repeat("</a>", 10)), depth: 9))
            .Should().Throw<CimXmlProtocolException>().Which.CimError.Should().Be("request-not-valid");
        FluentActions.Invoking(() => Load("<CIM>" + new string('x', 2_000_000) + "</CIM>"))
            .Should().Throw<CimXmlProtocolException>();
        Load("<CIM><A/></CIM>");
    }
}
