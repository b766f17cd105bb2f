using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.WsManEndpoint.Cim;
using FluentAssertions;
using Xunit;
using static CimCloud.WsManEndpoint.Tests.Cim.XmlTestSupport;

namespace CimCloud.WsManEndpoint.Tests.Cim;

public sealed class SelectorBinderTests
{
    private const string Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private const string Wsman = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";

    private static CimClass System => WsCimTestSchema.Class("Test_System");

    private static CimClass Numbered => WsCimTestSchema.Class("Test_Numbered");

    [Fact]
    public void The_reader_trims_text_and_keeps_nested_eprs()
    {
        var set = XElement.Parse($"""
            <w:SelectorSet xmlns:w="{Wsman}" xmlns:a="{Wsa}">
              <w:Selector Name="Name">  vm-0042
              </w:Selector>
              <w:Selector Name="Ref"><a:EndpointReference><a:Address>x</a:Address></a:EndpointReference></w:Selector>
            </w:SelectorSet>
            """);

        var selectors = SelectorSetReader.Read(set);

        selectors.Should().HaveCount(2);
        selectors[0].Should().Be(new Selector("Name", "vm-0042"));
        selectors[1].Value.Should().BeNull();
        selectors[1].IsEndpointReference.Should().BeTrue();
        SelectorSetReader.Read(null).Should().BeEmpty();
    }

    [Theory]
    [InlineData("<w:Selector>x</w:Selector>")]
    [InlineData("<w:Selector Name=\" \">x</w:Selector>")]
    [InlineData("<w:Other Name=\"x\">x</w:Other>")]
    public void Malformed_selector_sets_are_SchemaValidationError(string body)
    {
        var set = XElement.Parse($"""<w:SelectorSet xmlns:w="{Wsman}">{body}</w:SelectorSet>""");

        Fault(() => SelectorSetReader.Read(set)).ShouldBeFault("SchemaValidationError", null);
    }

    [Fact]
    public void Binds_typed_keys_and_the_namespace_selector()
    {
        var path = Bind(System, ("Name", "vm-0042"), ("CreationClassName", "Test_System"), ("__cimnamespace", "root/interop"));

        path.Namespace.Should().Be("root/interop");
        path.ClassName.Should().Be("Test_System");
        path.KeyBindings.Select(k => k.Name).Should().Equal("CreationClassName", "Name");
        path.FindKey("__cimnamespace").Should().BeNull();
    }

    [Fact]
    public void Without_a_namespace_selector_the_default_namespace_is_used()
    {
        var selectors = Selectors(("Name", "vm-0042"), ("CreationClassName", "Test_System"));

        SelectorBinder.Bind(selectors, System, WsCimTestSchema.Lookup, "root/cimv2").Should().Be(WsCimTestSchema.System.Path);
        SelectorBinder.Bind(selectors, System, WsCimTestSchema.Lookup).Namespace.Should().BeNull();
    }

    [Theory]
    [InlineData("test_system", "Test_System")]
    [InlineData("TEST_LINK", "Test_Link")]
    [InlineData("Unknown_Class", "Unknown_Class")]
    [InlineData("not a class", "not a class")]
    public void CreationClassName_values_are_normalised_to_the_declared_spelling(string given, string bound)
    {
        var path = Bind(System, ("Name", "vm-0042"), ("creationclassname", given));

        path.FindKey("CreationClassName")!.Value.Should().Be(bound);
        path.FindKey("CreationClassName")!.Name.Should().Be("CreationClassName");
    }

    [Fact]
    public void Other_string_keys_stay_case_sensitive()
    {
        var path = Bind(System, ("Name", "VM-0042"), ("CreationClassName", "Test_System"));

        path.WithNamespace("root/cimv2").Should().NotBe(WsCimTestSchema.System.Path);
    }

    [Fact]
    public void Keys_get_the_type_of_their_key_property()
    {
        var path = Bind(Numbered, ("Id", "0x10"), ("Since", "2024-01-01T00:00:00Z"), ("Weight", "1.5"), ("Active", "TRUE"), ("Letter", "z"));

        path.FindKey("Id")!.Value.Should().Be((byte)16);
        path.FindKey("Id")!.Type.Should().Be(CimType.UInt8);
        path.FindKey("Since")!.Value.Should().Be(CimDateTime.Parse("20240101000000.000000+000"));
        path.FindKey("Weight")!.Value.Should().Be(1.5f);
        path.FindKey("Active")!.Value.Should().Be(true);
        path.FindKey("Letter")!.Value.Should().Be('z');
    }

    [Fact]
    public void A_name_given_twice_is_DuplicateSelectors() =>
        Fault(() => Bind(System, ("Name", "a"), ("name", "b"), ("CreationClassName", "Test_System")))
            .ShouldBeFault("InvalidSelectors", "DuplicateSelectors");

    [Fact]
    public void The_namespace_selector_twice_is_DuplicateSelectors() =>
        Fault(() => Bind(System, ("Name", "a"), ("CreationClassName", "Test_System"), ("__cimnamespace", "x"), ("__CIMNamespace", "y")))
            .ShouldBeFault("InvalidSelectors", "DuplicateSelectors");

    [Fact]
    public void A_missing_key_is_InsufficientSelectors() =>
        Fault(() => Bind(System, ("Name", "a"))).ShouldBeFault("InvalidSelectors", "InsufficientSelectors");

    [Fact]
    public void No_selectors_for_a_keyed_class_is_InsufficientSelectors() =>
        Fault(() => Bind(System)).ShouldBeFault("InvalidSelectors", "InsufficientSelectors");

    [Fact]
    public void Only_the_namespace_selector_is_InsufficientSelectors() =>
        Fault(() => Bind(System, ("__cimnamespace", "root/cimv2"))).ShouldBeFault("InvalidSelectors", "InsufficientSelectors");

    [Theory]
    [InlineData("EnabledState")]
    [InlineData("NoSuchProperty")]
    public void A_name_that_is_not_a_key_is_UnexpectedSelectors(string name) =>
        Fault(() => Bind(System, ("Name", "a"), ("CreationClassName", "Test_System"), (name, "2")))
            .ShouldBeFault("InvalidSelectors", "UnexpectedSelectors");

    [Theory]
    [InlineData("Id", "abc")]
    [InlineData("Id", "")]
    [InlineData("Id", "1.5")]
    [InlineData("Id", "0x")]
    [InlineData("Since", "tomorrow")]
    [InlineData("Weight", "heavy")]
    [InlineData("Active", "yes")]
    [InlineData("Letter", "ab")]
    [InlineData("Letter", "")]
    public void A_value_of_the_wrong_kind_is_TypeMismatch(string key, string value) =>
        Fault(() => BindNumbered(key, value)).ShouldBeFault("InvalidSelectors", "TypeMismatch");

    [Theory]
    [InlineData("Id", "256")]
    [InlineData("Id", "-1")]
    [InlineData("Id", "0x100")]
    [InlineData("Since", "20241301000000.000000+000")]
    [InlineData("Since", "20240230000000.000000+000")]
    [InlineData("Weight", "1e39")]
    public void A_value_of_the_right_kind_but_out_of_range_is_InvalidValue(string key, string value) =>
        Fault(() => BindNumbered(key, value)).ShouldBeFault("InvalidSelectors", "InvalidValue");

    [Fact]
    public void A_keyless_class_without_selectors_gives_the_class_path()
    {
        var path = SelectorBinder.Bind([], WsCimTestSchema.Class("Test_Setting"), WsCimTestSchema.Lookup, "root/cimv2");

        path.IsClassPath.Should().BeTrue();
        path.ClassName.Should().Be("Test_Setting");
    }

    [Fact]
    public void Reference_keys_bind_from_nested_endpoint_references()
    {
        var nested = WsCimTestSchema.Nested.Path;
        var epr = WriteElement(w => InstanceXmlWriter.WriteEndpointReference(w, nested));

        var path = SelectorBinder.BindEndpointReference(epr, WsCimTestSchema.Lookup);

        path.Should().Be(nested);
        ((CimObjectPath)path.FindKey("Link")!.Value).FindKey("Antecedent")!.Type.Should().Be(CimType.Reference);
    }

    [Fact]
    public void Reference_keys_also_bind_from_an_object_path_in_text()
    {
        var path = Bind(WsCimTestSchema.Class("Test_Link"),
            ("Antecedent", "root/cimv2:Test_Element.InstanceID=\"e1\""), ("Dependent", "Test_Element.InstanceID=\"e2\""));

        ((CimObjectPath)path.FindKey("Antecedent")!.Value).Namespace.Should().Be("root/cimv2");
    }

    [Theory]
    [InlineData("not a path")]
    [InlineData("Test_System.Name=\"x\",CreationClassName=\"Test_System\"")]
    public void A_reference_key_given_bad_text_or_the_wrong_class_is_TypeMismatch(string value) =>
        Fault(() => Bind(WsCimTestSchema.Class("Test_Link"), ("Antecedent", value), ("Dependent", "Test_Element.InstanceID=\"e2\"")))
            .ShouldBeFault("InvalidSelectors", "TypeMismatch");

    [Fact]
    public void An_endpoint_reference_for_a_plain_key_is_TypeMismatch()
    {
        var epr = WriteElement(w => InstanceXmlWriter.WriteEndpointReference(w, WsCimTestSchema.System.Path));
        var selectors = new[] { new Selector("Name", null, epr), new Selector("CreationClassName", "Test_System") };

        Fault(() => SelectorBinder.Bind(selectors, System, WsCimTestSchema.Lookup)).ShouldBeFault("InvalidSelectors", "TypeMismatch");
    }

    [Fact]
    public void Faults_inside_a_nested_reference_key_keep_their_detail()
    {
        var xml = WriteElement(w => InstanceXmlWriter.WriteEndpointReference(w, WsCimTestSchema.Link.Path)).ToString()
            .Replace("Name=\"InstanceID\">e1<", "Name=\"Bogus\">e1<", StringComparison.Ordinal);

        Fault(() => SelectorBinder.BindEndpointReference(XElement.Parse(xml), WsCimTestSchema.Lookup))
            .ShouldBeFault("InvalidSelectors", "UnexpectedSelectors");
    }

    [Fact]
    public void A_wsmb_Object_with_epr_children_binds()
    {
        var obj = XElement.Parse($"""
            <b:Object xmlns:b="http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd" xmlns:a="{Wsa}" xmlns:w="{Wsman}">
              <a:Address>http://host/wsman</a:Address>
              <a:ReferenceParameters>
                <w:ResourceURI>http://schemas.microsoft.com/wbem/wsman/1/wmi/root/interop/Test_System</w:ResourceURI>
                <w:SelectorSet><w:Selector Name="Name">vm-0042</w:Selector><w:Selector Name="CreationClassName">TEST_SYSTEM</w:Selector></w:SelectorSet>
              </a:ReferenceParameters>
            </b:Object>
            """);

        var path = SelectorBinder.BindEndpointReference(obj, WsCimTestSchema.Lookup, "root/cimv2");

        path.Namespace.Should().Be("root/interop", "the namespace embedded in the resource URI beats the default");
        path.WithNamespace("root/cimv2").Should().Be(WsCimTestSchema.System.Path);
    }

    [Theory]
    [InlineData("<a:Address>x</a:Address>")]
    [InlineData("<a:Address>x</a:Address><a:ReferenceParameters/>")]
    [InlineData("<a:ReferenceParameters><w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/*</w:ResourceURI></a:ReferenceParameters>")]
    [InlineData("<a:ReferenceParameters><w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/No_Class</w:ResourceURI></a:ReferenceParameters>")]
    [InlineData("<a:ReferenceParameters><w:ResourceURI>urn:nothing</w:ResourceURI></a:ReferenceParameters>")]
    public void An_epr_without_a_known_class_is_DestinationUnreachable(string body)
    {
        var epr = XElement.Parse($"""<a:EndpointReference xmlns:a="{Wsa}" xmlns:w="{Wsman}">{body}</a:EndpointReference>""");

        Fault(() => SelectorBinder.BindEndpointReference(epr, WsCimTestSchema.Lookup)).ShouldBeFault("DestinationUnreachable", "InvalidResourceURI");
    }

    private static CimObjectPath BindNumbered(string key, string value)
    {
        var values = new Dictionary<string, string>
        {
            ["Id"] = "1",
            ["Since"] = "20240101000000.000000+000",
            ["Weight"] = "1",
            ["Active"] = "true",
            ["Letter"] = "a",
        };
        values[key] = value;
        return Bind(Numbered, [.. values.Select(kv => (kv.Key, kv.Value))]);
    }

    private static CimObjectPath Bind(CimClass cimClass, params (string Name, string Value)[] selectors) =>
        SelectorBinder.Bind(Selectors(selectors), cimClass, WsCimTestSchema.Lookup);

    private static Selector[] Selectors(params (string Name, string Value)[] selectors) =>
        [.. selectors.Select(s => new Selector(s.Name, s.Value))];
}
