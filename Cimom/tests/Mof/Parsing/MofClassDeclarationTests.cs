using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Syntax;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Mof.Parsing.MofTestParse;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

public class MofClassDeclarationTests
{
    [Fact]
    public void Schema_style_class_with_qualifiers_properties_references_and_methods()
    {
        const string mof = """
            [Association, Version ( "2.45.0" ), Description (
                "Line one. "
                "Line two, company\'s.")]
            class CIM_Foo : CIM_Bar {

                  [Key, Description ( "The key." )]
               string InstanceID;

                  [Key, Override ( "Antecedent" ), Min ( 1 )]
               CIM_System REF Antecedent;

               uint16 States[] = { 2, 3 };
               uint8 Data[16];
               string Name = "x";
               datetime When;

                  [Description ( "Do it." ), ValueMap { "0", "1", ".." }]
               uint32 RequestStateChange(
                     [IN, Description ( "State." )]
                  uint16 RequestedState,
                     [IN ( false ), OUT]
                  CIM_ConcreteJob REF Job,
                     [IN, OUT]
                  CIM_ManagedElement REF Elements[],
                  string Names[4],
                  datetime TimeoutPeriod);
               uint32 NoParams();
            };
            """;
        var cls = Single<MofClassDeclaration>(mof);
        cls.Name.Should().Be("CIM_Foo");
        cls.SuperClass.Should().Be("CIM_Bar");
        cls.Location.Should().Be(new SourceLocation(FileName, 4, 1));
        cls.Qualifiers.Select(q => q.Name).Should().Equal("Association", "Version", "Description");
        cls.Qualifiers[0].Value.Should().BeNull();
        cls.Qualifiers[1].Value.Should().BeOfType<MofStringValue>().Which.Value.Should().Be("2.45.0");
        cls.Qualifiers[2].Value.Should().BeOfType<MofStringValue>().Which.Value.Should().Be("Line one. Line two, company's.");
        cls.Qualifiers[2].Location.Should().Be(new SourceLocation(FileName, 1, 37));

        cls.Features.Select(f => f.Name).Should().Equal(
            "InstanceID", "Antecedent", "States", "Data", "Name", "When", "RequestStateChange", "NoParams");

        var id = cls.Features[0].Should().BeOfType<MofPropertyDeclaration>().Subject;
        id.Type.Should().Be(new MofTypeRef(new SourceLocation(FileName, 7, 4), CimType.String, null, false, null));
        id.Location.Should().Be(new SourceLocation(FileName, 7, 11));
        id.Qualifiers.Select(q => q.Name).Should().Equal("Key", "Description");

        var reference = cls.Features[1].Should().BeOfType<MofPropertyDeclaration>().Subject;
        reference.Type.Type.Should().Be(CimType.Reference);
        reference.Type.ReferenceClass.Should().Be("CIM_System");
        reference.Type.IsArray.Should().BeFalse();
        reference.Qualifiers[2].Value.Should().BeOfType<MofIntegerValue>().Which.Value.Should().Be(1);

        var states = (MofPropertyDeclaration)cls.Features[2];
        states.Type.IsArray.Should().BeTrue();
        states.Type.ArraySize.Should().BeNull();
        states.DefaultValue.Should().BeOfType<MofArrayValue>().Which.Items.Should().HaveCount(2);

        var data = (MofPropertyDeclaration)cls.Features[3];
        data.Type.Should().Be(new MofTypeRef(new SourceLocation(FileName, 13, 4), CimType.UInt8, null, true, 16));
        ((MofPropertyDeclaration)cls.Features[4]).DefaultValue.Should().BeOfType<MofStringValue>();
        ((MofPropertyDeclaration)cls.Features[5]).Type.Type.Should().Be(CimType.DateTime);

        var method = cls.Features[6].Should().BeOfType<MofMethodDeclaration>().Subject;
        method.ReturnType.Type.Should().Be(CimType.UInt32);
        method.ReturnType.IsArray.Should().BeFalse();
        method.Qualifiers[1].Value.Should().BeOfType<MofArrayValue>().Which.Items.Should().HaveCount(3);
        method.Parameters.Select(p => p.Name).Should().Equal("RequestedState", "Job", "Elements", "Names", "TimeoutPeriod");
        method.Parameters[0].Qualifiers.Select(q => q.Name).Should().Equal("IN", "Description");
        method.Parameters[0].Location.Should().Be(new SourceLocation(FileName, 20, 14));
        method.Parameters[1].Qualifiers[0].Value.Should().BeOfType<MofBooleanValue>().Which.Value.Should().BeFalse();
        method.Parameters[1].Type.Should().Be(new MofTypeRef(new SourceLocation(FileName, 22, 7), CimType.Reference, "CIM_ConcreteJob", false, null));
        method.Parameters[2].Type.Should().Be(new MofTypeRef(new SourceLocation(FileName, 24, 7), CimType.Reference, "CIM_ManagedElement", true, null));
        method.Parameters[3].Type.ArraySize.Should().Be(4);
        method.Parameters[4].Qualifiers.Should().BeEmpty();
        ((MofMethodDeclaration)cls.Features[7]).Parameters.Should().BeEmpty();
    }

    [Fact]
    public void Empty_bodies_alias_and_no_superclass()
    {
        var productions = ParseClean("class KVM_X : CIM_Y { };\nclass A_B as $ab { };\nclass C_D{};");
        productions.Cast<MofClassDeclaration>().Select(c => (c.Name, c.SuperClass, c.Features.Count))
            .Should().Equal(("KVM_X", "CIM_Y", 0), ("A_B", null, 0), ("C_D", null, 0));
    }

    [Fact]
    public void Keywords_are_identifiers_where_unambiguous()
    {
        const string mof = """
            [Association, Indication, Schema("x"), Reference]
            class Class_Of : Instance_As {
                  [Key]
               string Value;
               boolean readonly;
               Boolean shareable = TRUE;
               String Qualifier;
               uint32 Flavor;
               sint32 Scope[];
               string Ref;
               string Any = NULL;
               uint32 Property(string Values[], string Class, string Method, string Of);
               Instance REF Reference;
            };
            """;
        var cls = Single<MofClassDeclaration>(mof);
        cls.Qualifiers.Select(q => q.Name).Should().Equal("Association", "Indication", "Schema", "Reference");
        cls.Features.Select(f => f.Name).Should().Equal(
            "Value", "readonly", "shareable", "Qualifier", "Flavor", "Scope", "Ref", "Any", "Property", "Reference");
        cls.Features[2].Should().BeOfType<MofPropertyDeclaration>().Which.Type.Type.Should().Be(CimType.Boolean);
        cls.Features[6].Should().BeOfType<MofPropertyDeclaration>().Which.Type.Type.Should().Be(CimType.String);
        var method = cls.Features[8].Should().BeOfType<MofMethodDeclaration>().Subject;
        method.Parameters.Select(p => p.Name).Should().Equal("Values", "Class", "Method", "Of");
        cls.Features[9].Should().BeOfType<MofPropertyDeclaration>().Which.Type.ReferenceClass.Should().Be("Instance");
    }

    [Fact]
    public void Unicode_identifiers()
    {
        var cls = Single<MofClassDeclaration>("class T_Café { string Größe; uint8 _x1; };");
        cls.Name.Should().Be("T_Café");
        cls.Features.Select(f => f.Name).Should().Equal("Größe", "_x1");
    }

    [Fact]
    public void Reference_defaults_are_alias_string_or_null()
    {
        var cls = Single<MofClassDeclaration>(
            "class A_B { X_Y REF R1 = $a; X_Y REF R2 = \"X_Y.Id=\\\"1\\\"\"; X_Y REF R3 = NULL; };");
        cls.Features.Cast<MofPropertyDeclaration>().Select(p => p.DefaultValue!.GetType())
            .Should().Equal(typeof(MofAliasValue), typeof(MofStringValue), typeof(MofNullValue));
        ((MofStringValue)((MofPropertyDeclaration)cls.Features[1]).DefaultValue!).Value.Should().Be("X_Y.Id=\"1\"");
    }

    [Fact]
    public void Qualifier_values_arrays_flavors_and_lenient_paren_brace()
    {
        var cls = Single<MofClassDeclaration>(
            "[Description(\"d\") : ToSubclass Translatable, ValueMap {\"1\"}: Restricted, Bare] class A_B { };");
        cls.Qualifiers[0].Flavors.Should().Be(CimFlavor.ToSubclass | CimFlavor.Translatable);
        cls.Qualifiers[1].Flavors.Should().Be(CimFlavor.Restricted);
        cls.Qualifiers[2].Flavors.Should().Be(CimFlavor.None);
        cls.Qualifiers[2].Value.Should().BeNull();

        var strict = Parse("[ValueMap({\"1\", \"2\"})] class A_B { };");
        strict.HasErrors.Should().BeFalse();
        strict.Warnings().Should().ContainSingle().Which.Message.Should().Contain("not MOF 2.x syntax");
        strict.Productions.Cast<MofClassDeclaration>().Single().Qualifiers[0].Value
            .Should().BeOfType<MofArrayValue>().Which.Items.Should().HaveCount(2);
        Parse("[ValueMap({\"1\"})] class A_B { };", lenient: true).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Conflicting_flavors_on_a_qualifier_value_are_errors()
    {
        var result = Parse("[Description(\"d\"): EnableOverride DisableOverride] class A_B { };");
        result.Errors().Should().ContainSingle().Which.Message.Should().Contain("conflicting flavors");
    }

    [Theory]
    [InlineData("class A_B { string X };", "1:22", "expected ';' after property declaration, found '}'")]
    [InlineData("class A_B { string X }", "1:22", "expected ';' after property declaration, found '}'")]
    [InlineData("class A_B { CIM_X Y; };", "1:13", "expected a data type (intrinsic type or 'ClassName REF') for a property, reference or method declaration, found 'CIM_X'")]
    [InlineData("class A_B { string; };", "1:19", "expected a property or method name after type 'string', found ';'")]
    [InlineData("class A_B { CIM_X REF R[]; };", "1:24", "expected ';' after reference declaration, found '['")]
    [InlineData("class A_B { CIM_X REF M(); };", "1:13", "method 'M' must return an intrinsic scalar type, not 'CIM_X REF'")]
    [InlineData("class A_B { uint32 M(uint32 a = 1); };", "1:31", "parameter 'a' cannot have a default value")]
    [InlineData("class A_B { uint32 M(uint32 a b); };", "1:31", "expected ',' or ')' in the parameter list of method 'M', found 'b'")]
    [InlineData("class A_B { uint32 M(X_Y z); };", "1:22", "expected a data type (intrinsic type or 'ClassName REF') for a parameter of method 'M', found 'X_Y'")]
    [InlineData("class A_B { string X = $a; };", "1:24", "alias '$a' is not allowed here")]
    [InlineData("class A_B { string X[] = {{1}}; };", "1:27", "nested array value")]
    [InlineData("class A_B { string X[-1]; };", "1:22", "array size must be a positive integer, found '-1'")]
    [InlineData("class A_B : { };", "1:13", "expected a superclass name after 'A_B :', found '{'")]
    [InlineData("class { };", "1:7", "expected a class name after 'class', found '{'")]
    [InlineData("class A_B ;", "1:11", "expected '{' to open the body of class 'A_B', found ';'")]
    [InlineData("class A_B as ab { };", "1:14", "expected an alias ('$name') after 'as', found 'ab'")]
    [InlineData("class A_B { string X;", "1:22", "expected '}' to close class 'A_B', found end of file")]
    [InlineData("class A_B { [Key string X; };", "1:18", "expected ',' or ']' after qualifier 'Key', found 'string'")]
    [InlineData("class A_B { [Key(] string X; };", "1:18", "expected a value for qualifier 'Key', found ']'")]
    [InlineData("class A_B { [] string X; };", "1:14", "expected a qualifier name after '[', found ']'")]
    [InlineData("class A_B { [D(\"a\") : Bogus] string X; };", "1:23", "expected a flavor (EnableOverride, DisableOverride, ToSubclass, Restricted, Translatable, ToInstance) after 'D:', found 'Bogus'")]
    [InlineData("[Abstract] qualifier Q : boolean, scope(any);", "1:12", "expected 'class' or 'instance' after qualifier list, found 'qualifier'")]
    public void Syntax_errors_are_located_and_say_what_was_expected(string mof, string at, string message)
    {
        var result = Parse(mof);
        var error = result.Errors().Should().ContainSingle().Subject;
        error.Location.File.Should().Be(FileName);
        error.At().Should().Be(at);
        error.Message.Should().Contain(message);
        error.ToString().Should().StartWith($"{FileName}:{at}: error: ");
    }
}
