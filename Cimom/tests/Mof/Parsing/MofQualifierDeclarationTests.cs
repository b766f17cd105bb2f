using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Syntax;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Mof.Parsing.MofTestParse;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

public class MofQualifierDeclarationTests
{
    [Fact]
    public void Boolean_qualifier_with_default_scope_and_flavor()
    {
        var q = Single<MofQualifierDeclaration>(
            "Qualifier Association : boolean = false,\n    Scope(association),\n    Flavor(DisableOverride, ToSubclass);");
        q.Name.Should().Be("Association");
        q.Type.Type.Should().Be(CimType.Boolean);
        q.Type.IsArray.Should().BeFalse();
        q.DefaultValue.Should().BeOfType<MofBooleanValue>().Which.Value.Should().BeFalse();
        q.Scope.Should().Be(CimScope.Association);
        q.Flavors.Should().Be(CimFlavor.DisableOverride | CimFlavor.ToSubclass);
        q.Location.Should().Be(new SourceLocation(FileName, 1, 1));
        q.Type.Location.Should().Be(new SourceLocation(FileName, 1, 25));
    }

    [Fact]
    public void Array_type_without_default_and_without_flavor()
    {
        var q = Single<MofQualifierDeclaration>("Qualifier Deprecated : string[], Scope(any);");
        q.Type.Type.Should().Be(CimType.String);
        q.Type.IsArray.Should().BeTrue();
        q.Type.ArraySize.Should().BeNull();
        q.DefaultValue.Should().BeNull();
        q.Scope.Should().Be(CimScope.Any);
        q.Flavors.Should().Be(CimFlavor.None);
    }

    [Fact]
    public void Fixed_size_array_type_and_array_default()
    {
        var q = Single<MofQualifierDeclaration>("qualifier Q : uint8[4] = {1, 2}, scope(property, parameter);");
        q.Type.Type.Should().Be(CimType.UInt8);
        q.Type.ArraySize.Should().Be(4);
        q.DefaultValue.Should().BeOfType<MofArrayValue>().Which.Items.Should().HaveCount(2);
        q.Scope.Should().Be(CimScope.Property | CimScope.Parameter);
    }

    [Fact]
    public void Every_scope_and_flavor_keyword_in_any_case()
    {
        var q = Single<MofQualifierDeclaration>(
            "QUALIFIER Q : STRING = NULL, SCOPE(CLASS, Association, indication, PROPERTY, reference, Method, parameter, qualifier),"
            + " FLAVOR(enableoverride, ToSubClass, TRANSLATABLE, toinstance);");
        q.Scope.Should().Be(CimScope.Any);
        q.DefaultValue.Should().BeOfType<MofNullValue>();
        q.Flavors.Should().Be(CimFlavor.EnableOverride | CimFlavor.ToSubclass | CimFlavor.Translatable | CimFlavor.ToInstance);
    }

    [Theory]
    [InlineData("boolean", CimType.Boolean)]
    [InlineData("uint8", CimType.UInt8)]
    [InlineData("sint8", CimType.SInt8)]
    [InlineData("uint16", CimType.UInt16)]
    [InlineData("sint16", CimType.SInt16)]
    [InlineData("uint32", CimType.UInt32)]
    [InlineData("sint32", CimType.SInt32)]
    [InlineData("uint64", CimType.UInt64)]
    [InlineData("SINT64", CimType.SInt64)]
    [InlineData("real32", CimType.Real32)]
    [InlineData("Real64", CimType.Real64)]
    [InlineData("char16", CimType.Char16)]
    [InlineData("String", CimType.String)]
    [InlineData("DateTime", CimType.DateTime)]
    public void Every_intrinsic_type(string keyword, CimType expected) =>
        Single<MofQualifierDeclaration>($"qualifier Q : {keyword}, scope(any);").Type.Type.Should().Be(expected);

    [Fact]
    public void Keyword_names_are_legal_qualifier_names()
    {
        var names = ParseClean("""
            Qualifier Indication : boolean = false, Scope(class, indication), Flavor(DisableOverride, ToSubclass);
            Qualifier Reference : boolean, Scope(any);
            Qualifier Schema : string = null, Scope(property, method), Flavor(DisableOverride, ToSubclass, Translatable);
            Qualifier Class : boolean, Scope(any);
            """).Cast<MofQualifierDeclaration>().Select(q => q.Name);
        names.Should().Equal("Indication", "Reference", "Schema", "Class");
    }

    [Theory]
    [InlineData("Flavor(EnableOverride, DisableOverride)", "conflicting flavors EnableOverride and DisableOverride")]
    [InlineData("Flavor(ToSubclass, Restricted)", "conflicting flavors ToSubclass and Restricted")]
    public void Conflicting_flavors_are_errors(string flavor, string message)
    {
        var result = Parse($"Qualifier Q : boolean, Scope(any), {flavor};");
        var error = result.Errors().Should().ContainSingle().Subject;
        error.Message.Should().Contain(message).And.Contain("'Q'");
        error.At().Should().Be("1:36");
    }

    [Theory]
    [InlineData("Qualifier Q : boolean Scope(any);", "1:23", "expected ',' and 'Scope(...)' in the declaration of qualifier 'Q', found 'Scope'")]
    [InlineData("Qualifier Q : boolean, Scope();", "1:30", "expected a scope")]
    [InlineData("Qualifier Q : boolean, Scope(everything);", "1:30", "expected a scope")]
    [InlineData("Qualifier Q : boolean, Scope(any), Flavor(Sticky);", "1:43", "expected a flavor")]
    [InlineData("Qualifier Q : boolean, Scope(any), Flavour(ToSubclass);", "1:36", "expected 'Flavor'")]
    [InlineData("Qualifier Q : ref, Scope(any);", "1:15", "cannot have a reference type")]
    [InlineData("Qualifier Q : CIM_X, Scope(any);", "1:15", "expected an intrinsic data type for qualifier 'Q', found 'CIM_X'")]
    [InlineData("Qualifier Q boolean, Scope(any);", "1:13", "expected ':' after qualifier name 'Q', found 'boolean'")]
    [InlineData("Qualifier Q : boolean = $a, Scope(any);", "1:25", "alias '$a' is not allowed here")]
    [InlineData("Qualifier Q : string[0], Scope(any);", "1:22", "array size must be a positive integer")]
    [InlineData("Qualifier Q : boolean, Scope(any)", "1:34", "expected ';' after qualifier declaration, found end of file")]
    public void Malformed_declarations(string mof, string at, string message)
    {
        var result = Parse(mof);
        var error = result.Errors().Should().ContainSingle().Subject;
        error.At().Should().Be(at);
        error.Message.Should().Contain(message);
    }

    [Fact]
    public void Missing_final_semicolon_still_keeps_the_declaration_and_the_next_one()
    {
        var result = Parse("Qualifier A : boolean, Scope(any)\nQualifier B : boolean, Scope(any);");
        result.Errors().Should().ContainSingle().Which.At().Should().Be("2:1");
        result.Productions.Cast<MofQualifierDeclaration>().Select(q => q.Name).Should().Equal("A", "B");
    }
}
