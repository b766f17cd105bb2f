using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Parsing;
using CimCloud.Cimom.Mof.Syntax;

namespace CimCloud.WsManEndpoint.Cim;

/// <summary>
/// Reads MOF text holding one <c>instance of X { P = v; … };</c> (an embedded instance as WMI and MOF-minded clients
/// write it) with <see cref="MofParser"/>. Pragmas are refused before parsing: <c>#pragma include</c> would read
/// server files. Aliases are meaningless here and refused.
/// </summary>
internal static class MofInstanceTextParser
{
    public static CimInstance Parse(CimValueXmlReader values, string text, string what, int depth)
    {
        if (HasDirective(text))
            throw RepresentationFaults.InvalidValues($"{what}: embedded MOF may not contain '#' directives");
        var parsed = MofParser.ParseText(text, "embedded-instance.mof", new MofParseOptions());
        if (parsed.HasErrors)
        {
            var error = parsed.Diagnostics.First(d => d.IsError);
            throw RepresentationFaults.InvalidValues($"{what}: the embedded instance is neither CIM-XML nor valid MOF ({error.Message})");
        }

        if (parsed.Productions is not [MofInstanceDeclaration declaration])
            throw RepresentationFaults.InvalidValues($"{what}: embedded MOF must hold exactly one 'instance of' declaration");
        var cimClass = values.ClassLookup(declaration.ClassName)
            ?? throw RepresentationFaults.InvalidValues($"{what}: embedded instance of class {declaration.ClassName}, which does not exist");
        var instance = new CimInstance(cimClass);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pv in declaration.Values)
        {
            var property = cimClass.Properties.Find(pv.Name)
                ?? throw RepresentationFaults.InvalidValues($"{what}: class {cimClass.Name} has no property {pv.Name}");
            if (!seen.Add(property.Name))
                throw RepresentationFaults.InvalidValues($"{what}: property {property.Name} is given twice");
            var propertyWhat = $"{what}: property {cimClass.Name}.{property.Name}";
            instance.SetValue(property.Ordinal, Bind(values, pv.Value, property.DataType, propertyWhat, depth));
        }

        return instance;
    }

    private static object? Bind(CimValueXmlReader values, MofValue value, CimDataType type, string what, int depth)
    {
        switch (value)
        {
            case MofNullValue:
                return null;
            case MofArrayValue array when type.IsArray:
                var items = new object?[array.Items.Count];
                for (var i = 0; i < items.Length; i++)
                    items[i] = Bind(values, array.Items[i], type.ElementType, $"{what}[{i}]", depth);
                return CimValueXmlReader.Convert(items, type, what);
            case MofArrayValue:
                throw RepresentationFaults.InvalidValues($"{what} is not an array; a brace list is not allowed");
            case MofAliasValue alias:
                throw RepresentationFaults.InvalidValues($"{what}: alias ${alias.Name} cannot be resolved in an embedded instance");
            case MofStringValue s when type.Type is CimType.Instance or CimType.DateTime or CimType.Reference:
                return values.FromText(s.Value, type.ElementType, what, depth);
            default:
                if (type.IsArray)
                    throw RepresentationFaults.InvalidValues($"{what} is an array; MOF needs a brace list {{ … }}");
                return CimValueXmlReader.Convert(Literal(value), type, what);
        }
    }

    private static object? Literal(MofValue value) => value switch
    {
        MofBooleanValue b => b.Value,
        MofIntegerValue i => i.Value,
        MofRealValue r => r.Value,
        MofCharValue c => c.Value,
        MofStringValue s => s.Value,
        _ => null,
    };

    // '#' outside string and char literals and comments starts a pragma.
    private static bool HasDirective(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '#':
                    return true;
                case '"' or '\'':
                    i = SkipLiteral(text, i);
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    i = text.IndexOf('\n', i) is var nl and >= 0 ? nl : text.Length;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '*':
                    i = text.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 1 : text.Length;
                    break;
            }
        }

        return false;
    }

    private static int SkipLiteral(string text, int start)
    {
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
                i++;
            else if (text[i] == quote)
                return i;
        }

        return text.Length;
    }
}
