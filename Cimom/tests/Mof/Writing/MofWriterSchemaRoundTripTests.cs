using System.Diagnostics;
using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Tests.TestSupport;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using static CimCloud.Cimom.Tests.Mof.Writing.WriterTestSupport;

namespace CimCloud.Cimom.Tests.Mof.Writing;

/// <summary>The whole DMTF CIM Schema 2.49.0: compile, write, compile the output, compare.</summary>
public sealed class MofWriterSchemaRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Whole_cim_schema_round_trips()
    {
        if (SharedData.RequireOrExplain(SharedData.CimSchemaDir, "CIM Schema 2.49.0 ($CIM_SCHEMA_DIR or shared/cim-schema/2.49.0)", output) is null)
            return;
        var schemaFile = SharedData.CimSchemaFile!;

        var watch = Stopwatch.StartNew();
        var first = new CimRepository();
        var result = new MofCompiler(first, new MofCompilerOptions { DefaultNamespace = Namespace }).CompileFiles([schemaFile]);
        result.Success.Should().BeTrue(string.Join("\n", result.Errors.Take(20)));
        result.Counts.Classes.Should().Be(1631);
        output.WriteLine($"compiled the schema in {watch.ElapsedMilliseconds} ms: {result.Counts}");

        watch.Restart();
        var written = Write(first);
        output.WriteLine($"wrote {written.Length:N0} characters in {watch.ElapsedMilliseconds} ms");

        watch.Restart();
        var (second, secondResult) = CompileText(written, "written.mof");
        secondResult.Success.Should().BeTrue(string.Join("\n", secondResult.Errors.Take(20)));
        secondResult.Counts.Classes.Should().Be(1631);
        secondResult.Counts.Associations.Should().Be(result.Counts.Associations);
        secondResult.Counts.Indications.Should().Be(result.Counts.Indications);
        output.WriteLine($"recompiled the output in {watch.ElapsedMilliseconds} ms");

        AssertEqual(first, second);
        Write(second).Should().Be(written, "writing the recompiled schema gives the same text");
    }
    [Fact]
    public void Lenient_vendor_mof_is_written_as_strict_mof()
    {
        if (SharedData.RequireOrExplain(SharedData.CimSchemaDir, "CIM Schema 2.49.0", output) is null
            || SharedData.RequireOrExplain(SharedData.MofSamplesDir, "vendor MOF samples ($MOF_SAMPLES_DIR or shared/mof-samples)", output) is null)
            return;
        string[] libvirt =
        [
            "RegisteredProfile", "Virt_ResourceAllocationSettingData", "ResourceAllocationSettingData", "ComputerSystem",
            "ComputerSystemIndication", "ElementConformsToProfile", "Virt_VSSD", "ResourcePoolConfigurationService",
        ];
        var files = libvirt.Select(f => Path.Combine(SharedData.MofSamplesDir!, "libvirt-cim", f + ".mof")).Prepend(SharedData.CimSchemaFile!);

        var first = new CimRepository();
        var result = new MofCompiler(first, new MofCompilerOptions { Lenient = true, DefaultNamespace = Namespace }).CompileFiles(files);
        result.Success.Should().BeTrue(string.Join("\n", result.Errors.Take(20)));
        result.Warnings.Should().NotBeEmpty("the libvirt-cim files need lenient mode");

        var (second, strict) = CompileText(Write(first), "written.mof", lenient: false);
        strict.Success.Should().BeTrue(string.Join("\n", strict.Errors.Take(20)));
        strict.Warnings.Should().BeEmpty();

        // The only difference: implicit (lenient) overrides now carry an explicit Override qualifier.
        var diffs = RepositoryComparer.Compare(SchemaOf(first), InstancesOf(first), SchemaOf(second), InstancesOf(second));
        diffs.Should().NotBeEmpty().And.OnlyContain(d => d.Contains("Override", StringComparison.Ordinal), string.Join("\n", diffs.Take(20)));
    }
}
