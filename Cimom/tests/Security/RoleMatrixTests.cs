using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Security;
using CimCloud.Cimom.Security.Audit;
using CimCloud.Cimom.Tests.Operations;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Security;

/// <summary>The role matrix of <see cref="SecuredCimOperations"/> over the real operations, per namespace.</summary>
public sealed class RoleMatrixTests
{
    private const string Ns = OperationsHarness.Ns;
    private readonly OperationsHarness _h = OperationsHarness.Create();
    private readonly MemoryAuditLog _audit = new();
    private readonly SecuredCimOperations _ops;

    public RoleMatrixTests()
    {
        _h.Providers.Register(Ns, "T_Service", new FakeMethodProvider());
        _ops = new SecuredCimOperations(_h.Ops, _audit);
        _h.AddAsync("T_Element", ("Id", "e1"), ("Name", "one")).GetAwaiter().GetResult();
        _h.AddAsync("T_Service", ("Name", "svc")).GetAwaiter().GetResult();
    }

    public static TheoryData<string?, CimAccess, bool> Matrix()
    {
        var data = new TheoryData<string?, CimAccess, bool>();
        foreach (var access in Enum.GetValues<CimAccess>())
        {
            data.Add(null, access, false);
            data.Add(RoleNames.ReadOnly, access, access == CimAccess.Read);
            data.Add(RoleNames.Operator, access, access is CimAccess.Read or CimAccess.Invoke);
            data.Add(RoleNames.Admin, access, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_exactly_its_operations(string? role, CimAccess access, bool allowed)
    {
        var grants = role is null ? new List<CimRoleGrant>() : [new CimRoleGrant(Parse(role), Ns)];
        var context = Context(new CimPrincipal("u", grants));
        var before = await CountElementsAsync();
        var act = () => Run(context, access);
        if (allowed)
        {
            await act.Should().NotThrowAsync();
        }
        else
        {
            (await act.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.AccessDenied);
            (await CountElementsAsync()).Should().Be(before, "a denied operation changes nothing");
            _h.Namespace.Schema.FindClass("T_New").Should().BeNull();
            _audit.Records.Should().ContainSingle(r => r.Outcome == CimAuditOutcome.Denied).Which.User.Should().Be("u");
        }
    }

    [Fact]
    public async Task A_grant_holds_only_in_its_namespace_and_a_global_grant_everywhere()
    {
        var elsewhere = Context(new CimPrincipal("u", [new CimRoleGrant(CimRole.Admin, "root/other")]));
        var read = () => _ops.GetInstanceAsync(elsewhere, OperationsHarness.PathOf("T_Element", ("Id", "e1"))).AsTask();
        (await read.Should().ThrowAsync<CimException>()).Which.StatusCode.Should().Be(CimStatusCode.AccessDenied);

        var global = Context(new CimPrincipal("u", [new CimRoleGrant(CimRole.ReadOnly), new CimRoleGrant(CimRole.Admin, "ROOT/Test")]));
        await Run(global, CimAccess.Write); // namespace names compare case-insensitively
        CimAuthorization.IsAllowed(global, "root/elsewhere", CimAccess.Read).Should().BeTrue();
        CimAuthorization.IsAllowed(global, "root/elsewhere", CimAccess.Invoke).Should().BeFalse();
    }

    [Fact]
    public async Task An_in_process_caller_without_a_principal_is_not_checked()
    {
        await Run(CimOperationContext.Default, CimAccess.Schema);
        _h.Namespace.Schema.FindClass("T_New").Should().NotBeNull();
    }

    [Fact]
    public async Task Changes_are_audited_with_outcome_and_reads_are_not_by_default()
    {
        var context = Context(CimPrincipal.Administrator("root")) with { RemoteAddress = "192.0.2.9" };
        await _ops.GetInstanceAsync(context, OperationsHarness.PathOf("T_Element", ("Id", "e1")));
        await OperationsHarness.ListAsync(_ops.EnumerateInstancesAsync(context, Ns, "T_Element"));
        _audit.Records.Should().BeEmpty();

        await _ops.CreateInstanceAsync(context, _h.New("T_Element", ("Id", "e2")));
        var duplicate = () => _ops.CreateInstanceAsync(context, _h.New("T_Element", ("Id", "e2"))).AsTask();
        await duplicate.Should().ThrowAsync<CimException>();
        await _ops.DeleteInstanceAsync(context, OperationsHarness.PathOf("T_Element", ("Id", "e2")));

        _audit.Records.Select(r => (r.Operation, r.Outcome)).Should().Equal(
            ("CreateInstance", CimAuditOutcome.Success), ("CreateInstance", CimAuditOutcome.Failure), ("DeleteInstance", CimAuditOutcome.Success));
        _audit.Records.Should().OnlyContain(r => r.User == "root" && r.RemoteAddress == "192.0.2.9" && r.Namespace == Ns);
        _audit.Records[0].ObjectPath.Should().Contain("T_Element").And.Contain("e2");
        _audit.Records[1].Error.Should().StartWith("CIM_ERR_ALREADY_EXISTS");
    }

    [Fact]
    public async Task Reads_are_audited_when_the_log_asks_for_them()
    {
        var audit = new MemoryAuditLog(includeReads: true);
        var ops = new SecuredCimOperations(_h.Ops, audit);
        var context = Context(new CimPrincipal("reader", [new CimRoleGrant(CimRole.ReadOnly)]));
        await ops.GetInstanceAsync(context, OperationsHarness.PathOf("T_Element", ("Id", "e1")));
        (await OperationsHarness.ListAsync(ops.EnumerateInstancesAsync(context, Ns, "T_Element"))).Should().NotBeEmpty();
        audit.Records.Select(r => (r.Operation, r.Outcome)).Should().Equal(("GetInstance", CimAuditOutcome.Success), ("EnumerateInstances", CimAuditOutcome.Success));
    }

    private static CimRole Parse(string role) => RoleNames.TryParse(role, out var r) ? r : throw new ArgumentException(role);

    private static CimOperationContext Context(CimPrincipal principal) => new("u") { Principal = principal };

    private async Task<int> CountElementsAsync() =>
        (await OperationsHarness.ListAsync(_h.Ops.EnumerateInstanceNamesAsync(CimOperationContext.Default, Ns, "T_Element"))).Count;

    private async Task Run(CimOperationContext context, CimAccess access)
    {
        switch (access)
        {
            case CimAccess.Read:
                await _ops.GetInstanceAsync(context, OperationsHarness.PathOf("T_Element", ("Id", "e1")));
                await OperationsHarness.ListAsync(_ops.EnumerateInstancesAsync(context, Ns, "T_Element"));
                await OperationsHarness.ListAsync(_ops.AssociatorsAsync(context, OperationsHarness.PathOf("T_Element", ("Id", "e1"))));
                await _ops.GetClassAsync(context, Ns, "T_Element");
                break;
            case CimAccess.Invoke:
                await _ops.InvokeMethodAsync(context, OperationsHarness.PathOf("T_Service", ("Name", "svc")), "Start",
                    new Dictionary<string, object?> { ["Mode"] = 1u });
                break;
            case CimAccess.Write:
                await _ops.CreateInstanceAsync(context, _h.New("T_Element", ("Id", "new-" + Guid.NewGuid())));
                break;
            default:
                await _ops.CreateClassAsync(context, Ns, new Schema.CimClassDeclaration("T_New", null, [], [], []));
                break;
        }
    }
}
