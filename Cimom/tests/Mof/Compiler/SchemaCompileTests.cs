using CimCloud.Cimom.Mof;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Tests.TestSupport;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.Cimom.Tests.Mof.Compiler;

/// <summary>The DMTF CIM Schema 2.49.0 and the real vendor MOF samples, compiled for real.</summary>
public class SchemaCompileTests(ITestOutputHelper output)
{
    private static readonly string[] LibvirtOrder =
    [
        "RegisteredProfile.mof", "Virt_ResourceAllocationSettingData.mof", "ResourceAllocationSettingData.mof", "ComputerSystem.mof",
        "ComputerSystemIndication.mof", "ElementConformsToProfile.mof", "Virt_VSSD.mof", "ResourcePoolConfigurationService.mof",
    ];

    private static readonly string[] PegasusOrder =
    [
        "PG_Namespace20.mof", "PG_InterOpSchema20.mof", "PG_ServerProfile20.mof", "PG_ComputerSystem21R.mof", "PrerequisiteInstances.mof",
    ];

    [Fact]
    public void Whole_schema_compiles_without_errors_or_warnings_into_the_documented_counts()
    {
        if (SharedData.RequireOrExplain(SharedData.CimSchemaDir, "the DMTF CIM Schema", output) is null)
            return;
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions()).CompileFile(SharedData.CimSchemaFile!);

        result.Diagnostics.Should().BeEmpty(string.Join("\n", result.Diagnostics.Take(20)));
        result.Counts.Should().Be(new MofCompileCounts(Classes: 1631, Associations: 643, Indications: 24, Qualifiers: 70, Instances: 0));
        var schema = repository.GetNamespace("root/cimv2").Schema;
        schema.ClassCount.Should().Be(1631);
        schema.QualifierCount.Should().Be(70);
        schema.Classes.Count(c => c.IsAbstract).Should().Be(107);
        schema.Classes.Count(c => c.SuperClass is null).Should().Be(111);
        schema.Classes.Sum(c => c.LocalProperties.Count()).Should().Be(7154);
        schema.Classes.Sum(c => c.LocalMethods.Count()).Should().Be(428);
        schema.GetClass("CIM_PolicyInSystem").IsAbstract.Should().BeTrue("abstract below a concrete superclass is allowed");
        schema.GetClass("CIM_ComputerSystem").KeyProperties.Select(k => k.Name).Should().BeEquivalentTo("CreationClassName", "Name");
    }

    [Fact]
    public void Vendor_samples_compile_on_the_schema_in_lenient_mode_with_warnings()
    {
        if (SharedData.RequireOrExplain(SharedData.CimSchemaDir, "the DMTF CIM Schema", output) is null
            || SharedData.RequireOrExplain(SharedData.MofSamplesDir, "the vendor MOF samples", output) is null)
            return;
        var repository = SchemaRepository();
        var compiler = new MofCompiler(repository, new MofCompilerOptions { Lenient = true });
        var warnings = 0;
        foreach (var file in LibvirtOrder.Select(f => Path.Combine(SharedData.MofSamplesDir!, "libvirt-cim", f))
                     .Concat(PegasusOrder.Select(f => Path.Combine(SharedData.MofSamplesDir!, "openpegasus", f))))
        {
            var result = compiler.CompileFile(file);
            result.Success.Should().BeTrue($"{Path.GetFileName(file)}:\n{result.Errors()}");
            warnings += result.Warnings.Count();
            output.WriteLine($"{Path.GetFileName(file)}: {result.Counts}, {result.Warnings.Count()} warnings");
        }

        warnings.Should().BeGreaterThan(0);
        var schema = repository.GetNamespace("root/cimv2").Schema;
        schema.FindClass("KVM_ComputerSystem").Should().NotBeNull();
        schema.FindClass("PG_ProviderModule").Should().NotBeNull();
        schema.GetClass("KVM_ComputerSystem").IsSubclassOf("CIM_ComputerSystem").Should().BeTrue();
    }

    [Theory]
    [InlineData("libvirt-cim/ResourceAllocationSettingData.mof", "ResourceAllocationSettingData.mof:252:", "escape")]
    [InlineData("libvirt-cim/Virt_VSSD.mof", "Virt_VSSD.mof:", "Override needs the name")]
    [InlineData("openpegasus/PG_InterOpSchema20.mof", "PG_Events20.mof:", "ProviderName is already defined in superclass")]
    [InlineData("openpegasus/PG_ProviderModule20.mof", "PG_ProviderModule20.mof:", "OperationalStatus is already defined in superclass")]
    [InlineData("openpegasus/PrerequisiteInstances.mof", "PrerequisiteInstances.mof:", "gives no value for key propert")]
    public void Strict_mode_rejects_each_known_bad_sample_precisely(string file, string expectedLocation, string expectedMessage)
    {
        if (SharedData.RequireOrExplain(SharedData.CimSchemaDir, "the DMTF CIM Schema", output) is null
            || SharedData.RequireOrExplain(SharedData.MofSamplesDir, "the vendor MOF samples", output) is null)
            return;
        var repository = SchemaRepository();
        var before = repository.GetNamespace("root/cimv2").Schema;
        var result = new MofCompiler(repository, new MofCompilerOptions()).CompileFile(Path.Combine(SharedData.MofSamplesDir!, file));

        result.Success.Should().BeFalse();
        result.Errors.Should().Contain(e => e.ToString().Contains(expectedLocation) && e.ToString().Contains(expectedMessage),
            result.Errors());
        repository.GetNamespace("root/cimv2").Schema.Should().BeSameAs(before, "a failed compile changes nothing");
    }

    [Fact]
    public void Conformance_fixture_compiles()
    {
        if (SharedData.RequireOrExplain(SharedData.FixturesDir, "the conformance fixtures", output) is null)
            return;
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions()).CompileFile(Path.Combine(SharedData.FixturesDir!, "cct.mof"));
        result.Success.Should().BeTrue(result.Errors());
        result.Counts.Should().Be(new MofCompileCounts(5, 1, 0, 0, 9));
        var big = repository.GetNamespace("root/cimv2").EnumerateInstances("CCT_Base").Single(i => (string)i["InstanceID"]! == "big-1");
        ((string)big["ElementName"]!).Length.Should().Be(20000);
    }

    private static CimRepository SchemaRepository()
    {
        var repository = new CimRepository();
        var result = new MofCompiler(repository, new MofCompilerOptions()).CompileFile(SharedData.CimSchemaFile!);
        result.Success.Should().BeTrue();
        return repository;
    }
}
