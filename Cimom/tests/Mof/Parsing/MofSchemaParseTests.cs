using System.Diagnostics;
using CimCloud.Cimom.Mof.Parsing;
using CimCloud.Cimom.Mof.Syntax;
using CimCloud.Cimom.Tests.TestSupport;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

/// <summary>Parses the real inputs in the workspace's shared/ folder: CIM Schema 2.49.0 and the vendor samples.</summary>
public class MofSchemaParseTests(ITestOutputHelper output)
{
    [Fact]
    public void Whole_cim_schema_parses_without_errors()
    {
        string? dir = SharedData.RequireOrExplain(SharedData.CimSchemaDir, "CIM Schema 2.49.0 ($CIM_SCHEMA_DIR)", output);
        if (dir is null)
            return;
        string top = Path.Combine(dir, "cim_schema_2.49.0.mof");

        var result = MofParser.ParseFile(top, new MofParseOptions());

        result.Diagnostics.Should().BeEmpty();
        result.Productions.OfType<MofClassDeclaration>().Should().HaveCount(1631);
        result.Productions.OfType<MofQualifierDeclaration>().Should().HaveCount(70);
        result.Productions.OfType<MofInstanceDeclaration>().Should().BeEmpty();
        var pragma = result.Productions.OfType<MofPragma>().Should().ContainSingle().Subject;
        (pragma.Name, pragma.Value).Should().Be(("locale", "en_US"));
        result.Productions.Should().HaveCount(1631 + 70 + 1);

        var features = result.Productions.OfType<MofClassDeclaration>().SelectMany(c => c.Features).ToList();
        features.OfType<MofPropertyDeclaration>().Should().HaveCount(7154);
        features.OfType<MofMethodDeclaration>().Should().HaveCount(428);
        features.OfType<MofMethodDeclaration>().Sum(m => m.Parameters.Count).Should().Be(1693);

        var managedElement = result.Productions.OfType<MofClassDeclaration>().Single(c => c.Name == "CIM_ManagedElement");
        managedElement.Location.File.Should().Be(Path.Combine(dir, "Core/CIM_ManagedElement.mof"));
        managedElement.Qualifiers.Should().Contain(q => q.Name == "Abstract");
    }

    [Fact]
    public void Whole_cim_schema_parse_time_is_reported()
    {
        string? dir = SharedData.RequireOrExplain(SharedData.CimSchemaDir, "CIM Schema 2.49.0 ($CIM_SCHEMA_DIR)", output);
        if (dir is null)
            return;
        string top = Path.Combine(dir, "cim_schema_2.49.0.mof");
        var options = new MofParseOptions();
        MofParser.ParseFile(top, options);
        MofParser.ParseFile(top, options);

        var times = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = MofParser.ParseFile(top, options);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            result.HasErrors.Should().BeFalse();
        }

        times.Sort();
        // Information only (no timed assertion): the machine running the tests may be busy.
        output.WriteLine($"CIM Schema 2.49.0 parse, warm: min {times[0]:F1} ms, median {times[2]:F1} ms (5 runs)");
    }

    [Fact]
    public void Fixture_cct_mof_parses()
    {
        string? dir = SharedData.RequireOrExplain(SharedData.FixturesDir, "shared/fixtures ($CIM_FIXTURES_DIR)", output);
        if (dir is null)
            return;
        var result = MofParser.ParseFile(Path.Combine(dir, "cct.mof"), new MofParseOptions());
        result.Diagnostics.Should().BeEmpty();
        result.Productions.OfType<MofInstanceDeclaration>().Should().NotBeEmpty();
    }

    private static readonly string[] CleanSamples =
    [
        "libvirt-cim/ComputerSystem.mof",
        "libvirt-cim/ComputerSystemIndication.mof",
        "libvirt-cim/ElementConformsToProfile.mof",
        "libvirt-cim/RegisteredProfile.mof",
        "libvirt-cim/ResourcePoolConfigurationService.mof",
        "libvirt-cim/Virt_ResourceAllocationSettingData.mof",
        "libvirt-cim/Virt_VSSD.mof",
        "openpegasus/PG_ComputerSystem21R.mof",
        "openpegasus/PG_Events20.mof",
        "openpegasus/PG_InterOpSchema20.mof",
        "openpegasus/PG_Namespace20.mof",
        "openpegasus/PG_ProviderModule20.mof",
        "openpegasus/PG_ServerProfile20.mof",
        "openpegasus/PrerequisiteInstances.mof",
    ];

    public static TheoryData<string> SampleFiles => new(CleanSamples);

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Vendor_sample_parses_cleanly_in_strict_mode(string relativePath)
    {
        string? dir = SharedData.RequireOrExplain(SharedData.MofSamplesDir, "shared/mof-samples ($MOF_SAMPLES_DIR)", output);
        if (dir is null)
            return;
        var result = MofParser.ParseFile(Path.Combine(dir, relativePath), new MofParseOptions());
        result.Diagnostics.Should().BeEmpty();
        result.Productions.Should().NotBeEmpty();
    }

    [Fact]
    public void Every_sample_file_is_covered()
    {
        string? dir = SharedData.RequireOrExplain(SharedData.MofSamplesDir, "shared/mof-samples ($MOF_SAMPLES_DIR)", output);
        if (dir is null)
            return;
        var all = Directory.GetFiles(dir, "*.mof", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'));
        var covered = CleanSamples.Append("libvirt-cim/ResourceAllocationSettingData.mof");
        all.Should().BeEquivalentTo(covered);
    }

    [Fact]
    public void InterOp_schema_pulls_in_its_includes()
    {
        string? dir = SharedData.RequireOrExplain(SharedData.MofSamplesDir, "shared/mof-samples ($MOF_SAMPLES_DIR)", output);
        if (dir is null)
            return;
        var result = MofParser.ParseFile(Path.Combine(dir, "openpegasus", "PG_InterOpSchema20.mof"), new MofParseOptions());
        result.Diagnostics.Should().BeEmpty();
        var files = result.Productions.Select(p => Path.GetFileName(p.Location.File)).Distinct();
        files.Should().Equal("PG_Events20.mof", "PG_ProviderModule20.mof");
    }

    [Fact]
    public void Rasd_sample_has_an_invalid_escape_error_in_strict_mode()
    {
        string? dir = SharedData.RequireOrExplain(SharedData.MofSamplesDir, "shared/mof-samples ($MOF_SAMPLES_DIR)", output);
        if (dir is null)
            return;
        string path = Path.Combine(dir, "libvirt-cim", "ResourceAllocationSettingData.mof");

        var result = MofParser.ParseFile(path, new MofParseOptions());

        result.HasErrors.Should().BeTrue();
        var first = result.Errors()[0];
        first.Location.File.Should().Be(path);
        first.Location.Line.Should().Be(252);
        first.Message.Should().Contain("'\\)'");
        result.Errors().Should().OnlyContain(e => e.Message.Contains("unknown escape sequence '\\)'"));
        // The escape is lexical: the statement itself still parses.
        result.Productions.OfType<MofClassDeclaration>().Should().HaveCount(33);
    }

    [Fact]
    public void Rasd_sample_only_warns_in_lenient_mode()
    {
        string? dir = SharedData.RequireOrExplain(SharedData.MofSamplesDir, "shared/mof-samples ($MOF_SAMPLES_DIR)", output);
        if (dir is null)
            return;
        string path = Path.Combine(dir, "libvirt-cim", "ResourceAllocationSettingData.mof");

        var result = MofParser.ParseFile(path, new MofParseOptions { Lenient = true });

        result.HasErrors.Should().BeFalse();
        result.Warnings().Should().NotBeEmpty();
        result.Warnings()[0].Location.Line.Should().Be(252);
        var graphics = result.Productions.OfType<MofClassDeclaration>().First(c => c.Name == "Xen_GraphicsResourceAllocationSettingData");
        var address = graphics.Features.Single(f => f.Name == "Address");
        var description = address.Qualifiers.Single(q => q.Name == "Description").Value;
        description.Should().BeOfType<MofStringValue>().Which.Value.Should().Contain("'/dev/pts/3:0')");
    }
}
