using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Mof.Writing;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;
using FluentAssertions;

namespace CimCloud.Cimom.Tests.Mof.Writing;

/// <summary>Compile / write / compare helpers for the MOF writer tests.</summary>
internal static class WriterTestSupport
{
    public const string Namespace = "root/cimv2";

    public static (CimRepository Repository, MofCompileResult Result) CompileText(string mof, string fileName = "test.mof", bool lenient = false)
    {
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions { Lenient = lenient, DefaultNamespace = Namespace })
            .CompileText(mof, fileName);
        return (repository, result);
    }

    public static CimRepository CompileTextOk(string mof, string fileName = "test.mof")
    {
        var (repository, result) = CompileText(mof, fileName);
        result.Success.Should().BeTrue("the MOF should compile:\n" + string.Join("\n", result.Diagnostics) + "\n--- MOF ---\n" + Excerpt(mof, result));
        return repository;
    }

    public static CimSchema SchemaOf(CimRepository repository) => repository.GetNamespace(Namespace).Schema;

    public static IReadOnlyList<CimInstance> InstancesOf(CimRepository repository)
    {
        var ns = repository.GetNamespace(Namespace);
        return MofWriter.InstancesOf(ns, ns.Schema).ToList();
    }

    public static string Write(CimRepository repository) =>
        MofWriter.WriteToString(SchemaOf(repository), InstancesOf(repository));

    /// <summary>Compiles <paramref name="mof"/>, writes it, compiles the output again and asserts both namespaces are equal.</summary>
    public static (CimRepository First, CimRepository Second, string Written) RoundTrip(string mof)
    {
        var first = CompileTextOk(mof);
        var written = Write(first);
        var second = CompileTextOk(written, "written.mof");
        AssertEqual(first, second);
        return (first, second, written);
    }

    public static void AssertEqual(CimRepository expected, CimRepository actual)
    {
        var diffs = RepositoryComparer.Compare(SchemaOf(expected), InstancesOf(expected), SchemaOf(actual), InstancesOf(actual));
        diffs.Should().BeEmpty("the recompiled namespace should equal the original; first differences:\n"
            + string.Join("\n", diffs.Take(30)));
    }

    /// <summary>The lines around the first error, to make failures readable.</summary>
    private static string Excerpt(string mof, MofCompileResult result)
    {
        var first = result.Errors.FirstOrDefault();
        if (first is null)
            return string.Empty;
        var lines = mof.Split('\n');
        var from = Math.Max(0, first.Location.Line - 4);
        var to = Math.Min(lines.Length, first.Location.Line + 3);
        return string.Join("\n", lines[from..to].Select((l, i) => $"{from + i + 1,6}: {l}"));
    }
}
