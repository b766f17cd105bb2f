using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Sprache;
using SP = Sprache.Parse;

namespace CimCloud.Cimom.Model;

/// <summary>
/// Sprache grammar for object paths: DSP0207 WBEM URIs and the untyped CIM-XML style paths users write.
/// </summary>
/// <remarks>
/// <code>
/// path       = [scheme ":"] ["//" [userinfo "@"] host [":" port]] ["/"] [namespace] ":" class [keys]
///            | [scheme ":"] ["//" authority] ["/"] class [keys]
/// scheme     = ALPHA *(ALPHA / DIGIT / "+" / "." / "-")        ; when followed by "/", dropped
///            | "http" / "https" / "wbem" / "wbems" / "cimxml.wbem" / "cimxml.wbems"   ; also before "namespace:class"
/// namespace  = element *("/" element)                          ; element = 1*(letter / digit / "_" / "-")
/// keys       = "." key "=" value *("," key "=" value)           ; blanks allowed around "=" and ","
/// value      = "(" type ")" (quoted / token)                    ; DSP0207 typed value
///            | quoted                                           ; "..." with \" and \\ escapes  -> string
///            | TRUE / FALSE                                     ; any case                      -> boolean
///            | integer                                          ; decimal or 0x hex, signed     -> sint64, else uint64
///            | real / NaN / INF / Infinity                      ;                               -> real64
/// </code>
/// Userinfo is dropped (credentials are not kept), the port stays part of the host. Errors name the
/// 1-based column and what was expected there.
/// </remarks>
internal static partial class ObjectPathParser
{
    private const string ValueExpectation = "a key value (\"string\", number, TRUE/FALSE or (type)value)";

    private static readonly Parser<IEnumerable<char>> Blanks = SP.WhiteSpace.Many();

    private static readonly Parser<string> Scheme = SP.Regex(SchemeRegex(), "scheme");

    private static readonly Parser<string> HostPort =
        SP.RegexMatch(HostRegex(), "host name")
            .Select(m => m.Groups["host"].Value + (m.Groups["port"].Length > 1 ? m.Groups["port"].Value : string.Empty));

    private static readonly Parser<string> Authority =
        from slashes in SP.Regex(DoubleSlashRegex(), "'//'")
        from host in HostPort
        select host;

    private static readonly Parser<string> Identifier =
        from first in SP.Char(IsIdentifierStart, "identifier")
        from rest in SP.Char(IsIdentifierPart, "identifier character").Many().Text()
        select first + rest;

    private static readonly Parser<string> NamespaceElement =
        SP.Char(c => char.IsLetterOrDigit(c) || c is '_' or '-', "namespace or class name").AtLeastOnce().Text();

    private static readonly Parser<(string Text, IInput Start)> LocatedElement = Located(NamespaceElement);

    private static readonly Parser<(string? Namespace, string ClassName)> NamespaceAndClass = ParseNamespaceAndClass;

    private static readonly Parser<char> EscapedChar =
        from backslash in SP.Char('\\')
        from c in SP.Chars("\"\\").Named("'\"' or '\\' after '\\' (only these two are escaped)")
        select c;

    private static readonly Parser<string> QuotedString =
        from open in SP.Char('"')
        from chars in EscapedChar.XOr(SP.CharExcept("\"\\")).XMany().Text()
        from close in SP.Char('"').Named("closing '\"'")
        select chars;

    private static readonly Parser<string> BareToken = SP.Regex(BareTokenRegex(), ValueExpectation);

    private static readonly Parser<string> TypePrefix =
        from open in SP.Char('(')
        from b1 in Blanks
        from name in SP.LetterOrDigit.AtLeastOnce().Text().Named("type name (e.g. uint16, string, datetime, reference)")
        from b2 in Blanks
        from close in SP.Char(')').Named("')'")
        select name;

    private static readonly Parser<(object Value, CimType Type)> KeyValue = ParseKeyValue;

    private static readonly Parser<(string Name, IInput Start, object Value, CimType Type)> KeyBinding =
        from name in Located(Identifier.Named("key name"))
        from eq in SP.Regex(EqualsRegex(), "'='")
        from value in KeyValue
        select (name.Text, name.Start, value.Value, value.Type);

    private static readonly Parser<List<(string Name, IInput Start, object Value, CimType Type)>> KeyBindings =
        from dot in SP.Char('.')
        from first in KeyBinding
        from rest in (from comma in SP.Regex(CommaRegex(), "','") from binding in KeyBinding select binding).XMany()
        select rest.Prepend(first).ToList();

    private static readonly Parser<CimObjectPath> Path =
        from lead in Blanks
        from scheme in Scheme.Optional()
        from host in Authority.XOptional()
        from slash in host.IsDefined ? SP.Char('/').Named("'/' after the host").Once() : SP.Char('/').Once().XOptional().Select(_ => Enumerable.Empty<char>())
        from nc in NamespaceAndClass
        from keys in KeyBindings.XOptional()
        from trail in Blanks
        from end in EndOfPath(keys.IsDefined ? ["','", "end of path"] : ["'.' and key bindings", "end of path"])
        from path in Build(host.GetOrDefault(), nc.Namespace, nc.ClassName, keys.GetOrDefault())
        select path;

    public static CimObjectPath Parse(string text) =>
        TryParse(text, out var p, out var e) ? p : throw new CimException(CimStatusCode.InvalidParameter, e);

    public static bool TryParse(string? text, [NotNullWhen(true)] out CimObjectPath? path, out string error)
    {
        if (text is null)
        {
            path = null;
            error = "object path is null";
            return false;
        }

        if (TryParseCore(text, out path, out var column, out var detail))
        {
            error = string.Empty;
            return true;
        }

        error = $"invalid object path '{text}': column {column}: {detail}";
        return false;
    }

    private static bool TryParseCore(string text, [NotNullWhen(true)] out CimObjectPath? path, out int column, out string detail)
    {
        var result = Path(new Input(text));
        if (result.WasSuccessful)
        {
            path = result.Value;
            column = 0;
            detail = string.Empty;
            return true;
        }

        path = null;
        column = result.Remainder.Position + 1;
        var expectations = result.Expectations?.Distinct().ToArray() ?? [];
        if (expectations.Length == 0)
        {
            detail = result.Message;
        }
        else
        {
            var found = result.Remainder.AtEnd ? "end of text" : $"'{result.Remainder.Current}'";
            detail = $"expected {string.Join(" or ", expectations)}, found {found}";
        }

        return false;
    }

    private static IResult<(string? Namespace, string ClassName)> ParseNamespaceAndClass(IInput input)
    {
        // "/:Class" (or ":Class") names the class with no namespace.
        if (!input.AtEnd && input.Current == ':')
            return ClassAfterColon(null, input.Advance());

        var first = LocatedElement(input);
        if (!first.WasSuccessful)
            return Failure<(string?, string)>(first.Remainder, first.Message, ["namespace or class name"]);

        var elements = new List<(string Text, IInput Start)> { first.Value };
        var rest = first.Remainder;
        while (!rest.AtEnd && rest.Current == '/')
        {
            var next = LocatedElement(rest.Advance());
            if (!next.WasSuccessful)
                return Failure<(string?, string)>(next.Remainder, next.Message, ["namespace name after '/'"]);
            elements.Add(next.Value);
            rest = next.Remainder;
        }

        if (!rest.AtEnd && rest.Current == ':')
            return ClassAfterColon(string.Join('/', elements.Select(e => e.Text)), rest.Advance());

        if (elements.Count > 1)
            return Failure<(string?, string)>(rest, string.Empty, ["':' and a class name after the namespace"]);

        // A single name with no ':' is the class name itself.
        var (name, start) = elements[0];
        if (!IsIdentifier(name))
            return Failure<(string?, string)>(start, $"'{name}' is not a valid class name (letters, digits and '_', not starting with a digit)", []);
        return Result.Success<(string?, string)>((null, name), rest);
    }

    private static IResult<(string?, string)> ClassAfterColon(string? @namespace, IInput input)
    {
        var cls = Identifier.Named("class name")(input);
        return cls.WasSuccessful
            ? Result.Success<(string?, string)>((@namespace, cls.Value), cls.Remainder)
            : Failure<(string?, string)>(cls.Remainder, cls.Message, cls.Expectations);
    }

    private static IResult<(object Value, CimType Type)> ParseKeyValue(IInput input)
    {
        if (input.AtEnd)
            return Failure<(object, CimType)>(input, string.Empty, [ValueExpectation]);

        switch (input.Current)
        {
            case '"':
            {
                var s = QuotedString(input);
                return s.WasSuccessful
                    ? Result.Success<(object, CimType)>((s.Value, CimType.String), s.Remainder)
                    : Failure<(object, CimType)>(s.Remainder, s.Message, s.Expectations);
            }

            case '(':
                return ParseTypedValue(input);

            default:
            {
                var token = BareToken(input);
                if (!token.WasSuccessful)
                    return Failure<(object, CimType)>(input, string.Empty, [ValueExpectation]);
                return TryUntypedValue(token.Value, out var value, out var type, out var error)
                    ? Result.Success<(object, CimType)>((value, type), token.Remainder)
                    : Failure<(object, CimType)>(input, error, []);
            }
        }
    }

    private static IResult<(object, CimType)> ParseTypedValue(IInput input)
    {
        var prefix = TypePrefix(input);
        if (!prefix.WasSuccessful)
            return Failure<(object, CimType)>(prefix.Remainder, prefix.Message, prefix.Expectations);

        var typeName = prefix.Value;
        CimType type;
        if (typeName.Equals("reference", StringComparison.OrdinalIgnoreCase) || typeName.Equals("ref", StringComparison.OrdinalIgnoreCase))
        {
            type = CimType.Reference;
        }
        else if (!CimTypeInfo.TryParseMofName(typeName, out type))
        {
            return Failure<(object, CimType)>(input.Advance(),
                $"unknown type '{typeName}' in typed value; expected boolean, uint8..sint64, real32, real64, char16, string, datetime or reference", []);
        }

        var at = prefix.Remainder;
        string text;
        IInput after;
        if (!at.AtEnd && at.Current == '"')
        {
            var quoted = QuotedString(at);
            if (!quoted.WasSuccessful)
                return Failure<(object, CimType)>(quoted.Remainder, quoted.Message, quoted.Expectations);
            text = quoted.Value;
            after = quoted.Remainder;
        }
        else if (type is CimType.String or CimType.Char16 or CimType.DateTime or CimType.Reference)
        {
            return Failure<(object, CimType)>(at, string.Empty, [$"a quoted value after ({typeName})"]);
        }
        else
        {
            var token = BareToken(at);
            if (!token.WasSuccessful)
                return Failure<(object, CimType)>(at, string.Empty, [$"a {CimTypeInfo.ToMofName(type)} value after ({typeName})"]);
            text = token.Value;
            after = token.Remainder;
        }

        if (type == CimType.Reference)
        {
            return TryParseCore(text, out var reference, out var innerColumn, out var innerDetail)
                ? Result.Success<(object, CimType)>((reference, type), after)
                : Failure<(object, CimType)>(at, $"invalid reference value \"{text}\": column {innerColumn} of the quoted path: {innerDetail}", []);
        }

        try
        {
            var value = CimValueConverter.FromText(text, CimDataType.Scalar(type))!;
            return Result.Success<(object, CimType)>((value, type), after);
        }
        catch (CimException ex)
        {
            return Failure<(object, CimType)>(at, ex.Message, []);
        }
    }

    /// <summary>Types an untyped (unquoted) key value: boolean, integer (sint64, else uint64) or real64.</summary>
    private static bool TryUntypedValue(string token, [NotNullWhen(true)] out object? value, out CimType type, out string error)
    {
        error = string.Empty;
        if (token.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || token.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
        {
            value = token.Length == 4;
            type = CimType.Boolean;
            return true;
        }

        if (IntegerRegex().IsMatch(token))
        {
            var negative = token[0] == '-';
            var digits = token.TrimStart('+', '-');
            var magnitude = digits.Length > 2 && digits[1] is 'x' or 'X'
                ? BigInteger.Parse("0" + digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
                : BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            var number = negative ? -magnitude : magnitude;
            if (number >= long.MinValue && number <= long.MaxValue)
            {
                value = (long)number;
                type = CimType.SInt64;
                return true;
            }

            if (number >= ulong.MinValue && number <= ulong.MaxValue)
            {
                value = (ulong)number;
                type = CimType.UInt64;
                return true;
            }

            value = null;
            type = default;
            error = $"integer {token} is out of range (sint64 and uint64 are the widest key types)";
            return false;
        }

        if (RealRegex().IsMatch(token) || SpecialRealRegex().IsMatch(token))
        {
            try
            {
                value = CimValueConverter.FromText(token, CimDataType.Scalar(CimType.Real64))!;
                type = CimType.Real64;
                return true;
            }
            catch (CimException ex)
            {
                value = null;
                type = default;
                error = ex.Message;
                return false;
            }
        }

        value = null;
        type = default;
        error = $"invalid key value '{token}'; expected a quoted string, an integer, a real number, TRUE or FALSE";
        return false;
    }

    private static Parser<CimObjectPath> Build(string? host, string? @namespace, string className,
        List<(string Name, IInput Start, object Value, CimType Type)>? keys) => input =>
    {
        var bindings = new List<CimKeyBinding>();
        if (keys is not null)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var key in keys)
            {
                if (!seen.Add(key.Name))
                    return Failure<CimObjectPath>(key.Start, $"key '{key.Name}' is given more than once", []);
                bindings.Add(new CimKeyBinding(key.Name, key.Value, key.Type));
            }
        }

        return Result.Success(new CimObjectPath(host, @namespace, className, bindings), input);
    };

    private static Parser<string> EndOfPath(string[] expectations) => input =>
        input.AtEnd ? Result.Success(string.Empty, input) : Failure<string>(input, string.Empty, expectations);

    private static Parser<(T Text, IInput Start)> Located<T>(Parser<T> parser) => input =>
    {
        var r = parser(input);
        return r.WasSuccessful
            ? Result.Success((r.Value, input), r.Remainder)
            : Failure<(T, IInput)>(r.Remainder, r.Message, r.Expectations);
    };

    private static IResult<T> Failure<T>(IInput at, string message, IEnumerable<string> expectations) =>
        Result.Failure<T>(at, message, expectations);

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsIdentifier(string s) => s.Length > 0 && IsIdentifierStart(s[0]) && s.All(IsIdentifierPart);

    // Any scheme before "/" (http://host/..., wbem:/root:...), or a DSP0207 namespace type before a
    // namespace path (https:root/cimv2:CIM_Foo), which needs a later ':' outside quotes.
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.\-]*:(?=/)|(?i:https?|wbems?|cimxml\.wbems?):(?=[^:""]*:)")]
    private static partial Regex SchemeRegex();

    [GeneratedRegex("//")]
    private static partial Regex DoubleSlashRegex();

    [GeneratedRegex(@"(?:[^/@\s""]*@)?(?<host>\[[0-9A-Za-z:.%]+\]|[A-Za-z0-9._~%!$&'*+;=\-]+)(?<port>:[0-9]*)?")]
    private static partial Regex HostRegex();

    [GeneratedRegex(@"[A-Za-z0-9+\-._]+")]
    private static partial Regex BareTokenRegex();

    [GeneratedRegex(@"\s*=\s*")]
    private static partial Regex EqualsRegex();

    [GeneratedRegex(@"\s*,\s*")]
    private static partial Regex CommaRegex();

    [GeneratedRegex(@"^[+-]?(?:0[xX][0-9A-Fa-f]+|[0-9]+)$")]
    private static partial Regex IntegerRegex();

    [GeneratedRegex(@"^[+-]?(?:[0-9]*\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?=[eE]))(?:[eE][+-]?[0-9]+)?$")]
    private static partial Regex RealRegex();

    [GeneratedRegex(@"^(?:[+-]?(?:INF|Infinity)|NaN)$", RegexOptions.IgnoreCase)]
    private static partial Regex SpecialRealRegex();
}
