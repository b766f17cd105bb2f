using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;
using FluentAssertions;

namespace CimCloud.WsManEndpoint.Tests.Cim;

/// <summary>Classes and instances covering every CIM type, compiled once from MOF for the WS-CIM mapping tests.</summary>
internal static class WsCimTestSchema
{
    public const string Mof = """
        class Test_Setting
        {
            string ElementName;
            uint16 Level;
            datetime When;
            string Tags[];
        };

        class Test_DerivedSetting : Test_Setting
        {
            boolean Extra;
        };

        class Test_Base
        {
            [Key] string InstanceID;
            string Caption;
        };

        class Test_Element : Test_Base
        {
            boolean B;
            uint8 U8;
            sint8 S8;
            uint16 U16;
            sint16 S16;
            uint32 U32;
            sint32 S32;
            uint64 U64;
            sint64 S64;
            real32 R32;
            real64 R64;
            char16 C16;
            string S;
            datetime Stamp;
            datetime Span;
            boolean BA[];
            uint16 U16A[];
            sint64 S64A[];
            real64 R64A[];
            string SA[];
            char16 CA[];
            datetime DTA[];
            [EmbeddedInstance("Test_Setting")] string Setting;
            [EmbeddedInstance("Test_Setting")] string Settings[];
            [EmbeddedObject] string AnyObject;

            uint32 Start([In] uint16 Mode, [In] string Names[], [In] datetime When,
                [In, EmbeddedInstance("Test_Setting")] string Setting, [In] Test_Base REF Target,
                [In, Required] boolean Force, [In(false), Out] Test_Base REF Job, [In(false), Out] string Messages[], [In, Out] uint8 Level);
        };

        class Test_System
        {
            [Key] string CreationClassName;
            [Key] string Name;
            uint16 EnabledState;
        };

        class Test_Numbered
        {
            [Key] uint8 Id;
            [Key] datetime Since;
            [Key] real32 Weight;
            [Key] boolean Active;
            [Key] char16 Letter;
        };

        [Association]
        class Test_Link
        {
            [Key] Test_Base REF Antecedent;
            [Key] Test_Base REF Dependent;
        };

        [Association]
        class Test_Nested
        {
            [Key] Test_Link REF Link;
            [Key] Test_Base REF Owner;
            [Key] string Name;
        };

        instance of Test_Element as $e1
        {
            InstanceID = "e1";
            Caption = "first <element> & \"quoted\"";
            B = true;
            U8 = 255;
            S8 = -128;
            U16 = 65535;
            S16 = -32768;
            U32 = 4294967295;
            S32 = -2147483648;
            U64 = 18446744073709551615;
            S64 = -9223372036854775808;
            R32 = 1.5;
            R64 = -2.25e-10;
            C16 = 'x';
            S = "  spaced  ";
            Stamp = "20261127101530.000005+060";
            Span = "00000001020304.000005:000";
            BA = { true, false };
            U16A = { 0, 2, 65535 };
            S64A = { -1, 1 };
            R64A = { 0.5, 1.0e300 };
            SA = { "a", NULL, "" };
            CA = { 'a', 'b' };
            DTA = { "20240101000000.000000+000", "2024010112****.******+000", "00000000000001.000000:000" };
            Setting = "instance of Test_Setting { ElementName = \"s1\"; Level = 3; When = \"20250102030405.000000-300\"; Tags = { \"x\", \"y\" }; };";
            Settings = { "instance of Test_Setting { ElementName = \"a\"; };", "instance of Test_DerivedSetting { ElementName = \"b\"; Extra = true; };" };
        };

        instance of Test_Element as $e2
        {
            InstanceID = "e2";
        };

        instance of Test_System
        {
            CreationClassName = "Test_System";
            Name = "vm-0042";
            EnabledState = 2;
        };

        instance of Test_Link as $link
        {
            Antecedent = $e1;
            Dependent = $e2;
        };

        instance of Test_Nested
        {
            Link = $link;
            Owner = $e2;
            Name = "n1";
        };
        """;

    private static readonly Lazy<CimRepository> Repository = new(Compile);

    public static CimSchema Schema => Repository.Value.GetNamespace("root/cimv2").Schema;

    public static Func<string, CimClass?> Lookup { get; } = name => Schema.FindClass(name);

    public static CimClass Class(string name) => Schema.GetClass(name);

    public static CimInstance Instance(string className, string key, object value) =>
        Repository.Value.GetNamespace("root/cimv2").EnumerateInstances(className)
            .Single(i => string.Equals(i.ClassName, className, StringComparison.OrdinalIgnoreCase) && CimValueComparer.Instance.Equals(i[key], value));

    public static CimInstance Element1 => Instance("Test_Element", "InstanceID", "e1");

    public static CimInstance Element2 => Instance("Test_Element", "InstanceID", "e2");

    public static CimInstance Link => Repository.Value.GetNamespace("root/cimv2").EnumerateInstances("Test_Link").Single();

    public static CimInstance Nested => Repository.Value.GetNamespace("root/cimv2").EnumerateInstances("Test_Nested").Single();

    public static CimInstance System => Instance("Test_System", "Name", "vm-0042");

    private static CimRepository Compile()
    {
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions()).CompileText(Mof, "t.mof");
        result.Success.Should().BeTrue(string.Join("\n", result.Errors));
        return repository;
    }
}
