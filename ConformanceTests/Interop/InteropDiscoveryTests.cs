using CimCloud.ConformanceTests.Serving;
using FluentAssertions;
using Xunit;

namespace CimCloud.ConformanceTests.Interop;

/// <summary>DSP1033 discovery through WS-Man against <c>cimcloud serve</c> on the simulated host, as a conformance client does it.</summary>
public sealed class InteropDiscoveryTests(SimulatedServerFixture fixture) : IClassFixture<SimulatedServerFixture>
{
    private const string SystemVirtualization = "CIM:DSP1042-SystemVirtualization-1.0.0";
    private const string ProfileRegistration = "CIM:DSP1033-ProfileRegistration-1.0.0";
    private WsManSession Session => fixture.Session;

    [Fact]
    public async Task The_interop_namespace_lists_the_registered_profiles_under_its_short_and_long_names()
    {
        var profiles = await Session.EnumerateAsync("CIM_RegisteredProfile", "interop");
        var names = profiles.Select(p => (p.Property("RegisteredName"), p.Property("RegisteredVersion"))).ToList();
        names.Should().Contain(("Profile Registration", "1.0.0"));
        names.Should().Contain(("System Virtualization", "1.0.0"));
        names.Should().Contain(("Virtual System", "1.0.0"));
        names.Should().Contain(("Resource Allocation", "1.1.0"));
        names.Should().Contain(("Allocation Capabilities", "1.0.0"));
        profiles.Should().OnlyContain(p => p.Property("RegisteredOrganization") == "2" && p.ClassName() == "CIMCLOUD_RegisteredProfile");
        (await Session.EnumerateAsync("CIM_RegisteredProfile", "root/interop")).Should().HaveCount(profiles.Count);
    }

    [Fact]
    public async Task The_autonomous_profile_leads_to_the_host_in_the_implementation_namespace()
    {
        var central = await Session.AssociatorsAsync("CIMCLOUD_RegisteredProfile", "root/interop", [("InstanceID", SystemVirtualization)],
            associationClass: "CIM_ElementConformsToProfile", resultClass: "CIM_ComputerSystem");
        var host = central.Should().ContainSingle().Subject;
        host.ClassName().Should().Be("CIMCLOUD_HostSystem");
        host.Property("Name").Should().Be("simulated-host");

        // and back: the host names the profiles it conforms to (the association crosses namespaces).
        var back = await Session.AssociatorsAsync("CIMCLOUD_HostSystem", "root/cimv2",
            [("CreationClassName", "CIMCLOUD_HostSystem"), ("Name", "simulated-host")], associationClass: "CIM_ElementConformsToProfile");
        back.Select(p => p.Property("InstanceID")).Should().Contain(SystemVirtualization);
    }

    [Fact]
    public async Task Referenced_profiles_give_the_component_profiles_of_System_Virtualization()
    {
        var components = await Session.AssociatorsAsync("CIMCLOUD_RegisteredProfile", "root/interop", [("InstanceID", SystemVirtualization)],
            associationClass: "CIM_ReferencedProfile", role: "Dependent", resultRole: "Antecedent");
        components.Select(p => p.Property("RegisteredName")).Should().Contain(["Virtual System", "Resource Allocation", "Allocation Capabilities"]);
        components.Should().NotContain(p => p.Property("InstanceID") == SystemVirtualization);
    }

    [Fact]
    public async Task Profile_Registration_conforms_on_the_object_manager_which_lists_the_namespaces()
    {
        var managers = await Session.AssociatorsAsync("CIMCLOUD_RegisteredProfile", "interop", [("InstanceID", ProfileRegistration)],
            associationClass: "CIM_ElementConformsToProfile");
        var manager = managers.Should().ContainSingle().Subject;
        manager.ClassName().Should().Be("CIMCLOUD_ObjectManager");
        manager.Property("SystemName").Should().Be("simulated-host");

        var namespaces = await Session.EnumerateAsync("CIM_Namespace", "root/interop");
        namespaces.Select(n => n.Property("Name")).Should().Contain(["root/cimv2", "root/interop"]);
        var inManager = await Session.AssociatorsAsync("CIMCLOUD_ObjectManager", "root/interop",
        [
            ("SystemCreationClassName", manager.Property("SystemCreationClassName")!), ("SystemName", manager.Property("SystemName")!),
            ("CreationClassName", manager.Property("CreationClassName")!), ("Name", manager.Property("Name")!),
        ], associationClass: "CIM_NamespaceInManager");
        inManager.Should().HaveCount(namespaces.Count);
    }

    [Fact]
    public async Task Every_virtual_machine_conforms_to_Virtual_System()
    {
        var profiles = await Session.EnumerateAsync("CIM_RegisteredProfile", "interop");
        var virtualSystem = profiles.Single(p => p.Property("RegisteredName") == "Virtual System").Property("InstanceID")!;
        var vms = await Session.AssociatorsAsync("CIMCLOUD_RegisteredProfile", "root/interop", [("InstanceID", virtualSystem)],
            associationClass: "CIM_ElementConformsToProfile");
        vms.Should().Contain(vm => vm.Property("ElementName") == "test" && vm.ClassName() == "CIMCLOUD_ComputerSystem");
    }

    [Fact]
    public async Task Interop_instances_are_read_only()
    {
        var delete = async () => await Session.SendAsync("http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete",
            WsManSession.ClassUriPrefix + "CIMCLOUD_RegisteredProfile", "root/interop", [("InstanceID", ProfileRegistration)], "");
        (await delete.Should().ThrowAsync<WsManFaultException>()).Which.Reason.Should().Contain("read-only");
        (await Session.EnumerateAsync("CIM_RegisteredProfile", "interop")).Should().Contain(p => p.Property("InstanceID") == ProfileRegistration);
    }
}
