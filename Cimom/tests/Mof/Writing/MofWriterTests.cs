using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Writing;
using CimCloud.Cimom.Schema;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Mof.Writing.WriterTestSupport;

namespace CimCloud.Cimom.Tests.Mof.Writing;

public sealed class MofWriterTests
{
    /// <summary>Everything the writer has to get right, in one small namespace.</summary>
    private const string SampleMof = """
        Qualifier Color : string = "blue", Scope(class, property), Flavor(EnableOverride, Restricted, Translatable);
        Qualifier Tags : string[] = {"a", "b"}, Scope(any);
        Qualifier Sizes : uint32[3], Scope(property);
        Qualifier Marker : boolean = false, Scope(property, method, parameter), Flavor(DisableOverride, ToSubclass);
        Qualifier Level : sint64 = null, Scope(property, reference);

        [Abstract, Description("Root of the \"test\" model.\n"
            "Second line, with a tab\there and a backslash \\ and 'quotes'."), Color("green")]
        class T_Base
        {
            [Key, Description("The key."), Level(-9223372036854775808)]
            string InstanceID;
            boolean Flag = true;
            uint8 U8 = 255;
            sint8 S8 = -128;
            uint16 U16 = 65535;
            sint16 S16 = -32768;
            uint32 U32 = 4294967295;
            sint32 S32 = -2147483648;
            uint64 U64 = 18446744073709551615;
            sint64 S64 = -9223372036854775807;
            real32 R32 = 0.1;
            real64 R64 = -1.5e-300;
            char16 C = '\'';
            string S = "x\x01y";
            datetime Stamp = "20240229123456.123456-300";
            datetime Interval = "00000001020304.000005:000";
            uint16 List[] = {1, 2, 3};
            uint8 Fixed[4] = {1, 2};
            string Empty[] = {};
            [Tags{"x"}: Restricted]
            string Noted;
            [Sizes{1, 2, 3}, Marker]
            uint32 Sized;
            [Static, Description("A method.")]
            uint32 Ping();
            uint32 Go(
                [In, Description("What.")] string What,
                [In(false), Out] uint16 Codes[],
                [In] T_Base REF Target,
                [In, EmbeddedInstance("T_Base")] string Embedded,
                [Marker] real64 Factor);
        };

        [Description("Concrete.")]
        class T_Thing : T_Base
        {
            [Override("U8")] uint8 U8 = 7;
            [Override("S"), Description("Overridden.")] string S;
            [EmbeddedInstance("T_Base")] string Inner;
            [EmbeddedObject] string Anything;
            [EmbeddedInstance("T_Base")] string Inners[];
            [Override("Go")]
            uint32 Go(
                [In, Description("What, again.")] string What,
                [In(false), Out] uint16 Codes[],
                [In] T_Base REF Target,
                [In] string Embedded,
                real64 Factor);
        };

        class T_Other : T_Thing
        {
        };

        [Association, Description("Links two things.")]
        class T_Link
        {
            [Key] T_Base REF Left;
            [Key] T_Base REF Right;
            string Note = "default note";
        };

        [Association]
        class T_ThingLink : T_Link
        {
            [Override("Left")] T_Thing REF Left;
        };

        [Indication]
        class T_Event
        {
            string Message;
        };

        class T_Sub_Event : T_Event
        {
        };

        instance of T_Thing as $one
        {
            InstanceID = "one";
            Flag = false;
            U8 = 0;
            S8 = 127;
            U16 = 0;
            S16 = 32767;
            U32 = 0;
            S32 = 2147483647;
            U64 = 0;
            S64 = -9223372036854775807;
            R32 = 3.4028235e38;
            R64 = 4.9e-324;
            C = '\x0007';
            S = "line1\nline2\r\n\ttab \"quoted\" back\\slash \b\f /* not a comment */ // nor this é€";
            Stamp = "20240101******.******+000";
            List = {10, 20};
            Fixed = NULL;
            Inner = "instance of T_Thing { InstanceID = \"inner\"; S = \"a \\\"b\\\"\"; Inner = \"instance of T_Thing { InstanceID = \\\"deep\\\"; };\"; };";
            Anything = "instance of T_Other { InstanceID = \"any\"; };";
            Inners = {"instance of T_Thing { InstanceID = \"i1\"; };", "instance of T_Other { InstanceID = \"i2\"; };"};
        };

        instance of T_Other as $two
        {
            InstanceID = "two";
            R32 = -0.0;
            R64 = 1.7976931348623157e308;
            S = "";
        };

        instance of T_Thing
        {
            InstanceID = "with \"quotes\" and \\ backslash";
        };

        instance of T_ThingLink
        {
            Left = $one;
            Right = $two;
            Note = NULL;
        };

        instance of T_Link
        {
            Left = "/root/cimv2:T_Thing.InstanceID=\"with \\\"quotes\\\" and \\\\ backslash\"";
            Right = $one;
        };
        """;

    [Fact]
    public void Sample_namespace_round_trips()
    {
        var (first, second, written) = RoundTrip(SampleMof);

        SchemaOf(first).FindClass("T_Thing").Should().NotBeNull();
        InstancesOf(second).Should().HaveCount(5);
        // Writing the recompiled namespace gives the same text: the output is a fixed point.
        Write(second).Should().Be(written);
    }

    [Fact]
    public void Writes_only_local_elements_and_local_qualifiers()
    {
        var first = CompileTextOk(SampleMof);
        var schema = SchemaOf(first);
        var text = MofWriter.FormatClass(schema.GetClass("T_Thing"), schema);

        text.Should().StartWith("[Description(\"Concrete.\")]\nclass T_Thing : T_Base\n{\n");
        text.Should().Contain("    [Override(\"U8\")]\n    uint8 U8 = 7;\n");
        text.Should().Contain("    [Override(\"S\"), Description(\"Overridden.\")]\n    string S;\n", "an override that states no default inherits it");
        text.Should().Contain("    [EmbeddedInstance(\"T_Base\")]\n    string Inner;\n", "embedded instances are written as string");
        text.Should().Contain("    [EmbeddedInstance(\"T_Base\")]\n    string Inners[];\n");
        text.Should().NotContain("InstanceID", "inherited, not overridden");
        text.Should().NotContain("Ping", "inherited method");
        text.Should().NotContain("Color", "Color is Restricted: not propagated, and T_Thing does not state it");
        text.Should().Contain("[In] string Embedded", "the EmbeddedInstance qualifier of the overridden parameter is propagated, not local");
        text.Should().EndWith("};");

        var link = MofWriter.FormatClass(schema.GetClass("T_ThingLink"), schema);
        link.Should().Be("[Association]\nclass T_ThingLink : T_Link\n{\n    [Override(\"Left\")]\n    T_Thing REF Left;\n};");
    }

    [Fact]
    public void Writes_types_arrays_and_qualifier_usages()
    {
        var first = CompileTextOk(SampleMof);
        var schema = SchemaOf(first);
        var text = MofWriter.FormatClass(schema.GetClass("T_Base"), schema);

        text.Should().Contain("uint8 Fixed[4] = {1, 2};");
        text.Should().Contain("string Empty[] = {};");
        text.Should().Contain("uint16 List[] = {1, 2, 3};");
        text.Should().Contain("uint64 U64 = 18446744073709551615;");
        text.Should().Contain("sint64 S64 = -9223372036854775807;");
        text.Should().Contain("real32 R32 = 0.1;");
        text.Should().Contain("char16 C = '\\'';");
        text.Should().Contain("string S = \"x\\x0001y\";");
        text.Should().Contain("datetime Stamp = \"20240229123456.123456-300\";");
        text.Should().Contain("[Tags {\"x\"} : Restricted]", "usage flavors are written where they differ from the declaration");
        text.Should().Contain("[Sizes {1, 2, 3}, Marker]");
        text.Should().Contain("Level(-9223372036854775808)");
        text.Should().Contain("[In(false), Out] uint16 Codes[]");
        text.Should().Contain("[In] T_Base REF Target");
        text.Should().Contain("[Marker] real64 Factor);");
        text.Should().StartWith("[Abstract,\n Description(\"Root of the \\\"test\\\" model.\\nSecond line, with a tab\\there and a backslash \\\\ and 'quotes'.\"),\n Color(\"green\")]\nclass T_Base\n{\n", "a long qualifier list is written one qualifier per line");
    }

    [Fact]
    public void Writes_qualifier_declarations_as_declared()
    {
        var schema = SchemaOf(CompileTextOk(SampleMof));

        MofWriter.FormatQualifierDeclaration(schema.FindQualifier("Color")!)
            .Should().Be("Qualifier Color : string = \"blue\", Scope(class, property), Flavor(EnableOverride, Restricted, Translatable);");
        MofWriter.FormatQualifierDeclaration(schema.FindQualifier("Tags")!)
            .Should().Be("Qualifier Tags : string[] = {\"a\", \"b\"}, Scope(any);");
        MofWriter.FormatQualifierDeclaration(schema.FindQualifier("Sizes")!)
            .Should().Be("Qualifier Sizes : uint32[3], Scope(property);");
        MofWriter.FormatQualifierDeclaration(schema.FindQualifier("Key")!)
            .Should().Be("Qualifier Key : boolean = false, Scope(property, reference), Flavor(DisableOverride, ToSubclass);");
        MofWriter.FormatQualifierDeclaration(schema.FindQualifier("Indication")!)
            .Should().Be("Qualifier Indication : boolean = false, Scope(class, indication), Flavor(DisableOverride, ToSubclass);");
    }

    [Fact]
    public void Standard_qualifier_declarations_round_trip()
    {
        var text = MofWriter.WriteToString(CimSchema.Standard, []);
        var repository = CompileTextOk(text);

        RepositoryComparer.CompareSchemas(CimSchema.Standard, SchemaOf(repository)).Should().BeEmpty();
    }

    [Fact]
    public void Writes_instances_with_non_null_values_and_explicit_nulls_over_defaults()
    {
        var repository = CompileTextOk(SampleMof);
        var link = InstancesOf(repository).Single(i => i.ClassName == "T_ThingLink");

        MofWriter.FormatInstance(link).Should().Be(
            "instance of T_ThingLink\n{\n"
            + "    Left = \"/root/cimv2:T_Thing.InstanceID=\\\"one\\\"\";\n"
            + "    Right = \"/root/cimv2:T_Other.InstanceID=\\\"two\\\"\";\n"
            + "    Note = NULL;\n"
            + "};");

        var two = InstancesOf(repository).Single(i => i.ClassName == "T_Other");
        var text = MofWriter.FormatInstance(two);
        text.Should().Contain("    R32 = -0.0;\n");
        text.Should().Contain("    R64 = 1.7976931348623157E+308;\n");
        text.Should().Contain("    S = \"\";\n");
        text.Should().Contain("    U8 = 7;\n", "the class default is a value like any other");
        text.Should().NotContain("Inner", "null values without a default are left out");
    }

    [Fact]
    public void Embedded_instances_are_written_as_mof_strings()
    {
        var repository = CompileTextOk(SampleMof);
        var one = InstancesOf(repository).Single(i => i.ClassName == "T_Thing" && (string?)i["InstanceID"] == "one");

        one["Inner"].Should().BeOfType<CimInstance>();
        var text = MofWriter.FormatInstance(one);
        text.Should().Contain("    Anything = \"instance of T_Other { InstanceID = \\\"any\\\"; Flag = true; U8 = 7;");
        text.Should().Contain("    Inners = {\"instance of T_Thing { InstanceID = \\\"i1\\\";");
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("q\"b\\", "\"q\\\"b\\\\\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u0001\u001f\u007f", "\"\\x0001\\x001F\\x007F\"")]
    [InlineData("\u00005", "\"\\x00005\"")]
    [InlineData("it's /* x */ // y", "\"it's /* x */ // y\"")]
    [InlineData("é€😀", "\"é€😀\"")]
    public void Escapes_strings(string value, string expected) =>
        MofWriter.FormatValue(value).Should().Be(expected);

    [Theory]
    [InlineData('a', "'a'")]
    [InlineData('\'', "'\\''")]
    [InlineData('"', "'\"'")]
    [InlineData('\\', "'\\\\'")]
    [InlineData('\n', "'\\n'")]
    [InlineData('\u0000', "'\\x0000'")]
    public void Escapes_chars(char value, string expected) =>
        MofWriter.FormatValue(value).Should().Be(expected);

    [Fact]
    public void Formats_every_type()
    {
        MofWriter.FormatValue(true).Should().Be("true");
        MofWriter.FormatValue(false).Should().Be("false");
        MofWriter.FormatValue(byte.MaxValue).Should().Be("255");
        MofWriter.FormatValue(sbyte.MinValue).Should().Be("-128");
        MofWriter.FormatValue(ushort.MaxValue).Should().Be("65535");
        MofWriter.FormatValue(short.MinValue).Should().Be("-32768");
        MofWriter.FormatValue(uint.MaxValue).Should().Be("4294967295");
        MofWriter.FormatValue(int.MinValue).Should().Be("-2147483648");
        MofWriter.FormatValue(ulong.MaxValue).Should().Be("18446744073709551615");
        MofWriter.FormatValue(long.MinValue).Should().Be("-9223372036854775808");
        MofWriter.FormatValue(1.0f).Should().Be("1.0");
        MofWriter.FormatValue(0.1f).Should().Be("0.1");
        MofWriter.FormatValue(1e20).Should().Be("1.0E+20");
        MofWriter.FormatValue(-0.0).Should().Be("-0.0");
        MofWriter.FormatValue(CimDateTime.Parse("00000001020304.000005:000")).Should().Be("\"00000001020304.000005:000\"");
        MofWriter.FormatValue(CimObjectPath.Parse("/root/cimv2:CIM_X.Name=\"a\"")).Should().Be("\"/root/cimv2:CIM_X.Name=\\\"a\\\"\"");
        MofWriter.FormatValue(null).Should().Be("NULL");
        MofWriter.FormatValue(new string?[] { "a", null }).Should().Be("{\"a\", NULL}");
        MofWriter.FormatValue(Array.Empty<ushort>()).Should().Be("{}");
    }

    [Theory]
    [InlineData(float.Epsilon)]
    [InlineData(float.MaxValue)]
    [InlineData(float.MinValue)]
    [InlineData(0.1f)]
    [InlineData(16777217f)]
    [InlineData(1.17549435E-38f)]
    [InlineData(3.3333333f)]
    public void Real32_text_reads_back_through_double_to_the_same_float(float value)
    {
        var text = MofWriter.FormatValue(value);
        var back = (float)double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        BitConverter.SingleToInt32Bits(back).Should().Be(BitConverter.SingleToInt32Bits(value), text);
    }

    [Theory]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(0.1)]
    [InlineData(1.0 / 3)]
    [InlineData(-2.2250738585072014E-308)]
    public void Real64_text_reads_back_to_the_same_double(double value)
    {
        var text = MofWriter.FormatValue(value);
        text.Should().Contain(".");
        BitConverter.DoubleToInt64Bits(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(BitConverter.DoubleToInt64Bits(value), text);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_reals_have_no_mof_literal(double value)
    {
        var act = () => MofWriter.FormatValue(value);
        act.Should().Throw<InvalidOperationException>().WithMessage("*no MOF literal*");
    }

    [Fact]
    public void Lenient_overrides_are_written_as_strict_override_qualifiers()
    {
        const string mof = """
            class T_A { [Key] string Id; string Name; uint32 Run(); };
            class T_B : T_A { [Override] string Name; uint32 Run(); };
            """;
        var (repository, result) = CompileText(mof, lenient: true);
        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
        result.Warnings.Should().NotBeEmpty();

        var schema = SchemaOf(repository);
        var text = MofWriter.FormatClass(schema.GetClass("T_B"), schema);

        text.Should().Contain("[Override(\"Name\")]\n    string Name;");
        text.Should().Contain("[Override(\"Run\")]\n    uint32 Run();");
        var (strict, strictResult) = CompileText(MofWriter.WriteToString(schema, []));
        strictResult.Success.Should().BeTrue(string.Join("\n", strictResult.Diagnostics));
        SchemaOf(strict).GetClass("T_B").Properties["Name"]!.IsOverride.Should().BeTrue();
    }

    [Fact]
    public void Header_and_namespace_pragma_are_optional()
    {
        var text = MofWriter.WriteToString(CimSchema.Empty, [], new MofWriterOptions { Header = "line 1\nline 2", Namespace = "root/test" });

        text.Should().Be("// line 1\n// line 2\n\n#pragma namespace(\"root/test\")\n\n");
        var (repository, result) = CompileText(MofWriter.WriteToString(CimSchema.Standard, [], new MofWriterOptions { Namespace = "root/test" }));
        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
        repository.FindNamespace("root/test").Should().NotBeNull();
    }
    [Theory]
    [InlineData("string Name = \"b\";", "default")]
    [InlineData("[Description(\"other\")] string Name = \"a\";", "Description")]
    [InlineData("[Description(\"d\") : Restricted] string Name = \"a\";", "flavor")]
    [InlineData("string Name[] ;", "type")]
    [InlineData("string Name = \"a\"; uint8 Extra;", "properties")]
    public void Comparer_notices_schema_differences(string changedProperty, string expectedWord)
    {
        const string template = """
            [Description("d")] class T_A { [Key] string Id; [Description("d")] string Name = "a"; };
            class T_B : T_A { };
            instance of T_B { Id = "x"; };
            """;
        var original = CompileTextOk(template);
        var changed = CompileTextOk(template.Replace("[Description(\"d\")] string Name = \"a\";", changedProperty, StringComparison.Ordinal));

        var diffs = RepositoryComparer.Compare(SchemaOf(original), InstancesOf(original), SchemaOf(changed), InstancesOf(changed));

        diffs.Should().Contain(d => d.Contains(expectedWord, StringComparison.Ordinal), string.Join("\n", diffs));
    }

    [Theory]
    [InlineData("instance of T_A { Id = \"x\"; N = 2; };", "property N")]
    [InlineData("instance of T_A { Id = \"y\"; N = 1; };", "missing")]
    [InlineData("instance of T_A { Id = \"x\"; N = 1; R = 1.5; };", "property R")]
    public void Comparer_notices_instance_differences(string changedInstance, string expectedWords)
    {
        const string classes = "class T_A { [Key] string Id; uint16 N; real32 R; };\n";
        var original = CompileTextOk(classes + "instance of T_A { Id = \"x\"; N = 1; };");
        var changed = CompileTextOk(classes + changedInstance);

        var diffs = RepositoryComparer.Compare(SchemaOf(original), InstancesOf(original), SchemaOf(changed), InstancesOf(changed));

        diffs.Should().Contain(d => d.Contains(expectedWords, StringComparison.Ordinal), string.Join("\n", diffs));
    }

    [Fact]
    public void Comparer_tells_local_from_propagated_qualifiers()
    {
        var inherited = CompileTextOk("""[Description("d")] class T_A { [Key] string Id; }; class T_B : T_A { };""");
        var restated = CompileTextOk("""[Description("d")] class T_A { [Key] string Id; }; [Description("d")] class T_B : T_A { };""");

        RepositoryComparer.CompareSchemas(SchemaOf(inherited), SchemaOf(restated))
            .Should().ContainSingle().Which.Should().Contain("qualifier Description on class T_B: propagated differs");
    }
}
