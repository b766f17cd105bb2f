using System.Xml.Linq;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Repository;
using CimCloud.CimXmlEndpoint.Xml;

namespace CimCloud.CimXmlEndpoint.Operations;

/// <summary>
/// METHODCALL: an extrinsic method on a class (static) or an instance, through <see cref="ICimOperations.InvokeMethodAsync"/>
/// — the same method providers WS-Man Invoke reaches. PARAMVALUEs are typed by the method's declaration (untyped VALUEs
/// are converted by the core); the answer is RETURNVALUE plus a PARAMVALUE per out-parameter.
/// </summary>
internal sealed class ExtrinsicOperations(ICimOperations operations, CimRepository repository)
{
    public async ValueTask<OperationResult> ExecuteAsync(CallContext call)
    {
        var target = call.Request.Target!;
        var ns = repository.FindNamespace(call.Namespace)
            ?? throw new CimException(CimStatusCode.InvalidNamespace, $"namespace {call.Namespace} does not exist");
        var cimClass = ns.Schema.FindClass(target.ClassName);
        var method = cimClass?.FindMethod(call.Request.MethodName);
        var context = new InstanceContext(ns.Name, ns.Schema.FindClass);
        var arguments = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in call.Request.Parameters)
        {
            var name = CimXmlReader.Attr(parameter, "NAME");
            if (arguments.ContainsKey(name))
                throw new CimException(CimStatusCode.InvalidParameter, $"parameter {name} is given twice");
            arguments[name] = Argument(parameter, method?.FindParameter(name), context);
        }

        var result = await operations.InvokeMethodAsync(call.Operation, target, call.Request.MethodName, arguments, call.Cancellation);
        return OperationResult.Immediate(w =>
        {
            if (method is not null || result.ReturnValue is not null)
            {
                w.Start("RETURNVALUE");
                var returnType = method is null ? TypeOf(result.ReturnValue!) : CimDataType.Scalar(method.ReturnType);
                w.Attribute("PARAMTYPE", CimXmlWriter.TypeName(returnType.Type));
                if (result.ReturnValue is not null)
                    w.WriteValue(result.ReturnValue, returnType);
                w.End();
            }

            foreach (var (name, value) in result.OutParameters)
            {
                var type = method?.FindParameter(name)?.DataType ?? (value is null ? CimDataType.Scalar(CimType.String) : TypeOf(value));
                w.Start("PARAMVALUE");
                w.Attribute("NAME", method?.FindParameter(name)?.Name ?? name);
                w.Attribute("PARAMTYPE", CimXmlWriter.TypeName(type.Type));
                if (type.Type == CimType.Instance)
                    w.Attribute("EmbeddedObject", "instance");
                if (value is not null)
                    w.WriteValue(value, type);
                w.End();
            }
        });
    }

    private static object? Argument(XElement parameter, CimParameter? declared, InstanceContext context)
    {
        var content = parameter.Elements().FirstOrDefault();
        if (content is null)
            return null;
        switch (content.Name.LocalName)
        {
            case "INSTANCE":
                return CimXmlReader.Instance(content, context, out _);
            case "CLASSNAME":
            case "INSTANCENAME":
                return CimXmlReader.ObjectPath(content, context.Namespace);
        }

        if (declared is not null)
            return CimXmlReader.Value(content, declared.DataType, context);
        // Unknown parameter: keep its text form; the core reports it as CIM_ERR_INVALID_PARAMETER.
        return content.Name.LocalName switch
        {
            "VALUE.ARRAY" => content.Elements("VALUE").Select(v => v.Value).ToArray(),
            "VALUE.REFERENCE" => CimXmlReader.ObjectPath(content, context.Namespace),
            _ => content.Value,
        };
    }

    private static CimDataType TypeOf(object value)
    {
        var element = value is Array a ? a.GetType().GetElementType()! : value.GetType();
        var type = element == typeof(bool) ? CimType.Boolean
            : element == typeof(byte) ? CimType.UInt8
            : element == typeof(sbyte) ? CimType.SInt8
            : element == typeof(ushort) ? CimType.UInt16
            : element == typeof(short) ? CimType.SInt16
            : element == typeof(uint) ? CimType.UInt32
            : element == typeof(int) ? CimType.SInt32
            : element == typeof(ulong) ? CimType.UInt64
            : element == typeof(long) ? CimType.SInt64
            : element == typeof(float) ? CimType.Real32
            : element == typeof(double) ? CimType.Real64
            : element == typeof(char) ? CimType.Char16
            : element == typeof(CimDateTime) ? CimType.DateTime
            : element == typeof(CimObjectPath) ? CimType.Reference
            : element == typeof(CimInstance) ? CimType.Instance
            : CimType.String;
        return new CimDataType(type, value is Array);
    }
}
