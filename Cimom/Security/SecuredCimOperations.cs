using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Schema;
using CimCloud.Cimom.Security.Audit;

namespace CimCloud.Cimom.Security;

/// <summary>
/// Authorization and audit around any <see cref="ICimOperations"/>, shared by every front end: each call is checked
/// against <see cref="CimOperationContext.Principal"/> (<see cref="CimAuthorization"/>; denied → CIM_ERR_ACCESS_DENIED
/// before the inner operations run, so nothing changes), and every change — instance create/modify/delete, method
/// invocation, class, qualifier and namespace changes — and every denial is appended to the audit log with its
/// outcome. Reads are audited only when the log asks for them (<see cref="ICimAuditLog.IncludeReads"/>).
/// </summary>
public sealed partial class SecuredCimOperations(ICimOperations inner, ICimAuditLog? audit = null) : ICimOperations
{
    private readonly ICimOperations _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>The operations this decorates.</summary>
    public ICimOperations Inner => _inner;

    private void Demand(CimOperationContext context, string operation, string? @namespace, string? objectPath, CimAccess access, bool anyNamespace = false)
    {
        try
        {
            if (anyNamespace)
            {
                if (context.Principal is { Grants.Count: 0 } nobody)
                    throw new CimException(CimStatusCode.AccessDenied, $"user {nobody.Name} holds no role in any namespace");
                return;
            }

            CimAuthorization.Demand(context, @namespace, access);
        }
        catch (CimException denied)
        {
            Record(context, operation, @namespace, objectPath, CimAuditOutcome.Denied, denied.Message);
            throw;
        }
    }

    private async ValueTask<T> ChangeAsync<T>(CimOperationContext context, string operation, string? @namespace, string? objectPath, CimAccess access,
        Func<ValueTask<T>> run, Func<T, string?>? resultPath = null)
    {
        Demand(context, operation, @namespace, objectPath, access);
        T result;
        try
        {
            result = await run();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Record(context, operation, @namespace, objectPath, CimAuditOutcome.Failure, Describe(e));
            throw;
        }

        Record(context, operation, @namespace, resultPath?.Invoke(result) ?? objectPath, CimAuditOutcome.Success, null);
        return result;
    }

    private async ValueTask ChangeAsync(CimOperationContext context, string operation, string? @namespace, string? objectPath, CimAccess access,
        Func<ValueTask> run) =>
        await ChangeAsync<bool>(context, operation, @namespace, objectPath, access, async () =>
        {
            await run();
            return true;
        });

    private async ValueTask<T> ReadAsync<T>(CimOperationContext context, string operation, string? @namespace, string? objectPath, Func<ValueTask<T>> run)
    {
        Demand(context, operation, @namespace, objectPath, CimAccess.Read);
        if (audit is not { IncludeReads: true })
            return await run();
        try
        {
            var result = await run();
            Record(context, operation, @namespace, objectPath, CimAuditOutcome.Success, null);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Record(context, operation, @namespace, objectPath, CimAuditOutcome.Failure, Describe(e));
            throw;
        }
    }

    /// <summary>A streaming read: checked when called (like the inner operations check their arguments), audited when asked.</summary>
    private IAsyncEnumerable<T> Stream<T>(CimOperationContext context, string operation, string? @namespace, string? objectPath, Func<IAsyncEnumerable<T>> run)
    {
        Demand(context, operation, @namespace, objectPath, CimAccess.Read);
        if (audit is not { IncludeReads: true })
            return run();
        IAsyncEnumerable<T> results;
        try
        {
            results = run();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Record(context, operation, @namespace, objectPath, CimAuditOutcome.Failure, Describe(e));
            throw;
        }

        return Audited(results, context, operation, @namespace, objectPath);
    }

    private async IAsyncEnumerable<T> Audited<T>(IAsyncEnumerable<T> results, CimOperationContext context, string operation, string? @namespace,
        string? objectPath, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var outcome = CimAuditOutcome.Failure;
        string? error = "not read to the end";
        try
        {
            await foreach (var item in results.WithCancellation(cancellationToken))
                yield return item;
            outcome = CimAuditOutcome.Success;
            error = null;
        }
        finally
        {
            Record(context, operation, @namespace, objectPath, outcome, error);
        }
    }

    private void Record(CimOperationContext context, string operation, string? @namespace, string? objectPath, string outcome, string? error)
    {
        if (audit is null)
            return;
        audit.Append(new CimAuditRecord(DateTimeOffset.UtcNow, context.Principal?.Name ?? context.UserName, context.RemoteAddress, operation,
            @namespace is null ? null : CimObjectPath.NormalizeNamespace(@namespace), objectPath, outcome, error));
    }

    private static string Describe(Exception e) => e switch
    {
        CimException cim => $"{cim.StatusName}: {cim.Message}",
        TimeoutException => $"timed out: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static string ClassPath(string @namespace, string className) => $"{CimObjectPath.NormalizeNamespace(@namespace)}:{className}";

    private static string? InstancePath(CimInstance instance) => instance.TryGetPath(out var path, out _) ? path!.ToString() : instance.Class.Name;
}
