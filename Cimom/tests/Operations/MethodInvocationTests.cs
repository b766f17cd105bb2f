using CimCloud.Cimom.Model;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Operations.OperationsHarness;

namespace CimCloud.Cimom.Tests.Operations;

public class MethodInvocationTests
{
    private static CimObjectPath Svc(string name = "web") => PathOf("T_Service", ("Name", name));

    private static async Task<(OperationsHarness H, FakeMethodProvider Provider)> WithProviderAsync()
    {
        var h = Create();
        var provider = new FakeMethodProvider();
        h.Providers.RegisterMethodProvider(Ns, "T_Service", provider);
        await h.AddAsync("T_Service", ("Name", "web"));
        await h.AddAsync("T_SpecialService", ("Name", "special"));
        return (h, provider);
    }

    private static async Task<CimException> Fails(Func<Task> action) => (await action.Should().ThrowAsync<CimException>()).Which;

    [Fact]
    public async Task An_instance_method_is_routed_to_the_provider_with_converted_in_parameters()
    {
        var (h, provider) = await WithProviderAsync();

        var result = await h.Ops.InvokeMethodAsync(Ctx, PathOf("t_service", ("NAME", "web")), "start",
            new Dictionary<string, object?> { ["mode"] = "3", ["LOG"] = "begin" });

        result.ReturnValue.Should().Be(2u);
        result.OutParameters["Result"].Should().Be("ran Start");
        var call = provider.Calls.Should().ContainSingle().Subject;
        call.ClassName.Should().Be("T_Service");
        call.Target.ToString().Should().Be("/root/test:T_Service.Name=\"web\"");
        call.Arguments.Keys.Should().BeEquivalentTo(["Mode", "Log"]);
        call.Arguments["Mode"].Should().Be(3u);
    }

    [Fact]
    public async Task A_provider_registered_for_a_superclass_serves_the_subclass_instance()
    {
        var (h, provider) = await WithProviderAsync();

        await h.Ops.InvokeMethodAsync(Ctx, PathOf("T_Service", ("Name", "special")), "Start", new Dictionary<string, object?>());

        provider.Calls.Single().ClassName.Should().Be("T_SpecialService");
        provider.Calls.Single().Target.ClassName.Should().Be("T_SpecialService");
    }

    [Fact]
    public async Task Static_methods_may_target_the_class_and_instance_methods_may_not()
    {
        var (h, provider) = await WithProviderAsync();
        var classPath = new CimObjectPath(Ns, "T_Service");

        var result = await h.Ops.InvokeMethodAsync(Ctx, classPath, "Create", new Dictionary<string, object?> { ["Name"] = "new" });
        result.ReturnValue.Should().Be(1u);
        provider.Calls.Single().Target.IsClassPath.Should().BeTrue();

        var e = await Fails(() => h.Ops.InvokeMethodAsync(Ctx, classPath, "Start", new Dictionary<string, object?>()).AsTask());
        e.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
        e.Message.Should().Contain("static");
        await h.Ops.InvokeMethodAsync(Ctx, Svc(), "Create", new Dictionary<string, object?>());
    }

    [Fact]
    public async Task Unknown_methods_parameters_and_instances_are_refused()
    {
        var (h, _) = await WithProviderAsync();

        (await Fails(() => h.Ops.InvokeMethodAsync(Ctx, Svc(), "Stop", new Dictionary<string, object?>()).AsTask()))
            .StatusCode.Should().Be(CimStatusCode.MethodNotFound);
        var unknown = await Fails(() => h.Ops.InvokeMethodAsync(Ctx, Svc(), "Start", new Dictionary<string, object?> { ["Speed"] = 1 }).AsTask());
        unknown.StatusCode.Should().Be(CimStatusCode.InvalidParameter);
        unknown.Message.Should().Contain("Speed");
        (await Fails(() => h.Ops.InvokeMethodAsync(Ctx, Svc(), "Start", new Dictionary<string, object?> { ["Result"] = "x" }).AsTask()))
            .StatusCode.Should().Be(CimStatusCode.InvalidParameter, "Result is an out-only parameter");
        (await Fails(() => h.Ops.InvokeMethodAsync(Ctx, Svc(), "Start", new Dictionary<string, object?> { ["Mode"] = "fast" }).AsTask()))
            .Message.Should().Contain("Mode");
        (await Fails(() => h.Ops.InvokeMethodAsync(Ctx, Svc("ghost"), "Start", new Dictionary<string, object?>()).AsTask()))
            .StatusCode.Should().Be(CimStatusCode.NotFound);
        (await Fails(() => h.Ops.InvokeMethodAsync(Ctx, PathOf("T_Nope", ("Name", "x")), "Start", new Dictionary<string, object?>()).AsTask()))
            .StatusCode.Should().Be(CimStatusCode.InvalidClass);
    }

    [Fact]
    public async Task Without_a_method_provider_invocation_is_NotSupported()
    {
        var h = Create();
        await h.AddAsync("T_Service", ("Name", "web"));

        var e = await Fails(() => h.Ops.InvokeMethodAsync(Ctx, Svc(), "Start", new Dictionary<string, object?>()).AsTask());

        e.StatusCode.Should().Be(CimStatusCode.NotSupported);
        e.Message.Should().Contain("no provider");
    }
}
