using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using static CimCloud.Cimom.Tests.Repository.RepositoryTestSchema;

namespace CimCloud.Cimom.Tests.Repository;

[Collection(MemoryMeasurementCollection.Name)]
public class RepositoryMemoryTests(ITestOutputHelper output)
{
    private const int Count = 100_000;
    private const long LimitBytes = 150L * 1024 * 1024;

    [Fact]
    public void Hundred_thousand_instances_of_a_20_property_class_cost_well_under_150_MB()
    {
        var ns = new CimRepository().CreateNamespace("root/mem");
        var schema = With(ns.Schema, Class("T_Big", null,
            Prop("Id", CimType.String, key: true), Prop("Name", CimType.String), Prop("Caption", CimType.String),
            Prop("Description", CimType.String), Prop("Vendor", CimType.String), Prop("Model", CimType.String),
            Prop("Serial", CimType.String), Prop("Location", CimType.String),
            Prop("Size", CimType.UInt32), Prop("Used", CimType.UInt32), Prop("Free", CimType.UInt32), Prop("Blocks", CimType.UInt32),
            Prop("Status", CimType.UInt16), Prop("Health", CimType.UInt16),
            Prop("Enabled", CimType.Boolean), Prop("Removable", CimType.Boolean),
            Prop("Capacity", CimType.UInt64), Prop("Written", CimType.UInt64),
            Prop("Installed", CimType.DateTime), Prop("Temperature", CimType.Real64)));
        ns.Commit(ns.Schema, schema, []);
        var cimClass = schema.GetClass("T_Big");
        var installed = CimDateTime.Parse("20240101120000.000000+000");

        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < Count; i++)
        {
            var instance = new CimInstance(cimClass, "root/mem");
            instance["Id"] = $"disk-{i:D6}";
            instance["Name"] = $"Disk {i}";
            instance["Caption"] = $"Disk {i % 100}";
            instance["Description"] = "A disk drive attached to the system";
            instance["Vendor"] = i % 2 == 0 ? "Contoso" : "Fabrikam";
            instance["Model"] = $"M{i % 50}";
            instance["Serial"] = $"SN{i:X8}";
            instance["Location"] = $"Rack {i % 40}";
            instance["Size"] = (uint)i;
            instance["Used"] = (uint)(i / 2);
            instance["Free"] = (uint)(i - (i / 2));
            instance["Blocks"] = (uint)(i * 8);
            instance["Status"] = (ushort)(i % 5);
            instance["Health"] = (ushort)5;
            instance["Enabled"] = i % 3 != 0;
            instance["Removable"] = false;
            instance["Capacity"] = (ulong)i << 20;
            instance["Written"] = (ulong)i * 4096;
            instance["Installed"] = installed;
            instance["Temperature"] = 20.5 + (i % 10);
            ns.AddInstance(instance);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        var delta = after - before;
        output.WriteLine($"{Count:N0} instances x 20 properties: {delta / (1024.0 * 1024.0):F1} MB ({delta / Count} bytes per instance)");

        ns.InstanceCount.Should().Be(Count);
        ns.CountInstances("T_Big").Should().Be(Count);
        delta.Should().BeLessThan(LimitBytes);
        GC.KeepAlive(ns);
    }
}
