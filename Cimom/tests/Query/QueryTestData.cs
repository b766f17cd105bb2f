using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Query;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Tests.Query;

/// <summary>A small MOF model with instances of a base class, a subclass, an unrelated class and an association.</summary>
internal static class QueryTestData
{
    public const string Mof = """
        class Q_Base {
            [Key] string Id;
            string Name;
            uint32 Count;
            sint16 Delta;
            real64 Ratio;
            real32 Small;
            boolean Enabled;
            datetime Created;
            char16 Grade;
            uint16 States[];
            string Tags[];
        };
        class Q_Sub : Q_Base { string Extra; };
        class Q_Other { [Key] string Id; string Name; };
        [Association] class Q_Link { [Key] Q_Base REF Left; [Key] Q_Base REF Right; };
        class Q_Holder { [Key] string Id; [EmbeddedInstance("Q_Base")] string Inner; };

        instance of Q_Base as $a {
            Id = "a"; Name = "Alpha"; Count = 10; Delta = -5; Ratio = 1.5; Small = 0.1; Enabled = true;
            Created = "20240115103000.000000+000"; Grade = 'A'; States = {1, 2, 3}; Tags = {"red", "green"};
        };
        instance of Q_Base as $b {
            Id = "b"; Name = "beta"; Count = 20; Delta = 5; Ratio = 2.5; Small = 2.25; Enabled = false;
            Created = "20230601000000.000000+000"; Grade = 'b'; States = {4}; Tags = {"blue"};
        };
        instance of Q_Base { Id = "n"; };
        instance of Q_Sub as $s {
            Id = "s"; Name = "Sub_one"; Count = 30; Delta = 0; Ratio = 3.0; Enabled = true;
            Created = "20250101000000.000000+060"; States = {}; Tags = {}; Extra = "x";
        };
        instance of Q_Other { Id = "o"; Name = "Alpha"; };
        instance of Q_Link { Left = $a; Right = $s; };
        instance of Q_Link { Left = $s; Right = $b; };
        """;

    private static readonly Lazy<CimNamespace> Namespace = new(() =>
    {
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions()).CompileText(Mof, "t.mof");
        if (!result.Success)
            throw new InvalidOperationException(string.Join("\n", result.Errors));
        return repository.GetNamespace("root/cimv2");
    });

    public static CimSchema Schema => Namespace.Value.Schema;

    public static CimQuery Parse(string text, string language = CimQueryLanguages.Wql) => CimQueryParser.Parse(text, language, Schema);

    /// <summary>Instances of the class and all its subclasses, as a polymorphic enumeration gives them.</summary>
    public static IEnumerable<CimInstance> InstancesOf(string className) =>
        new[] { className }.Concat(Schema.DescendantsOf(className).Select(c => c.Name))
            .SelectMany(Namespace.Value.EnumerateInstances);

    /// <summary>Every instance in the namespace (the query must reject those outside its FROM class).</summary>
    public static IEnumerable<CimInstance> AllInstances() => Schema.Classes.SelectMany(c => Namespace.Value.EnumerateInstances(c.Name));

    /// <summary>Ids of the Q_Base (and Q_Sub) instances the query matches, sorted.</summary>
    public static string[] Ids(string where, string language = CimQueryLanguages.Wql)
    {
        var query = Parse($"SELECT * FROM Q_Base WHERE {where}", language);
        return MatchedIds(query);
    }

    public static string[] MatchedIds(CimQuery query) =>
        AllInstances().Where(query.Matches).Select(i => (string)i["Id"]!).Order(StringComparer.Ordinal).ToArray();

    public static CimInstance Instance(string id) => AllInstances().Single(i => i.Class.Properties.Contains("Id") && (string?)i["Id"] == id);
}
