using CimCloud.Cimom.Tests.TestSupport;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests;

/// <summary>
/// The shared test inputs, located by <see cref="SharedData"/>: under CI=true a missing input fails the
/// test, elsewhere the test says why and returns.
/// </summary>
internal static class SharedInputs
{
    public static string? CctFixture(ITestOutputHelper output) =>
        SharedData.RequireOrExplain(SharedData.FixturesDir, "shared/fixtures ($CIM_FIXTURES_DIR)", output) is { } dir
            ? Path.Combine(dir, "cct.mof")
            : null;

    public static string? CimSchema(ITestOutputHelper output) =>
        SharedData.RequireOrExplain(SharedData.CimSchemaDir, "CIM Schema 2.49.0 ($CIM_SCHEMA_DIR or shared/cim-schema/2.49.0)", output) is not null
            ? SharedData.CimSchemaFile
            : null;

    public static string? LibvirtSample(string name, ITestOutputHelper output) =>
        SharedData.RequireOrExplain(SharedData.MofSamplesDir, "shared/mof-samples ($MOF_SAMPLES_DIR)", output) is { } dir
            ? Path.Combine(dir, "libvirt-cim", name)
            : null;
}
