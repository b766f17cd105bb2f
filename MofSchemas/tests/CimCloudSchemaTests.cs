using System.Text.RegularExpressions;
using CimCloud.Cimom.Repository;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.MofSchemas.Tests;

public sealed partial class CimCloudSchemaTests(ITestOutputHelper output)
{
    [Fact]
    public void The_default_schema_compiles_into_both_namespaces_without_diagnostics()
    {
        var repository = new CimRepository();
        var result = CimCloudSchema.LoadDefault(repository);
        result.Diagnostics.Should().BeEmpty();
        foreach (var ns in CimCloudSchema.Namespaces)
        {
            var schema = repository.GetNamespace(ns).Schema;
            schema.FindClass("CIMCLOUD_ComputerSystem").Should().NotBeNull($"namespace {ns} gets every class");
            schema.FindClass("CIMCLOUD_RegisteredProfile").Should().NotBeNull();
            schema.FindClass("CIM_ElementConformsToProfile")!.IsAssociation.Should().BeTrue();
        }
    }

    [Theory]
    [InlineData("CIMCLOUD_HostSystem", "CIM_ComputerSystem", "CreationClassName,Name")]
    [InlineData("CIMCLOUD_ComputerSystem", "CIM_ComputerSystem", "CreationClassName,Name")]
    [InlineData("CIMCLOUD_VirtualSystemSettingData", "CIM_VirtualSystemSettingData", "InstanceID")]
    [InlineData("CIMCLOUD_StorageAllocationSettingData", "CIM_StorageAllocationSettingData", "InstanceID")]
    [InlineData("CIMCLOUD_ResourcePool", "CIM_ResourcePool", "InstanceID")]
    [InlineData("CIMCLOUD_LogicalDisk", "CIM_LogicalDisk", "CreationClassName,DeviceID,SystemCreationClassName,SystemName")]
    [InlineData("CIMCLOUD_ConcreteJob", "CIM_ConcreteJob", "InstanceID")]
    [InlineData("CIMCLOUD_BaseMetricDefinition", "CIM_BaseMetricDefinition", "Id")]
    [InlineData("CIMCLOUD_RegisteredProfile", "CIM_RegisteredProfile", "InstanceID")]
    public void Concrete_classes_extend_their_DMTF_class_and_keep_its_keys(string className, string superClass, string keys)
    {
        var schema = LoadedSchema();
        var cimClass = schema.GetClass(className);
        cimClass.SuperClass!.Name.Should().Be(superClass);
        cimClass.IsAbstract.Should().BeFalse();
        cimClass.KeyProperties.Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase)
            .Should().Equal(keys.Split(','));
    }

    [Theory]
    [InlineData("CIMCLOUD_VirtualSystemManagementService", "DefineSystem")]
    [InlineData("CIMCLOUD_VirtualSystemManagementService", "AddResourceSettings")]
    [InlineData("CIMCLOUD_ComputerSystem", "RequestStateChange")]
    [InlineData("CIMCLOUD_MetricService", "ControlMetrics")]
    [InlineData("CIMCLOUD_ResourcePoolConfigurationService", "CreateResourceInPool")]
    [InlineData("CIMCLOUD_ResourcePoolConfigurationService", "DeleteResourceInPool")]
    public void Classes_carry_the_methods_the_profiles_use(string className, string method) =>
        LoadedSchema().GetClass(className).Methods.Should().Contain(m => m.Name == method);

    [Fact]
    public void CreateResourceInPool_takes_embedded_settings_and_a_pool_and_returns_the_resource()
    {
        var method = LoadedSchema().GetClass("CIMCLOUD_ResourcePoolConfigurationService").Methods.Single(m => m.Name == "CreateResourceInPool");
        method.Parameters.Select(p => p.Name).Should().Equal("Settings", "Pool", "Resource", "Job");
        method.Parameters[0].Qualifiers.GetString("EmbeddedInstance").Should().Be("CIM_ResourceAllocationSettingData");
    }

    [Fact]
    public void Every_CIMCLOUD_association_is_an_association()
    {
        var schema = LoadedSchema();
        var associations = schema.Classes.Where(c => c.Name.StartsWith("CIMCLOUD_", StringComparison.Ordinal) && c.SuperClass!.IsAssociation).ToList();
        associations.Should().HaveCountGreaterThan(20);
        associations.Should().OnlyContain(c => c.IsAssociation);
    }

    [Fact]
    public void The_interop_alias_finds_root_interop()
    {
        var repository = new CimRepository();
        CimCloudSchema.LoadDefault(repository);
        repository.GetNamespace("interop").Name.Should().Be("root/interop");
        repository.GetNamespace("INTEROP").Should().BeSameAs(repository.GetNamespace("root/interop"));
    }

    [Fact]
    public void The_embedded_DMTF_subset_has_no_description_text_and_no_comments_but_the_header()
    {
        var text = CimCloudSchema.DmtfSubset.Text;
        DescriptionQualifier().IsMatch(text).Should().BeFalse();
        text.Split('\n').Count(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public void The_extensions_compile_on_top_of_the_full_DMTF_schema()
    {
        var top = SharedSchema.RequireTopFile(output);
        if (top is null)
            return;
        var repository = new CimRepository();
        var result = CimCloudSchema.Load(repository, top);
        result.Errors.Should().BeEmpty();
        var schema = repository.GetNamespace("root/interop").Schema;
        schema.ClassCount.Should().BeGreaterThan(1500);
        schema.FindClass("CIMCLOUD_ResourcePoolConfigurationService").Should().NotBeNull();
    }

    private static Cimom.Schema.CimSchema LoadedSchema()
    {
        var repository = new CimRepository();
        CimCloudSchema.LoadDefault(repository).Success.Should().BeTrue();
        return repository.GetNamespace(CimCloudSchema.ImplementationNamespace).Schema;
    }

    [GeneratedRegex(@"\bDescription\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex DescriptionQualifier();
}
