using System.Net;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using static CimCloud.ConformanceTests.CimXml.RawCimXml;

namespace CimCloud.ConformanceTests.CimXml;

/// <summary>Every intrinsic operation as a raw DSP0201 message against <c>cimcloud serve --cimxml</c> with cct.mof.</summary>
public sealed class RawOperationTests(CimXmlServerProcess server, ITestOutputHelper output) : IClassFixture<CimXmlServerProcess>
{
    private Uri Endpoint => server.CimXmlEndpoint;

    private async Task<Reply> OkAsync(string method, string parameters = "")
    {
        var reply = await CallAsync(Endpoint, method, parameters);
        output.WriteLine($"{method}: {reply.Body[..Math.Min(reply.Body.Length, 3000)]}");
        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Header("CIMOperation").Should().Be("MethodResponse");
        reply.ErrorCode.Should().BeNull(reply.ErrorDescription);
        reply.Response.Attribute("NAME")!.Value.Should().Be(method);
        return reply;
    }

    private async Task<int?> ErrorAsync(string method, string parameters = "", string ns = "root/cimv2")
    {
        var reply = await CallAsync(Endpoint, method, parameters, ns);
        output.WriteLine($"{method}: {reply.Body}");
        reply.Status.Should().Be(HttpStatusCode.OK);
        return reply.ErrorCode;
    }

    private static IEnumerable<string> Keys(XElement container, string key) =>
        container.Descendants("KEYBINDING").Where(k => k.Attribute("NAME")!.Value == key).Select(k => k.Value);

    [Fact]
    public async Task Class_operations()
    {
        if (!server.Require(output))
            return;
        var local = (await OkAsync("GetClass", ClassName("ClassName", "CCT_Host"))).ReturnValue.Element("CLASS")!;
        local.Attribute("SUPERCLASS")!.Value.Should().Be("CCT_Base");
        local.Elements("PROPERTY").Select(p => p.Attribute("NAME")!.Value).Should().Equal("CpuCount"); // LocalOnly defaults to true
        local.Elements("METHOD").Select(m => m.Attribute("NAME")!.Value).Should().BeEquivalentTo("Ping", "RequestStateChange");
        var full = (await OkAsync("GetClass", ClassName("ClassName", "CCT_Host") + Value("LocalOnly", "false") + Value("IncludeClassOrigin", "true")))
            .ReturnValue.Element("CLASS")!;
        var id = full.Elements("PROPERTY").Single(p => p.Attribute("NAME")!.Value == "InstanceID");
        id.Attribute("CLASSORIGIN")!.Value.Should().Be("CCT_Base");
        id.Attribute("PROPAGATED")!.Value.Should().Be("true");
        id.Elements("QUALIFIER").Should().Contain(q => q.Attribute("NAME")!.Value == "Key");
        full.Elements("PROPERTY.ARRAY").Single().Attribute("NAME")!.Value.Should().Be("Tags");
        var assoc = (await OkAsync("GetClass", ClassName("ClassName", "CCT_HostDisk"))).ReturnValue.Element("CLASS")!;
        assoc.Elements("PROPERTY.REFERENCE").Select(p => p.Attribute("REFERENCECLASS")!.Value).Should().BeEquivalentTo("CCT_Host", "CCT_Disk");

        var names = (await OkAsync("EnumerateClassNames", Value("DeepInheritance", "true"))).ReturnValue.Elements("CLASSNAME").Select(c => c.Attribute("NAME")!.Value);
        names.Should().Contain(["CCT_Base", "CCT_Host", "CCT_Disk", "CCT_HostDisk", "CCT_Port"]);
        var subclasses = (await OkAsync("EnumerateClassNames", ClassName("ClassName", "CCT_Base"))).ReturnValue.Elements("CLASSNAME").Select(c => c.Attribute("NAME")!.Value);
        subclasses.Should().BeEquivalentTo("CCT_Host", "CCT_Disk");
        var classes = (await OkAsync("EnumerateClasses", ClassName("ClassName", "CCT_Base") + Value("IncludeQualifiers", "false"))).ReturnValue.Elements("CLASS");
        classes.Select(c => c.Attribute("NAME")!.Value).Should().BeEquivalentTo("CCT_Host", "CCT_Disk");
        classes.SelectMany(c => c.Elements("QUALIFIER").Concat(c.Elements("PROPERTY").Elements("QUALIFIER"))).Should().BeEmpty();

        (await ErrorAsync("GetClass", ClassName("ClassName", "CCT_Nope"))).Should().Be(6);
        (await ErrorAsync("EnumerateClassNames", ClassName("ClassName", "CCT_Nope"))).Should().Be(5);
        (await ErrorAsync("GetClass", ClassName("ClassName", "CCT_Host"), "root/nope")).Should().Be(3);
    }

    [Fact]
    public async Task CreateClass_ModifyClass_DeleteClass()
    {
        if (!server.Require(output))
            return;
        const string NewClass = """<CLASS NAME="CCT_RawClass" SUPERCLASS="CCT_Base"><PROPERTY NAME="Color" TYPE="string"><VALUE>red</VALUE></PROPERTY><METHOD NAME="Paint" TYPE="uint32"><PARAMETER NAME="Color" TYPE="string"><QUALIFIER NAME="In" TYPE="boolean"><VALUE>true</VALUE></QUALIFIER></PARAMETER></METHOD></CLASS>""";
        await OkAsync("CreateClass", Param("NewClass", NewClass));
        (await ErrorAsync("CreateClass", Param("NewClass", NewClass))).Should().Be(11);
        var created = (await OkAsync("GetClass", ClassName("ClassName", "CCT_RawClass") + Value("LocalOnly", "false"))).ReturnValue.Element("CLASS")!;
        created.Elements("PROPERTY").Single(p => p.Attribute("NAME")!.Value == "Color").Element("VALUE")!.Value.Should().Be("red");
        created.Elements("PROPERTY").Should().Contain(p => p.Attribute("NAME")!.Value == "InstanceID");
        created.Element("METHOD")!.Element("PARAMETER")!.Attribute("NAME")!.Value.Should().Be("Color");

        await OkAsync("ModifyClass", Param("ModifiedClass", NewClass.Replace("</CLASS>", """<PROPERTY NAME="Size" TYPE="uint32"/></CLASS>""", StringComparison.Ordinal)));
        var modified = (await OkAsync("GetClass", ClassName("ClassName", "CCT_RawClass"))).ReturnValue.Element("CLASS")!;
        modified.Elements("PROPERTY").Select(p => p.Attribute("NAME")!.Value).Should().BeEquivalentTo("Color", "Size");
        await OkAsync("DeleteClass", ClassName("ClassName", "CCT_RawClass"));
        (await ErrorAsync("GetClass", ClassName("ClassName", "CCT_RawClass"))).Should().Be(6);
        (await ErrorAsync("CreateClass", Param("NewClass", """<CLASS NAME="CCT_Orphan" SUPERCLASS="CCT_Missing"></CLASS>"""))).Should().Be(10);
        (await ErrorAsync("DeleteClass", ClassName("ClassName", "CCT_Base"))).Should().BeOneOf(8, 9);
    }

    [Fact]
    public async Task Instance_reads()
    {
        if (!server.Require(output))
            return;
        var instance = (await OkAsync("GetInstance", Param("InstanceName", Host1))).ReturnValue.Element("INSTANCE")!;
        instance.Attribute("CLASSNAME")!.Value.Should().Be("CCT_Host");
        string? Prop(XElement i, string name) => i.Elements().FirstOrDefault(p => p.Attribute("NAME")?.Value == name)?.Element("VALUE")?.Value;
        Prop(instance, "CpuCount").Should().Be("8");
        Prop(instance, "Created").Should().Be("20260101000000.000000+000");
        instance.Elements("PROPERTY").Single(p => p.Attribute("NAME")!.Value == "ElementName").Elements().Should().BeEmpty("NULL has no VALUE");
        instance.Elements("PROPERTY.ARRAY").Single().Descendants("VALUE").Select(v => v.Value).Should().Equal("a", "b");
        instance.Descendants("QUALIFIER").Should().BeEmpty("IncludeQualifiers defaults to false");

        var projected = (await OkAsync("GetInstance", Param("InstanceName", Host1) + Param("PropertyList", "<VALUE.ARRAY><VALUE>CpuCount</VALUE></VALUE.ARRAY>")))
            .ReturnValue.Element("INSTANCE")!;
        projected.Elements().Select(p => p.Attribute("NAME")!.Value).Should().Equal("CpuCount");

        var all = (await OkAsync("EnumerateInstances", ClassName("ClassName", "CCT_Base"))).ReturnValue.Elements("VALUE.NAMEDINSTANCE").ToList();
        all.Should().HaveCount(6);
        all.SelectMany(n => Keys(n.Element("INSTANCENAME")!, "InstanceID")).Should().BeEquivalentTo("host-1", "host-2", "disk-1", "disk-2", "base-1", "big-1");
        var shallow = (await OkAsync("EnumerateInstances", ClassName("ClassName", "CCT_Base") + Value("DeepInheritance", "false"))).ReturnValue;
        shallow.Descendants("PROPERTY").Should().NotContain(p => p.Attribute("NAME")!.Value == "CpuCount");

        var names = (await OkAsync("EnumerateInstanceNames", ClassName("ClassName", "CCT_Port"))).ReturnValue.Elements("INSTANCENAME").Single();
        Keys(names, "PortNumber").Should().Equal("22");
        names.Descendants("KEYVALUE").Single(k => k.Parent!.Attribute("NAME")!.Value == "PortNumber").Attribute("VALUETYPE")!.Value.Should().Be("numeric");

        (await OkAsync("GetProperty", Param("InstanceName", Host1) + Value("PropertyName", "CpuCount"))).ReturnValue.Element("VALUE")!.Value.Should().Be("8");
        (await OkAsync("GetProperty", Param("InstanceName", Host1) + Value("PropertyName", "ElementName"))).ReturnValue.Elements().Should().BeEmpty();
        (await ErrorAsync("GetProperty", Param("InstanceName", Host1) + Value("PropertyName", "Nope"))).Should().Be(12);
        (await ErrorAsync("GetInstance", Param("InstanceName", InstanceName("CCT_Host", ("InstanceID", "nope"))))).Should().Be(6);
        (await ErrorAsync("EnumerateInstances", ClassName("ClassName", "CCT_Nope"))).Should().Be(5);
    }

    [Fact]
    public async Task Instance_writes()
    {
        if (!server.Require(output))
            return;
        var name = InstanceName("CCT_Disk", ("InstanceID", "raw-disk"));
        const string Instance = """<INSTANCE CLASSNAME="CCT_Disk"><PROPERTY NAME="InstanceID" TYPE="string"><VALUE>raw-disk</VALUE></PROPERTY><PROPERTY NAME="Capacity" TYPE="uint64"><VALUE>42</VALUE></PROPERTY><PROPERTY.ARRAY NAME="Tags" TYPE="string"><VALUE.ARRAY><VALUE>p</VALUE><VALUE>q</VALUE></VALUE.ARRAY></PROPERTY.ARRAY><PROPERTY NAME="ElementName" TYPE="string"><VALUE>first</VALUE></PROPERTY></INSTANCE>""";
        var created = (await OkAsync("CreateInstance", Param("NewInstance", Instance))).ReturnValue.Element("INSTANCENAME")!;
        Keys(created, "InstanceID").Should().Equal("raw-disk");
        try
        {
            (await ErrorAsync("CreateInstance", Param("NewInstance", Instance))).Should().Be(11);
            await OkAsync("ModifyInstance", Param("ModifiedInstance",
                $"""<VALUE.NAMEDINSTANCE>{name}<INSTANCE CLASSNAME="CCT_Disk"><PROPERTY NAME="Capacity" TYPE="uint64"><VALUE>43</VALUE></PROPERTY></INSTANCE></VALUE.NAMEDINSTANCE>"""));
            await OkAsync("SetProperty", Param("InstanceName", name) + Value("PropertyName", "EnabledState") + Value("NewValue", "3"));
            var after = (await OkAsync("GetInstance", Param("InstanceName", name))).ReturnValue.Element("INSTANCE")!;
            string? Prop(string n) => after.Elements().First(p => p.Attribute("NAME")!.Value == n).Element("VALUE")?.Value;
            Prop("Capacity").Should().Be("43");
            Prop("EnabledState").Should().Be("3");
            Prop("ElementName").Should().Be("first", "ModifyInstance without PropertyList changes only the properties the instance carries");
            await OkAsync("SetProperty", Param("InstanceName", name) + Value("PropertyName", "ElementName"));
            (await OkAsync("GetProperty", Param("InstanceName", name) + Value("PropertyName", "ElementName"))).ReturnValue.Elements().Should().BeEmpty();
            (await ErrorAsync("SetProperty", Param("InstanceName", name) + Value("PropertyName", "Capacity") + Value("NewValue", "lots"))).Should().Be(4);
            (await ErrorAsync("CreateInstance", Param("NewInstance", """<INSTANCE CLASSNAME="CCT_Disk"><PROPERTY NAME="Bogus" TYPE="string"><VALUE>x</VALUE></PROPERTY></INSTANCE>"""))).Should().Be(4);
        }
        finally
        {
            await OkAsync("DeleteInstance", Param("InstanceName", name));
        }

        (await ErrorAsync("DeleteInstance", Param("InstanceName", name))).Should().Be(6);
    }

    [Fact]
    public async Task Association_operations()
    {
        if (!server.Require(output))
            return;
        var associators = (await OkAsync("Associators", Param("ObjectName", Host1) + ClassName("AssocClass", "CCT_HostDisk"))).ReturnValue.Elements("VALUE.OBJECTWITHPATH").ToList();
        associators.Select(o => o.Element("INSTANCE")!.Attribute("CLASSNAME")!.Value).Should().Equal("CCT_Disk", "CCT_Disk");
        associators.SelectMany(o => Keys(o.Element("INSTANCEPATH")!, "InstanceID")).Should().BeEquivalentTo("disk-1", "disk-2");
        associators[0].Element("INSTANCEPATH")!.Descendants("NAMESPACE").Select(n => n.Attribute("NAME")!.Value).Should().Equal("root", "cimv2");

        var names = (await OkAsync("AssociatorNames", Param("ObjectName", Host1) + Value("ResultRole", "Dependent"))).ReturnValue.Elements("OBJECTPATH").ToList();
        names.Should().HaveCount(2);
        (await OkAsync("AssociatorNames", Param("ObjectName", Host1) + Value("Role", "Dependent"))).ReturnValue.Elements().Should().BeEmpty();

        var references = (await OkAsync("References", Param("ObjectName", Host1))).ReturnValue.Elements("VALUE.OBJECTWITHPATH").ToList();
        references.Should().HaveCount(2);
        var reference = references[0].Element("INSTANCE")!.Elements("PROPERTY.REFERENCE").Single(p => p.Attribute("NAME")!.Value == "Antecedent");
        Keys(reference, "InstanceID").Should().Equal("host-1");
        (await OkAsync("ReferenceNames", Param("ObjectName", InstanceName("CCT_Disk", ("InstanceID", "disk-2"))))).ReturnValue.Elements("OBJECTPATH").Should().ContainSingle();
        (await ErrorAsync("Associators", Param("ObjectName", Host1) + ClassName("AssocClass", "CCT_Nope"))).Should().Be(4);
        (await ErrorAsync("References", Param("ObjectName", InstanceName("CCT_Host", ("InstanceID", "nope"))))).Should().Be(6);
    }

    [Fact]
    public async Task ExecQuery_in_wql_and_cql()
    {
        if (!server.Require(output))
            return;
        var wql = (await OkAsync("ExecQuery", Value("QueryLanguage", "WQL") + Value("Query", "SELECT CpuCount FROM CCT_Host WHERE CpuCount > 5"))).ReturnValue;
        var only = wql.Elements("VALUE.OBJECTWITHPATH").Single();
        Keys(only.Element("INSTANCEPATH")!, "InstanceID").Should().Equal("host-1");
        only.Element("INSTANCE")!.Elements().Select(p => p.Attribute("NAME")!.Value).Should().Equal("CpuCount");
        var cql = (await OkAsync("ExecQuery", Value("QueryLanguage", "DMTF:CQL") + Value("Query", "SELECT * FROM CCT_Base WHERE EnabledState = 2"))).ReturnValue;
        cql.Elements("VALUE.OBJECTWITHPATH").SelectMany(o => Keys(o, "InstanceID")).Should().BeEquivalentTo("host-1", "disk-1", "disk-2");
        (await ErrorAsync("ExecQuery", Value("QueryLanguage", "SQL-92") + Value("Query", "SELECT * FROM CCT_Base"))).Should().Be(14);
        (await ErrorAsync("ExecQuery", Value("QueryLanguage", "WQL") + Value("Query", "SELECT FROM WHERE"))).Should().Be(15);
    }

    [Fact]
    public async Task Qualifier_operations()
    {
        if (!server.Require(output))
            return;
        var key = (await OkAsync("GetQualifier", Value("QualifierName", "Key"))).ReturnValue.Element("QUALIFIER.DECLARATION")!;
        key.Attribute("TYPE")!.Value.Should().Be("boolean");
        key.Element("SCOPE")!.Attribute("PROPERTY")!.Value.Should().Be("true");
        (await OkAsync("EnumerateQualifiers")).ReturnValue.Elements("QUALIFIER.DECLARATION").Select(q => q.Attribute("NAME")!.Value)
            .Should().Contain(["Key", "Association", "Description"]);
        await OkAsync("SetQualifier", Param("QualifierDeclaration",
            """<QUALIFIER.DECLARATION NAME="RawNote" TYPE="string" TOSUBCLASS="false"><SCOPE CLASS="true" PROPERTY="true"/><VALUE>n/a</VALUE></QUALIFIER.DECLARATION>"""));
        var note = (await OkAsync("GetQualifier", Value("QualifierName", "rawnote"))).ReturnValue.Element("QUALIFIER.DECLARATION")!;
        note.Attribute("TOSUBCLASS")!.Value.Should().Be("false");
        note.Element("VALUE")!.Value.Should().Be("n/a");
        note.Element("SCOPE")!.Attribute("METHOD")!.Value.Should().Be("false");
        await OkAsync("DeleteQualifier", Value("QualifierName", "RawNote"));
        (await ErrorAsync("GetQualifier", Value("QualifierName", "RawNote"))).Should().Be(6);
    }

    [Fact]
    public async Task Pull_operations()
    {
        if (!server.Require(output))
            return;
        var open = await OkAsync("OpenEnumerateInstances", ClassName("ClassName", "CCT_Base") + Value("MaxObjectCount", "2"));
        open.ReturnValue.Elements("VALUE.INSTANCEWITHPATH").Should().HaveCount(2);
        open.OutParameter("EndOfSequence").Should().Be("FALSE");
        var context = open.OutParameter("EnumerationContext")!;
        var seen = open.ReturnValue.Descendants("INSTANCEPATH").SelectMany(p => Keys(p, "InstanceID")).ToList();
        await OkAsync("EnumerationCount", Value("EnumerationContext", context));
        while (true)
        {
            var pull = await OkAsync("PullInstancesWithPath", Value("EnumerationContext", context) + Value("MaxObjectCount", "3"));
            seen.AddRange(pull.ReturnValue.Descendants("INSTANCEPATH").SelectMany(p => Keys(p, "InstanceID")));
            if (pull.OutParameter("EndOfSequence") == "TRUE")
                break;
        }

        seen.Should().BeEquivalentTo("host-1", "host-2", "disk-1", "disk-2", "base-1", "big-1");
        (await ErrorAsync("PullInstancesWithPath", Value("EnumerationContext", context) + Value("MaxObjectCount", "1"))).Should().Be(21, "a finished enumeration is closed");

        var paths = await OkAsync("OpenEnumerateInstancePaths", ClassName("ClassName", "CCT_Host"));
        paths.ReturnValue.Elements().Should().BeEmpty("MaxObjectCount defaults to 0");
        var pathContext = paths.OutParameter("EnumerationContext")!;
        (await ErrorAsync("PullInstancesWithPath", Value("EnumerationContext", pathContext) + Value("MaxObjectCount", "1"))).Should().Be(21, "the context is for PullInstancePaths");
        var pulled = await OkAsync("PullInstancePaths", Value("EnumerationContext", pathContext) + Value("MaxObjectCount", "1"));
        pulled.ReturnValue.Elements("INSTANCEPATH").Should().ContainSingle();
        await OkAsync("CloseEnumeration", Value("EnumerationContext", pathContext));
        (await ErrorAsync("PullInstancePaths", Value("EnumerationContext", pathContext) + Value("MaxObjectCount", "1"))).Should().Be(21);

        var assoc = await OkAsync("OpenAssociatorInstances", Param("InstanceName", Host1) + Value("MaxObjectCount", "10"));
        assoc.ReturnValue.Elements("VALUE.INSTANCEWITHPATH").Should().HaveCount(2);
        assoc.OutParameter("EndOfSequence").Should().Be("TRUE");
        (await OkAsync("OpenAssociatorInstancePaths", Param("InstanceName", Host1) + Value("MaxObjectCount", "10"))).ReturnValue.Elements("INSTANCEPATH").Should().HaveCount(2);
        (await OkAsync("OpenReferenceInstances", Param("InstanceName", Host1) + Value("MaxObjectCount", "10"))).ReturnValue.Elements("VALUE.INSTANCEWITHPATH").Should().HaveCount(2);
        (await OkAsync("OpenReferenceInstancePaths", Param("InstanceName", Host1) + Value("MaxObjectCount", "10"))).ReturnValue.Elements("INSTANCEPATH").Should().HaveCount(2);

        var query = await OkAsync("OpenQueryInstances", Value("FilterQueryLanguage", "WQL") + Value("FilterQuery", "SELECT * FROM CCT_Disk") + Value("MaxObjectCount", "1"));
        query.ReturnValue.Elements("INSTANCE").Should().ContainSingle();
        var rest = await OkAsync("PullInstances", Value("EnumerationContext", query.OutParameter("EnumerationContext")!) + Value("MaxObjectCount", "5"));
        rest.ReturnValue.Elements("INSTANCE").Should().ContainSingle();
        rest.OutParameter("EndOfSequence").Should().Be("TRUE");

        (await ErrorAsync("OpenEnumerateInstances", ClassName("ClassName", "CCT_Base") + Value("ContinueOnError", "true"))).Should().Be(26);
        (await ErrorAsync("OpenEnumerateInstances", ClassName("ClassName", "CCT_Base") + Value("FilterQueryLanguage", "DMTF:FQL") + Value("FilterQuery", "EnabledState = 2"))).Should().Be(25);
        (await ErrorAsync("OpenEnumerateInstances", ClassName("ClassName", "CCT_Base") + Value("OperationTimeout", "0"))).Should().Be(22);
        (await ErrorAsync("OpenEnumerateInstances", ClassName("ClassName", "CCT_Nope"))).Should().Be(5);
        (await ErrorAsync("PullInstancesWithPath", Value("EnumerationContext", "no-such-context") + Value("MaxObjectCount", "1"))).Should().Be(21);
        (await ErrorAsync("CloseEnumeration", Value("EnumerationContext", "no-such-context"))).Should().Be(21);
    }

    [Fact]
    public async Task Unknown_methods_and_parameters_are_cim_errors()
    {
        if (!server.Require(output))
            return;
        (await ErrorAsync("FrobnicateInstances")).Should().Be(7);
        (await ErrorAsync("GetInstance", Param("InstanceName", Host1) + Value("Bogus", "1"))).Should().Be(4);
        (await ErrorAsync("GetInstance")).Should().Be(4);
        (await ErrorAsync("GetInstance", Param("InstanceName", Host1) + Param("InstanceName", Host1))).Should().Be(4);
        (await ErrorAsync("EnumerateInstances", ClassName("ClassName", "CCT_Base") + Value("DeepInheritance", "maybe"))).Should().Be(4);
    }
}
