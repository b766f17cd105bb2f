using System.Globalization;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Syntax;

namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// Recursive-descent parser for one MOF file (DSP0004 Annex A, mof.md sections 3-7). Productions go to the
/// session's list, includes are expanded through the session. After a syntax error it skips to the end of
/// the current top-level statement and goes on, so one run reports several errors.
/// </summary>
/// <remarks>
/// Locations: a production is located at its keyword (<c>#</c>, <c>qualifier</c>, <c>class</c>,
/// <c>instance</c>); features, parameters, qualifier values and instance property values at their name;
/// types and values at their first token.
/// </remarks>
internal sealed class MofSyntaxParser
{
    private const int ShortStringPoolLimit = 24;

    private static readonly CimType?[] IntrinsicTypes = BuildIntrinsicTypes();

    private readonly MofParseSession _session;
    private readonly MofFileUnit _unit;
    private readonly MofStringPool _pool;
    private readonly MofIncludeChain _chain;
    private readonly MofDiagnosticBag _diagnostics;
    private readonly MofLexer _lexer;
    private readonly char[] _chars;
    private readonly int _length;
    private readonly string _file;
    private readonly bool _lenient;
    private readonly List<MofToken> _stringParts = [];
    private MofToken _current;
    private MofToken _peeked;
    private bool _hasPeeked;
    private int _depth;

    /// <summary>Parses <c>chars[0..length)</c> of the innermost file of <paramref name="chain"/> into <paramref name="unit"/>.</summary>
    public MofSyntaxParser(MofParseSession session, MofFileUnit unit, MofStringPool pool, char[] chars, int length, MofIncludeChain chain)
    {
        _session = session;
        _unit = unit;
        _pool = pool;
        _chain = chain;
        _diagnostics = unit.Diagnostics;
        _chars = chars;
        _length = length;
        _file = chain.File;
        _lenient = session.Options.Lenient;
        _lexer = new MofLexer(chars, length, _file, _diagnostics, pool, _lenient);
    }

    public void ParseAll()
    {
        _current = _lexer.Next();
        while (_current.Kind != MofTokenKind.EndOfFile)
        {
            _depth = 0;
            int start = _current.Start;
            if (ParseStatement())
                continue;
            Recover();
            if (_current.Start == start && _current.Kind != MofTokenKind.EndOfFile)
                Advance();
        }
    }

    // ---------------------------------------------------------------- statements

    private bool ParseStatement()
    {
        switch (_current.Kind)
        {
            case MofTokenKind.Hash:
                return ParsePragma();
            case MofTokenKind.Semicolon:
                Report(_lenient, Loc(_current), "unexpected ';' (no statement before it)");
                Advance();
                return true;
            case MofTokenKind.LeftBracket:
            {
                if (!ParseQualifierList(out var qualifiers))
                    return false;
                if (_current.Is(MofKeyword.Class))
                    return ParseClass(qualifiers);
                if (_current.Is(MofKeyword.Instance))
                    return ParseInstance(qualifiers);
                ErrorExpected("'class' or 'instance'", "after qualifier list");
                return false;
            }

            case MofTokenKind.Identifier when _current.Keyword == MofKeyword.Class:
                return ParseClass([]);
            case MofTokenKind.Identifier when _current.Keyword == MofKeyword.Instance:
                return ParseInstance([]);
            case MofTokenKind.Identifier when _current.Keyword == MofKeyword.Qualifier:
                return ParseQualifierDeclaration();
            default:
                ErrorExpected("'class', 'instance', 'qualifier', '[' or '#pragma'", "at the start of a statement");
                return false;
        }
    }

    private bool ParsePragma()
    {
        var location = Loc(_current);
        int line = _current.Line;
        Advance();
        if (!_current.Is(MofKeyword.Pragma))
            return PragmaFailed("'pragma'", "after '#'", line);
        Advance();
        if (_current.Kind != MofTokenKind.Identifier)
            return PragmaFailed("a pragma name", "after '#pragma'", line);
        string name = _current.Text!;
        Advance();
        if (_current.Kind != MofTokenKind.LeftParen)
            return PragmaFailed("'('", new("after '#pragma {0}'", name), line);
        Advance();
        if (_current.Kind != MofTokenKind.String)
            return PragmaFailed("a string", new("as the argument of '#pragma {0}'", name), line);
        string value = ReadString();
        if (_current.Kind != MofTokenKind.RightParen)
            return PragmaFailed("')'", new("after the argument of '#pragma {0}'", name), line);
        Advance();

        if (name.Equals("include", StringComparison.OrdinalIgnoreCase))
            _session.Include(_unit, value, location, _chain);
        else
            _unit.Productions.Add(new MofPragma(location, name, value));
        return true;
    }

    /// <summary>Pragmas have no terminating ';': skip the rest of the pragma's line instead.</summary>
    private bool PragmaFailed(string expected, Context context, int line)
    {
        ErrorExpected(expected, context);
        while (_current.Kind is not (MofTokenKind.EndOfFile or MofTokenKind.Hash) && _current.Line == line)
            Advance();
        return true;
    }

    private bool ParseQualifierDeclaration()
    {
        var location = Loc(_current);
        Advance();
        if (!ExpectName("a qualifier name", "after 'qualifier'", out string name, out _))
            return false;
        if (!Expect(MofTokenKind.Colon, new("after qualifier name '{0}'", name)))
            return false;
        var typeToken = _current;
        if (!TryIntrinsicType(typeToken, out var type))
        {
            if (typeToken.Is(MofKeyword.Ref))
                Error(Loc(typeToken), $"qualifier '{name}' cannot have a reference type");
            else
                ErrorExpected("an intrinsic data type", new("for qualifier '{0}'", name));
            return false;
        }

        Advance();
        if (!ParseArraySuffix(out bool isArray, out int? size))
            return false;
        var typeRef = new MofTypeRef(Loc(typeToken), type, null, isArray, size);

        MofValue? defaultValue = null;
        if (Accept(MofTokenKind.Equals))
        {
            defaultValue = ParseInitializer(allowAlias: false, new("as the default value of qualifier '{0}'", name));
            if (defaultValue is null)
                return false;
        }

        if (!Expect(MofTokenKind.Comma, new("and 'Scope(...)' in the declaration of qualifier '{0}'", name)))
            return false;
        if (!_current.Is(MofKeyword.Scope))
        {
            ErrorExpected("'Scope'", new("in the declaration of qualifier '{0}'", name));
            return false;
        }

        Advance();
        if (!Expect(MofTokenKind.LeftParen, "after 'Scope'"))
            return false;
        var scope = CimScope.None;
        do
        {
            var scopeKind = _current.Kind == MofTokenKind.Identifier ? ScopeOf(_current.Keyword) : CimScope.None;
            if (scopeKind == CimScope.None)
            {
                ErrorExpected("a scope (class, association, indication, property, reference, method, parameter, qualifier, any)", "in 'Scope(...)'");
                return false;
            }

            scope |= scopeKind;
            Advance();
        }
        while (Accept(MofTokenKind.Comma));

        if (!Expect(MofTokenKind.RightParen, "to close 'Scope(...)'"))
            return false;

        var flavors = CimFlavor.None;
        if (Accept(MofTokenKind.Comma))
        {
            if (!_current.Is(MofKeyword.Flavor))
            {
                ErrorExpected("'Flavor'", new("after 'Scope(...),' in the declaration of qualifier '{0}'", name));
                return false;
            }

            var flavorLocation = Loc(_current);
            Advance();
            if (!Expect(MofTokenKind.LeftParen, "after 'Flavor'"))
                return false;
            do
            {
                var flavor = _current.Kind == MofTokenKind.Identifier ? FlavorOf(_current.Keyword) : CimFlavor.None;
                if (flavor == CimFlavor.None)
                {
                    ErrorExpected("a flavor (EnableOverride, DisableOverride, ToSubclass, Restricted, Translatable, ToInstance)", "in 'Flavor(...)'");
                    return false;
                }

                flavors |= flavor;
                Advance();
            }
            while (Accept(MofTokenKind.Comma));

            if (!Expect(MofTokenKind.RightParen, "to close 'Flavor(...)'"))
                return false;
            CheckFlavorConflicts(flavors, flavorLocation, $"qualifier '{name}'");
        }

        _unit.Productions.Add(new MofQualifierDeclaration(location, name, typeRef, defaultValue, scope, flavors));
        ExpectStatementEnd("after qualifier declaration");
        return true;
    }

    private bool ParseClass(IReadOnlyList<MofQualifierValue> qualifiers)
    {
        var location = Loc(_current);
        Advance();
        if (!ExpectName("a class name", "after 'class'", out string name, out _))
            return false;
        if (_current.Is(MofKeyword.As))
        {
            Advance();
            if (_current.Kind != MofTokenKind.Alias)
            {
                ErrorExpected("an alias ('$name')", "after 'as'");
                return false;
            }

            Advance();
        }

        string? superClass = null;
        if (Accept(MofTokenKind.Colon) && !ExpectName("a superclass name", new("after '{0} :'", name), out superClass, out _))
            return false;
        if (!Expect(MofTokenKind.LeftBrace, new("to open the body of class '{0}'", name)))
            return false;

        List<MofFeature> features = [];
        while (_current.Kind != MofTokenKind.RightBrace)
        {
            if (_current.Kind == MofTokenKind.EndOfFile)
            {
                ErrorExpected("'}'", new("to close class '{0}'", name));
                return false;
            }

            var feature = ParseFeature();
            if (feature is null)
                return false;
            features.Add(feature);
        }

        Advance();
        _unit.Productions.Add(new MofClassDeclaration(location, qualifiers, name, superClass, features));
        ExpectStatementEnd(new("after the declaration of class '{0}'", name));
        return true;
    }

    private MofFeature? ParseFeature()
    {
        IReadOnlyList<MofQualifierValue> qualifiers = [];
        if (_current.Kind == MofTokenKind.LeftBracket && !ParseQualifierList(out qualifiers))
            return null;
        if (!ParseDataType("a property, reference or method declaration", out var type))
            return null;
        bool isReference = type.Type == CimType.Reference;
        if (!ExpectName(isReference ? "a reference name" : "a property or method name", AfterType(type),
                out string name, out var nameToken))
        {
            return null;
        }

        var location = Loc(nameToken);
        if (_current.Kind == MofTokenKind.LeftParen)
        {
            if (isReference)
            {
                Error(type.Location, $"method '{name}' must return an intrinsic scalar type, not '{DescribeType(type)}'");
                return null;
            }

            Advance();
            var parameters = ParseParameters(name);
            if (parameters is null)
                return null;
            if (!Expect(MofTokenKind.Semicolon, "after method declaration"))
                return null;
            return new MofMethodDeclaration(location, qualifiers, type, name, parameters);
        }

        if (!isReference)
        {
            if (!ParseArraySuffix(out bool isArray, out int? size))
                return null;
            if (isArray)
                type = type with { IsArray = true, ArraySize = size };
        }

        MofValue? defaultValue = null;
        if (Accept(MofTokenKind.Equals))
        {
            defaultValue = ParseInitializer(allowAlias: isReference, new("as the default value of '{0}'", name));
            if (defaultValue is null)
                return null;
        }

        if (!Expect(MofTokenKind.Semicolon, isReference ? "after reference declaration" : "after property declaration"))
            return null;
        return new MofPropertyDeclaration(location, qualifiers, type, name, defaultValue);
    }

    private List<MofParameterDeclaration>? ParseParameters(string method)
    {
        List<MofParameterDeclaration> parameters = [];
        if (Accept(MofTokenKind.RightParen))
            return parameters;
        while (true)
        {
            IReadOnlyList<MofQualifierValue> qualifiers = [];
            if (_current.Kind == MofTokenKind.LeftBracket && !ParseQualifierList(out qualifiers))
                return null;
            if (!ParseDataType(new("a parameter of method '{0}'", method), out var type))
                return null;
            if (!ExpectName("a parameter name", AfterType(type), out string name, out var nameToken))
                return null;
            if (!ParseArraySuffix(out bool isArray, out int? size))
                return null;
            if (isArray)
                type = type with { IsArray = true, ArraySize = size };
            if (_current.Kind == MofTokenKind.Equals)
            {
                Error(Loc(_current), $"parameter '{name}' cannot have a default value in MOF 2.x");
                return null;
            }

            parameters.Add(new MofParameterDeclaration(Loc(nameToken), qualifiers, type, name));
            if (Accept(MofTokenKind.Comma))
                continue;
            if (Accept(MofTokenKind.RightParen))
                return parameters;
            ErrorExpected("',' or ')'", new("in the parameter list of method '{0}'", method));
            return null;
        }
    }

    /// <summary>An intrinsic type keyword, or <c>ClassName REF</c>.</summary>
    private bool ParseDataType(Context what, out MofTypeRef type)
    {
        var first = _current;
        if (TryIntrinsicType(first, out var intrinsic))
        {
            Advance();
            type = new MofTypeRef(Loc(first), intrinsic, null, false, null);
            return true;
        }

        if (first.Kind == MofTokenKind.Identifier && Peek().Is(MofKeyword.Ref))
        {
            Advance();
            Advance();
            type = new MofTypeRef(Loc(first), CimType.Reference, first.Text, false, null);
            return true;
        }

        type = null!;
        if (first.Kind == MofTokenKind.Identifier && Peek().Kind == MofTokenKind.Identifier)
            Error(Loc(first), $"expected a data type (intrinsic type or 'ClassName REF') for {what.Text}, found '{first.Text}'");
        else
            ErrorExpected($"{what.Text} (a data type: intrinsic type or 'ClassName REF')", "");
        return false;
    }

    private bool ParseInstance(IReadOnlyList<MofQualifierValue> qualifiers)
    {
        var location = Loc(_current);
        Advance();
        if (!_current.Is(MofKeyword.Of))
        {
            ErrorExpected("'of'", "after 'instance'");
            return false;
        }

        Advance();
        if (!ExpectName("a class name", "after 'instance of'", out string className, out _))
            return false;
        string? alias = null;
        if (_current.Is(MofKeyword.As))
        {
            Advance();
            if (_current.Kind != MofTokenKind.Alias)
            {
                ErrorExpected("an alias ('$name')", "after 'as'");
                return false;
            }

            alias = _current.Text;
            Advance();
        }

        if (!Expect(MofTokenKind.LeftBrace, new("to open the body of 'instance of {0}'", className)))
            return false;
        List<MofPropertyValue> values = [];
        while (_current.Kind != MofTokenKind.RightBrace)
        {
            if (_current.Kind == MofTokenKind.EndOfFile)
            {
                ErrorExpected("'}'", new("to close 'instance of {0}'", className));
                return false;
            }

            IReadOnlyList<MofQualifierValue> valueQualifiers = [];
            if (_current.Kind == MofTokenKind.LeftBracket && !ParseQualifierList(out valueQualifiers))
                return false;
            if (!ExpectName("a property name", new("in 'instance of {0}'", className), out string name, out var nameToken))
                return false;
            if (!Expect(MofTokenKind.Equals, new("after property name '{0}'", name)))
                return false;
            var value = ParseInitializer(allowAlias: true, new("for property '{0}'", name));
            if (value is null)
                return false;
            if (!Expect(MofTokenKind.Semicolon, "after property value"))
                return false;
            values.Add(new MofPropertyValue(Loc(nameToken), valueQualifiers, name, value));
        }

        Advance();
        _unit.Productions.Add(new MofInstanceDeclaration(location, qualifiers, className, alias, values));
        ExpectStatementEnd(new("after 'instance of {0}'", className));
        return true;
    }

    // ---------------------------------------------------------------- qualifier lists

    private bool ParseQualifierList(out IReadOnlyList<MofQualifierValue> qualifiers)
    {
        Advance();
        List<MofQualifierValue> list = [];
        qualifiers = list;
        while (true)
        {
            if (!ExpectName("a qualifier name", list.Count == 0 ? "after '['" : "in qualifier list", out string name, out var nameToken))
                return false;
            MofValue? value = null;
            if (_current.Kind == MofTokenKind.LeftParen)
            {
                Advance();
                if (_current.Kind == MofTokenKind.LeftBrace)
                {
                    if (!_lenient)
                        _diagnostics.Warning(Loc(_current), $"'{name}({{...}})' is not MOF 2.x syntax; write '{name} {{...}}'");
                    value = ParseArray(allowAlias: false, new("for qualifier '{0}'", name));
                }
                else
                {
                    value = ParseScalar(allowAlias: false, new("for qualifier '{0}'", name));
                }

                if (value is null || !Expect(MofTokenKind.RightParen, new("to close the value of qualifier '{0}'", name)))
                    return false;
            }
            else if (_current.Kind == MofTokenKind.LeftBrace)
            {
                value = ParseArray(allowAlias: false, new("for qualifier '{0}'", name));
                if (value is null)
                    return false;
            }

            var flavors = CimFlavor.None;
            if (_current.Kind == MofTokenKind.Colon)
            {
                var flavorLocation = Loc(_current);
                Advance();
                do
                {
                    var flavor = _current.Kind == MofTokenKind.Identifier ? FlavorOf(_current.Keyword) : CimFlavor.None;
                    if (flavor == CimFlavor.None)
                    {
                        ErrorExpected("a flavor (EnableOverride, DisableOverride, ToSubclass, Restricted, Translatable, ToInstance)",
                            new("after '{0}:'", name));
                        return false;
                    }

                    flavors |= flavor;
                    Advance();
                }
                while (_current.Kind == MofTokenKind.Identifier && FlavorOf(_current.Keyword) != CimFlavor.None);

                CheckFlavorConflicts(flavors, flavorLocation, $"qualifier '{name}'");
            }

            list.Add(new MofQualifierValue(Loc(nameToken), name, value, flavors));
            if (Accept(MofTokenKind.Comma))
                continue;
            if (Accept(MofTokenKind.RightBracket))
                return true;
            ErrorExpected("',' or ']'", new("after qualifier '{0}'", name));
            return false;
        }
    }

    private void CheckFlavorConflicts(CimFlavor flavors, SourceLocation location, string owner)
    {
        if ((flavors & (CimFlavor.EnableOverride | CimFlavor.DisableOverride)) == (CimFlavor.EnableOverride | CimFlavor.DisableOverride))
            Error(location, $"conflicting flavors EnableOverride and DisableOverride for {owner}");
        if ((flavors & (CimFlavor.ToSubclass | CimFlavor.Restricted)) == (CimFlavor.ToSubclass | CimFlavor.Restricted))
            Error(location, $"conflicting flavors ToSubclass and Restricted for {owner}");
    }

    // ---------------------------------------------------------------- values

    /// <summary><c>[ ]</c> or <c>[ N ]</c>; nothing when the current token is not <c>[</c>.</summary>
    private bool ParseArraySuffix(out bool isArray, out int? size)
    {
        isArray = false;
        size = null;
        if (_current.Kind != MofTokenKind.LeftBracket)
            return true;
        Advance();
        isArray = true;
        if (_current.Kind == MofTokenKind.Integer)
        {
            var token = _current;
            if (!TryConvertInteger(token, out var value, out _) || value <= 0 || value > int.MaxValue)
            {
                Error(Loc(token), $"array size must be a positive integer, found '{TokenText(token)}'");
                return false;
            }

            size = (int)value;
            Advance();
        }

        return Expect(MofTokenKind.RightBracket, size is null ? "or an array size after '['" : "after the array size");
    }

    private MofValue? ParseInitializer(bool allowAlias, Context context) =>
        _current.Kind == MofTokenKind.LeftBrace ? ParseArray(allowAlias, context) : ParseScalar(allowAlias, context);

    private MofArrayValue? ParseArray(bool allowAlias, Context context)
    {
        var location = Loc(_current);
        Advance();
        List<MofValue> items = [];
        if (Accept(MofTokenKind.RightBrace))
            return new MofArrayValue(location, items);
        while (true)
        {
            var item = ParseScalar(allowAlias, "in array value");
            if (item is null)
                return null;
            items.Add(item);
            if (Accept(MofTokenKind.Comma))
                continue;
            if (Accept(MofTokenKind.RightBrace))
                return new MofArrayValue(location, items);
            ErrorExpected("',' or '}'", "in array value");
            return null;
        }
    }

    private MofValue? ParseScalar(bool allowAlias, Context context)
    {
        var token = _current;
        var location = Loc(token);
        switch (token.Kind)
        {
            case MofTokenKind.String:
                return new MofStringValue(location, ReadString());
            case MofTokenKind.Integer:
            {
                Advance();
                string text = _pool.Intern(Text.Slice(token.Start, token.Length));
                if (!TryConvertInteger(token, out var value, out bool overflow) && overflow)
                    Error(location, $"integer literal '{text}' is out of range (beyond 128-bit)");
                return new MofIntegerValue(location, value, text);
            }

            case MofTokenKind.Real:
            {
                Advance();
                string text = TokenText(token);
                double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsInfinity(value))
                    Error(location, $"real literal '{text}' is out of range");
                return new MofRealValue(location, value, text);
            }

            case MofTokenKind.Char:
                Advance();
                return new MofCharValue(location, (char)token.Extra);
            case MofTokenKind.Alias:
                if (!allowAlias)
                {
                    Error(location, $"alias '${token.Text}' is not allowed here (aliases are values of references and instance properties)");
                    return null;
                }

                Advance();
                return new MofAliasValue(location, token.Text!);
            case MofTokenKind.Identifier when token.Keyword == MofKeyword.True:
                Advance();
                return new MofBooleanValue(location, true);
            case MofTokenKind.Identifier when token.Keyword == MofKeyword.False:
                Advance();
                return new MofBooleanValue(location, false);
            case MofTokenKind.Identifier when token.Keyword == MofKeyword.Null:
                Advance();
                return new MofNullValue(location);
            case MofTokenKind.LeftBrace:
                Error(location, $"nested array value {context.Text} (only scalar values may appear in '{{...}}')");
                return null;
            default:
                ErrorExpected("a value", context);
                return null;
        }
    }

    /// <summary>Consumes one or more adjacent string literals and returns the decoded, concatenated value.</summary>
    private string ReadString()
    {
        var first = _current;
        Advance();
        if (_current.Kind != MofTokenKind.String)
            return MakeString(first);

        _stringParts.Clear();
        _stringParts.Add(first);
        int length = first.Extra;
        while (_current.Kind == MofTokenKind.String)
        {
            _stringParts.Add(_current);
            length += _current.Extra;
            Advance();
        }

        return string.Create(length, this, static (destination, parser) =>
        {
            int written = 0;
            foreach (var part in parser._stringParts)
                written += parser.DecodeInto(part, destination[written..]);
        });
    }

    private string MakeString(MofToken token)
    {
        var body = Text.Slice(token.Start + 1, token.Length - 2);
        if (!token.HasEscapes)
            return body.Length <= ShortStringPoolLimit ? _pool.Intern(body) : new string(body);
        return string.Create(token.Extra, (Parser: this, Token: token), static (destination, state) =>
            state.Parser.DecodeInto(state.Token, destination));
    }

    private int DecodeInto(MofToken token, Span<char> destination)
    {
        var body = Text.Slice(token.Start + 1, token.Length - 2);
        if (token.HasEscapes)
            return MofEscapes.Decode(body, destination);
        body.CopyTo(destination);
        return body.Length;
    }

    private bool TryConvertInteger(MofToken token, out Int128 value, out bool overflow)
    {
        var span = Text.Slice(token.Start, token.Length);
        bool negative = false;
        if (span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        var radix = (MofIntegerRadix)token.Extra;
        span = radix switch
        {
            MofIntegerRadix.Hex => span[2..],
            MofIntegerRadix.Binary => span[..^1],
            _ => span,
        };

        UInt128 magnitude = 0;
        uint baseValue = (uint)radix;
        UInt128 limit = UInt128.MaxValue / baseValue;
        overflow = false;
        foreach (char c in span)
        {
            uint digit = c <= '9' ? (uint)(c - '0') : (uint)((c | 0x20) - 'a' + 10);
            if (magnitude > limit || (magnitude == limit && digit > UInt128.MaxValue % baseValue))
            {
                overflow = true;
                break;
            }

            magnitude = (magnitude * baseValue) + digit;
        }

        var maxPositive = (UInt128)Int128.MaxValue;
        if (overflow || magnitude > maxPositive + (negative ? 1u : 0u))
        {
            overflow = true;
            value = 0;
            return false;
        }

        value = negative ? (magnitude == maxPositive + 1 ? Int128.MinValue : -(Int128)magnitude) : (Int128)magnitude;
        return true;
    }

    // ---------------------------------------------------------------- token helpers

    private void Advance()
    {
        if (_current.Kind == MofTokenKind.LeftBrace)
            _depth++;
        else if (_current.Kind == MofTokenKind.RightBrace && _depth > 0)
            _depth--;

        if (_hasPeeked)
        {
            _current = _peeked;
            _hasPeeked = false;
        }
        else
        {
            _current = _lexer.Next();
        }
    }

    private MofToken Peek()
    {
        if (!_hasPeeked)
        {
            _peeked = _lexer.Next();
            _hasPeeked = true;
        }

        return _peeked;
    }

    private bool Accept(MofTokenKind kind)
    {
        if (_current.Kind != kind)
            return false;
        Advance();
        return true;
    }

    private bool Expect(MofTokenKind kind, Context context)
    {
        if (Accept(kind))
            return true;
        ErrorExpected(Describe(kind), context);
        return false;
    }

    private bool ExpectName(string what, Context context, out string name, out MofToken token)
    {
        token = _current;
        if (token.Kind == MofTokenKind.Identifier)
        {
            name = token.Text!;
            Advance();
            return true;
        }

        name = "";
        ErrorExpected(what, context);
        return false;
    }

    /// <summary>
    /// The final ';' of a statement. When it is missing the statement is still kept; what follows is parsed
    /// as the next statement when it looks like one, else skipped.
    /// </summary>
    private void ExpectStatementEnd(Context context)
    {
        if (Accept(MofTokenKind.Semicolon))
            return;
        ErrorExpected("';'", context);
        if (!LooksLikeStatementStart())
            Recover();
    }

    private bool LooksLikeStatementStart() => _current.Kind switch
    {
        MofTokenKind.EndOfFile or MofTokenKind.Hash or MofTokenKind.LeftBracket => true,
        MofTokenKind.Identifier => _current.Keyword is MofKeyword.Class or MofKeyword.Instance or MofKeyword.Qualifier,
        _ => false,
    };

    /// <summary>
    /// Error recovery: skip to the end of the current top-level statement (the next ';' at brace depth 0),
    /// or stop earlier at a '#' or at a line starting with a new class, instance or qualifier declaration.
    /// </summary>
    private void Recover()
    {
        while (true)
        {
            switch (_current.Kind)
            {
                case MofTokenKind.EndOfFile:
                case MofTokenKind.Hash:
                    return;
                case MofTokenKind.Semicolon when _depth == 0:
                    Advance();
                    return;
                case MofTokenKind.Identifier when _current.AtLineStart && StartsDeclaration():
                    return;
            }

            Advance();
        }
    }

    private bool StartsDeclaration() => _current.Keyword switch
    {
        MofKeyword.Class or MofKeyword.Qualifier => Peek().Kind == MofTokenKind.Identifier && Peek().Keyword != MofKeyword.Ref,
        MofKeyword.Instance => Peek().Is(MofKeyword.Of),
        _ => false,
    };

    private void ErrorExpected(string expected, Context context)
    {
        if (_current.Kind == MofTokenKind.Error)
            return;
        string text = context.Text;
        string where = text.Length == 0 ? "" : " " + text;
        Error(Loc(_current), $"expected {expected}{where}, found {Describe(_current)}");
    }

    private void Error(SourceLocation location, string message) => _diagnostics.Error(location, message);

    private void Report(bool warningOnly, SourceLocation location, string message)
    {
        if (warningOnly)
            _diagnostics.Warning(location, message);
        else
            _diagnostics.Error(location, message);
    }

    private SourceLocation Loc(MofToken token) => new(_file, token.Line, token.Column);

    private ReadOnlySpan<char> Text => new(_chars, 0, _length);

    private string TokenText(MofToken token) => new(Text.Slice(token.Start, token.Length));

    private string Describe(MofToken token) => token.Kind switch
    {
        MofTokenKind.EndOfFile => "end of file",
        MofTokenKind.String => token.Length > 32 ? $"string {Text.Slice(token.Start, 30)}...\"" : $"string {TokenText(token)}",
        MofTokenKind.Char => $"char16 literal {TokenText(token)}",
        MofTokenKind.Integer or MofTokenKind.Real => $"number '{TokenText(token)}'",
        _ => $"'{TokenText(token)}'",
    };

    private static string Describe(MofTokenKind kind) => kind switch
    {
        MofTokenKind.LeftBrace => "'{'",
        MofTokenKind.RightBrace => "'}'",
        MofTokenKind.LeftBracket => "'['",
        MofTokenKind.RightBracket => "']'",
        MofTokenKind.LeftParen => "'('",
        MofTokenKind.RightParen => "')'",
        MofTokenKind.Semicolon => "';'",
        MofTokenKind.Comma => "','",
        MofTokenKind.Colon => "':'",
        MofTokenKind.Equals => "'='",
        MofTokenKind.Hash => "'#'",
        _ => kind.ToString(),
    };

    private static Context AfterType(MofTypeRef type) => type.Type == CimType.Reference
        ? new("after type '{0} REF'", type.ReferenceClass)
        : new("after type '{0}'", CimTypeInfo.ToMofName(type.Type));

    private static string DescribeType(MofTypeRef type) =>
        type.Type == CimType.Reference ? $"{type.ReferenceClass} REF" : CimTypeInfo.ToMofName(type.Type);

    private static bool TryIntrinsicType(MofToken token, out CimType type)
    {
        type = default;
        if (token.Kind != MofTokenKind.Identifier || IntrinsicTypes[(int)token.Keyword] is not { } found)
            return false;
        type = found;
        return true;
    }

    private static CimType?[] BuildIntrinsicTypes()
    {
        var keywords = Enum.GetValues<MofKeyword>();
        var table = new CimType?[keywords.Length];
        foreach (var keyword in keywords)
        {
            if (keyword != MofKeyword.None && CimTypeInfo.TryParseMofName(keyword.ToString(), out var type))
                table[(int)keyword] = type;
        }

        return table;
    }

    private static CimScope ScopeOf(MofKeyword keyword) => keyword switch
    {
        MofKeyword.Class => CimScope.Class,
        MofKeyword.Association => CimScope.Association,
        MofKeyword.Indication => CimScope.Indication,
        MofKeyword.Property => CimScope.Property,
        MofKeyword.Reference => CimScope.Reference,
        MofKeyword.Method => CimScope.Method,
        MofKeyword.Parameter => CimScope.Parameter,
        MofKeyword.Qualifier => CimScope.Qualifier,
        MofKeyword.Any => CimScope.Any,
        _ => CimScope.None,
    };

    private static CimFlavor FlavorOf(MofKeyword keyword) => keyword switch
    {
        MofKeyword.EnableOverride => CimFlavor.EnableOverride,
        MofKeyword.DisableOverride => CimFlavor.DisableOverride,
        MofKeyword.ToSubclass => CimFlavor.ToSubclass,
        MofKeyword.Restricted => CimFlavor.Restricted,
        MofKeyword.Translatable => CimFlavor.Translatable,
        MofKeyword.ToInstance => CimFlavor.ToInstance,
        _ => CimFlavor.None,
    };

    /// <summary>
    /// The "where" part of an error message, formatted only when an error is reported (building it for
    /// every token would cost more than the parse).
    /// </summary>
    private readonly struct Context
    {
        public Context(string format, string? argument = null)
        {
            Format = format;
            Argument = argument;
        }

        public string Format { get; }

        public string? Argument { get; }

        public string Text => Argument is null ? Format : string.Format(CultureInfo.InvariantCulture, Format, Argument);

        public static implicit operator Context(string text) => new(text);
    }
}
