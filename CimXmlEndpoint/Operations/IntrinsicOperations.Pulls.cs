using System.Runtime.CompilerServices;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.CimXmlEndpoint.Enumeration;
using CimCloud.CimXmlEndpoint.Xml;

namespace CimCloud.CimXmlEndpoint.Operations;

/// <summary>
/// The pull operations (DSP0200 5.3.2): Open* starts a live enumeration in the <see cref="PullContextStore"/> and returns
/// up to MaxObjectCount items; Pull* continues it; CloseEnumeration ends it early. FilterQuery on the Open*Instances
/// operations is CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED (use OpenQueryInstances), ContinueOnError true is
/// CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED, and EnumerationCount answers NULL (the count is not known in advance).
/// </summary>
internal sealed partial class IntrinsicOperations
{
    private static readonly string[] OpenCommon = ["FilterQueryLanguage", "FilterQuery", "OperationTimeout", "ContinueOnError", "MaxObjectCount"];

    private void RegisterPullOperations()
    {
        Add("OpenEnumerateInstances", [.. OpenCommon, "ClassName", "DeepInheritance", "IncludeClassOrigin", "PropertyList"], (call, p) =>
        {
            var options = new EnumerateInstancesOptions { DeepInheritance = p.Bool("DeepInheritance", true), PropertyList = p.PropertyList() };
            var source = _operations.EnumerateInstancesAsync(Unbounded(call), call.Namespace, p.RequiredClassName("ClassName"), options);
            return OpenAsync(call, p, PullKind.InstancesWithPath, source, p.Bool("IncludeClassOrigin", false));
        });
        Add("OpenEnumerateInstancePaths", [.. OpenCommon, "ClassName"], (call, p) =>
            OpenAsync(call, p, PullKind.InstancePaths,
                _operations.EnumerateInstanceNamesAsync(Unbounded(call), call.Namespace, p.RequiredClassName("ClassName")), false));
        Add("OpenAssociatorInstances", [.. OpenCommon, "InstanceName", "AssocClass", "ResultClass", "Role", "ResultRole", "IncludeClassOrigin", "PropertyList"],
            (call, p) => OpenAsync(call, p, PullKind.InstancesWithPath,
                _operations.AssociatorsAsync(Unbounded(call), p.RequiredInstanceName("InstanceName", call.Namespace), AssociatorOptions(p, p.PropertyList())),
                p.Bool("IncludeClassOrigin", false)));
        Add("OpenAssociatorInstancePaths", [.. OpenCommon, "InstanceName", "AssocClass", "ResultClass", "Role", "ResultRole"], (call, p) =>
            OpenAsync(call, p, PullKind.InstancePaths,
                _operations.AssociatorNamesAsync(Unbounded(call), p.RequiredInstanceName("InstanceName", call.Namespace), AssociatorOptions(p, null)), false));
        Add("OpenReferenceInstances", [.. OpenCommon, "InstanceName", "ResultClass", "Role", "IncludeClassOrigin", "PropertyList"], (call, p) =>
            OpenAsync(call, p, PullKind.InstancesWithPath,
                _operations.ReferencesAsync(Unbounded(call), p.RequiredInstanceName("InstanceName", call.Namespace), ReferenceOptions(p, p.PropertyList())),
                p.Bool("IncludeClassOrigin", false)));
        Add("OpenReferenceInstancePaths", [.. OpenCommon, "InstanceName", "ResultClass", "Role"], (call, p) =>
            OpenAsync(call, p, PullKind.InstancePaths,
                _operations.ReferenceNamesAsync(Unbounded(call), p.RequiredInstanceName("InstanceName", call.Namespace), ReferenceOptions(p, null)), false));
        Add("OpenQueryInstances", ["FilterQueryLanguage", "FilterQuery", "ReturnQueryResultClass", "OperationTimeout", "ContinueOnError", "MaxObjectCount"],
            (call, p) =>
            {
                if (p.Bool("ReturnQueryResultClass", false))
                    throw new CimException(CimStatusCode.NotSupported, "ReturnQueryResultClass is not supported");
                var source = _operations.ExecQueryAsync(Unbounded(call), call.Namespace, p.RequiredString("FilterQueryLanguage"), p.RequiredString("FilterQuery"));
                return OpenAsync(call, p, PullKind.Instances, source, false, allowFilter: true);
            });
        Add("PullInstancesWithPath", ["EnumerationContext", "MaxObjectCount"], (call, p) => PullAsync(call, p, PullKind.InstancesWithPath));
        Add("PullInstancePaths", ["EnumerationContext", "MaxObjectCount"], (call, p) => PullAsync(call, p, PullKind.InstancePaths));
        Add("PullInstances", ["EnumerationContext", "MaxObjectCount"], (call, p) => PullAsync(call, p, PullKind.Instances));
        Add("CloseEnumeration", ["EnumerationContext"], async (call, p) =>
        {
            var context = _pulls.Find(p.RequiredString("EnumerationContext"), call.Operation.UserName, call.Namespace, null);
            if (!context.Gate.Wait(0))
                throw new CimException(CimStatusCode.PullCannotBeAbandoned, $"enumeration context {context.Id} is serving a pull; close it after that ends");
            await _pulls.RemoveAsync(context);
            return OperationResult.Empty;
        });
        Add("EnumerationCount", ["EnumerationContext"], (call, p) =>
        {
            var context = _pulls.Find(p.RequiredString("EnumerationContext"), call.Operation.UserName, call.Namespace, null);
            context.Touch();
            return ValueTask.FromResult(OperationResult.Empty); // NULL: the remaining count is not known without reading the stream
        });
    }

    /// <summary>Open enumerations outlive the request: no request deadline (OperationTimeout governs them instead).</summary>
    private static CimOperationContext Unbounded(CallContext call) => call.Operation with { Deadline = null };

    private async ValueTask<OperationResult> OpenAsync<T>(CallContext call, ParameterSet p, PullKind kind, IAsyncEnumerable<T> source, bool includeClassOrigin,
        bool allowFilter = false)
        where T : class
    {
        if (!allowFilter && (p.Has("FilterQuery") || p.Has("FilterQueryLanguage")))
            throw new CimException(CimStatusCode.FilteredEnumerationNotSupported, "FilterQuery is not supported on this operation; use OpenQueryInstances (WQL or DMTF:CQL)");
        if (p.Bool("ContinueOnError", false))
            throw new CimException(CimStatusCode.ContinuationOnErrorNotSupported, "ContinueOnError is not supported; an error ends the enumeration");
        var timeout = Timeout(p.UInt32("OperationTimeout"));
        var max = MaxObjects(p.UInt32("MaxObjectCount") ?? 0);
        var context = await _pulls.AddAsync(kind, call.Operation.UserName, call.Namespace, Box(source), timeout);
        return await BatchAsync(call, context, max, includeClassOrigin);
    }

    private async ValueTask<OperationResult> PullAsync(CallContext call, ParameterSet p, PullKind kind)
    {
        var context = _pulls.Find(p.RequiredString("EnumerationContext"), call.Operation.UserName, call.Namespace, kind);
        var max = MaxObjects(p.UInt32("MaxObjectCount") ?? throw new CimException(CimStatusCode.InvalidParameter, "parameter MaxObjectCount is required"));
        if (!await context.Gate.WaitAsync(0, call.Cancellation))
            throw new CimException(CimStatusCode.InvalidEnumerationContext, $"enumeration context {context.Id} is serving another request");
        context.Gate.Release();
        return await BatchAsync(call, context, max, includeClassOrigin: false);
    }

    private async ValueTask<OperationResult> BatchAsync(CallContext call, PullContext context, int max, bool includeClassOrigin)
    {
        List<object> items;
        bool end;
        await context.Gate.WaitAsync(call.Cancellation);
        try
        {
            (items, end) = await context.NextBatchAsync(max);
            context.Touch();
        }
        catch
        {
            context.Gate.Release();
            await _pulls.RemoveAsync(context); // an error ends the enumeration (no ContinueOnError)
            throw;
        }

        context.Gate.Release();
        if (end)
            await _pulls.RemoveAsync(context);
        var kind = context.Kind;
        var id = context.Id;
        return OperationResult.Immediate(w =>
        {
            w.Start("IRETURNVALUE");
            foreach (var item in items)
                WritePulled(w, kind, item, includeClassOrigin);
            w.End();
            WriteOutParameter(w, "EnumerationContext", "string", end ? null : id);
            WriteOutParameter(w, "EndOfSequence", "boolean", end ? "TRUE" : "FALSE");
        });
    }

    private static void WritePulled(CimXmlWriter w, PullKind kind, object item, bool includeClassOrigin)
    {
        switch (kind)
        {
            case PullKind.InstancePaths:
                w.WriteInstancePath((CimObjectPath)item);
                break;
            case PullKind.Instances:
                w.WriteInstance((CimInstance)item, false, includeClassOrigin);
                break;
            default:
                var instance = (CimInstance)item;
                w.Start("VALUE.INSTANCEWITHPATH");
                w.WriteInstancePath(instance.Path);
                w.WriteInstance(instance, false, includeClassOrigin);
                w.End();
                break;
        }
    }

    private static void WriteOutParameter(CimXmlWriter w, string name, string type, string? value)
    {
        w.Start("PARAMVALUE");
        w.Attribute("NAME", name);
        w.Attribute("PARAMTYPE", type);
        if (value is not null)
            w.Xml.WriteElementString("VALUE", value);
        w.End();
    }

    private TimeSpan Timeout(uint? seconds)
    {
        if (seconds is null)
            return _options.DefaultPullTimeout;
        if (seconds == 0 || TimeSpan.FromSeconds(seconds.Value) > _options.MaxPullTimeout)
        {
            throw new CimException(CimStatusCode.InvalidOperationTimeout,
                $"OperationTimeout {seconds} s is not supported; give 1..{(int)_options.MaxPullTimeout.TotalSeconds} s");
        }

        return TimeSpan.FromSeconds(seconds.Value);
    }

    private int MaxObjects(uint requested) => (int)Math.Min(requested, (uint)_options.MaxObjectCount);

    private static async IAsyncEnumerable<object> Box<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : class
    {
        await foreach (var item in source.WithCancellation(cancellationToken))
            yield return item;
    }
}
