using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Repository;
using CimCloud.CimXmlEndpoint.Enumeration;
using CimCloud.CimXmlEndpoint.Hosting;
using CimCloud.CimXmlEndpoint.Xml;

namespace CimCloud.CimXmlEndpoint.Operations;

/// <summary>
/// The DSP0200 intrinsic methods over <see cref="ICimOperations"/>, one handler per IMETHODCALL NAME (matched
/// case-insensitively); the handlers live in the IntrinsicOperations.*.cs files by concern. Protocol defaults are set
/// here explicitly (GetClass: LocalOnly and IncludeQualifiers true, IncludeClassOrigin false; instances: no qualifiers
/// and no class origin unless asked).
/// </summary>
internal sealed partial class IntrinsicOperations
{
    private readonly ICimOperations _operations;
    private readonly CimRepository _repository;
    private readonly PullContextStore _pulls;
    private readonly CimXmlServerOptions _options;
    private readonly Dictionary<string, Func<CallContext, ParameterSet, ValueTask<OperationResult>>> _handlers;
    private readonly Dictionary<string, string[]> _parameters;

    public IntrinsicOperations(ICimOperations operations, CimRepository repository, PullContextStore pulls, CimXmlServerOptions options)
    {
        _operations = operations;
        _repository = repository;
        _pulls = pulls;
        _options = options;
        _handlers = new(StringComparer.OrdinalIgnoreCase);
        _parameters = new(StringComparer.OrdinalIgnoreCase);
        RegisterClassOperations();
        RegisterInstanceOperations();
        RegisterAssociationOperations();
        RegisterQualifierOperations();
        RegisterPullOperations();
    }

    public IEnumerable<string> Names => _handlers.Keys;

    public bool IsKnown(string name) => _handlers.ContainsKey(name);

    public ValueTask<OperationResult> ExecuteAsync(CallContext call)
    {
        if (!_handlers.TryGetValue(call.Request.MethodName, out var handler))
            throw new CimException(CimStatusCode.NotSupported, $"intrinsic method {call.Request.MethodName} is not supported");
        var parameters = new ParameterSet(call.Request.MethodName, call.Request.Parameters, _parameters[call.Request.MethodName]);
        return handler(call, parameters);
    }

    private void Add(string name, string[] parameters, Func<CallContext, ParameterSet, ValueTask<OperationResult>> handler)
    {
        _handlers[name] = handler;
        _parameters[name] = parameters;
    }

    /// <summary>Classes of the call's namespace, for typing INSTANCE and VALUE contents (no result is read through it).</summary>
    private InstanceContext Instances(CallContext call)
    {
        var ns = _repository.FindNamespace(call.Namespace)
            ?? throw new CimException(CimStatusCode.InvalidNamespace, $"namespace {call.Namespace} does not exist");
        var schema = ns.Schema;
        return new InstanceContext(ns.Name, schema.FindClass);
    }

    private static void WriteNamedInstance(CimXmlWriter w, CimInstance instance, bool includeQualifiers, bool includeClassOrigin)
    {
        w.Start("VALUE.NAMEDINSTANCE");
        w.WriteInstanceName(instance.Path);
        w.WriteInstance(instance, includeQualifiers, includeClassOrigin);
        w.End();
    }

    private static void WriteObjectWithPath(CimXmlWriter w, CimInstance instance, bool includeQualifiers, bool includeClassOrigin)
    {
        w.Start("VALUE.OBJECTWITHPATH");
        w.WriteInstancePath(instance.Path);
        w.WriteInstance(instance, includeQualifiers, includeClassOrigin);
        w.End();
    }

    private static void WriteObjectPath(CimXmlWriter w, CimObjectPath path)
    {
        w.Start("OBJECTPATH");
        w.WriteInstancePath(path);
        w.End();
    }
}
