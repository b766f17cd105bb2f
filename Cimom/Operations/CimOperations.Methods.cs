using CimCloud.Cimom.Model;
using CimCloud.Cimom.Repository;

namespace CimCloud.Cimom.Operations;

public sealed partial class CimOperations
{
    public async ValueTask<CimMethodResult> InvokeMethodAsync(CimOperationContext context, CimObjectPath target, string methodName,
        IReadOnlyDictionary<string, object?> inParameters, CancellationToken cancellationToken = default)
    {
        Begin(context, cancellationToken);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        ArgumentNullException.ThrowIfNull(inParameters);
        var ns = Namespace(target.Namespace);
        var pc = ContextFor(ns, context);
        var cimClass = ClassOrInvalid(pc.Schema, target.ClassName, ns.Name);
        var method = cimClass.FindMethod(methodName)
            ?? throw new CimException(CimStatusCode.MethodNotFound, $"class {cimClass.Name} has no method {methodName}");

        CimClass servingClass;
        CimObjectPath resolvedTarget;
        if (target.IsClassPath)
        {
            if (!method.IsStatic)
            {
                throw new CimException(CimStatusCode.InvalidParameter,
                    $"method {cimClass.Name}.{method.Name} is not static; invoke it on an instance path");
            }

            servingClass = cimClass;
            resolvedTarget = new CimObjectPath(ns.Name, cimClass.Name);
        }
        else
        {
            var path = InstancePathNormalizer.Normalize(cimClass, target.Host is null ? target : target.WithHost(null), ns.Name, pc.Schema);
            var located = await LocateAsync(pc, cimClass, path, cancellationToken) ?? throw NotFound(path);
            servingClass = located.Class;
            resolvedTarget = located.Path;
            method = servingClass.FindMethod(method.Name) ?? method;
        }

        var arguments = ConvertInParameters(servingClass, method, inParameters);
        var provider = _providers.FindMethodProvider(ns.Name, servingClass)
            ?? throw new CimException(CimStatusCode.NotSupported, $"method {servingClass.Name}.{method.Name}: no provider serves class {servingClass.Name}");
        return await provider.InvokeMethodAsync(pc, servingClass, resolvedTarget, method, arguments, cancellationToken);
    }

    /// <summary>In-parameters by declared name, converted to the declared types; InvalidParameter for unknown or repeated names.</summary>
    private static Dictionary<string, object?> ConvertInParameters(CimClass cimClass, CimMethod method, IReadOnlyDictionary<string, object?> given)
    {
        var result = new Dictionary<string, object?>(given.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in given)
        {
            var parameter = method.FindParameter(name);
            if (parameter is null || !parameter.IsIn)
                throw new CimException(CimStatusCode.InvalidParameter, $"method {cimClass.Name}.{method.Name} has no in-parameter {name}");
            if (result.ContainsKey(parameter.Name))
                throw new CimException(CimStatusCode.InvalidParameter, $"in-parameter {parameter.Name} of {cimClass.Name}.{method.Name} is given twice");
            try
            {
                result[parameter.Name] = CimValueConverter.Convert(value, parameter.DataType);
            }
            catch (CimException e)
            {
                throw new CimException(e.StatusCode, $"in-parameter {parameter.Name} of {cimClass.Name}.{method.Name}: {e.Message}", e);
            }
        }

        return result;
    }
}
