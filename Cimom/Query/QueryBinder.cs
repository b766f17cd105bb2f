using CimCloud.Cimom.Model;
using CimCloud.Cimom.Query.Evaluation;
using CimCloud.Cimom.Query.Syntax;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Query;

/// <summary>
/// Binds a parsed query to a schema: resolves the FROM class and every property (case-insensitively),
/// checks operand types, converts literals to the compared property's type and builds the predicate tree.
/// Every problem is a CimException(InvalidQuery) naming the column.
/// </summary>
internal sealed class QueryBinder
{
    private const string InstanceSelf = "__this";

    private readonly string _language;
    private readonly string _text;
    private readonly CimSchema _schema;
    private readonly CimClass _class;
    private readonly QuerySyntax _syntax;
    private readonly bool _wql;
    private readonly List<string> _slots = [];

    private QueryBinder(string language, string text, CimSchema schema, CimClass cimClass, QuerySyntax syntax)
    {
        _language = language;
        _text = text;
        _schema = schema;
        _class = cimClass;
        _syntax = syntax;
        _wql = language == CimQueryLanguages.Wql;
    }

    private StringComparison TextComparison => _wql ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static CimQuery Bind(QuerySyntax syntax, string language, string text, CimSchema schema)
    {
        var cimClass = schema.FindClass(syntax.ClassName)
            ?? throw QueryErrors.Invalid(language, text, syntax.ClassPosition, $"class {syntax.ClassName} does not exist in this namespace");
        var binder = new QueryBinder(language, text, schema, cimClass, syntax);
        var selected = binder.BindSelectList(syntax.SelectList);
        var where = syntax.Where is null ? null : binder.BindCondition(syntax.Where);
        return new CimQuery(language, text, syntax.ClassName, syntax.Alias, cimClass, selected, where, binder._slots.ToArray());
    }

    private List<string>? BindSelectList(IReadOnlyList<PropertyReferenceSyntax>? list)
    {
        if (list is null)
            return null;
        var names = new List<string>(list.Count);
        foreach (var item in list)
        {
            var name = Find(item).Name;
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                names.Add(name);
        }

        return names;
    }

    private QueryPredicate BindCondition(ConditionSyntax condition) => condition switch
    {
        LogicalSyntax { Operator: LogicalOperator.Not } not => new NotPredicate(BindCondition(not.Left)),
        LogicalSyntax { Operator: LogicalOperator.And } and => new AndPredicate(BindCondition(and.Left), BindCondition(and.Right!)),
        LogicalSyntax or => new OrPredicate(BindCondition(or.Left), BindCondition(or.Right!)),
        ComparisonSyntax comparison => BindComparison(comparison),
        LikeSyntax like => BindLike(like),
        IsNullSyntax isNull => BindIsNull(isNull),
        IsaSyntax isa => BindIsa(isa),
        _ => throw new InvalidOperationException($"unexpected condition {condition.GetType().Name}"),
    };

    private QueryPredicate BindComparison(ComparisonSyntax comparison)
    {
        var (left, op, right) = (comparison.Left, comparison.Operator, comparison.Right);
        if (left is LiteralSyntax && right is PropertyReferenceSyntax)
            (left, op, right) = (right, QueryValues.Flip(op), left);
        return (left, right) switch
        {
            (PropertyReferenceSyntax p, LiteralSyntax literal) => BindPropertyLiteral(p, op, literal),
            (PropertyReferenceSyntax a, PropertyReferenceSyntax b) => BindPropertyProperty(a, op, b),
            _ => BindLiteralLiteral((LiteralSyntax)left, op, (LiteralSyntax)right),
        };
    }

    private QueryPredicate BindPropertyLiteral(PropertyReferenceSyntax reference, ComparisonOperator op, LiteralSyntax literal)
    {
        var property = Find(reference);
        if (literal.Kind == LiteralKind.Null)
        {
            RequireEquality(op, literal.Position, "NULL (or use IS [NOT] NULL)");
            // WMI treats "= NULL" as IS NULL; CQL follows SQL, where any comparison with NULL is unknown.
            return _wql ? new IsNullPredicate(Slot(property), op == ComparisonOperator.NotEqual) : new ConstantPredicate(QueryTruth.Unknown);
        }

        var kind = KindOf(property);
        CheckOperator(kind, op, property, reference.Position);
        var value = QueryLiterals.Coerce(kind, property, literal, message => Error(literal.Position, message));
        if (property.IsArray && op == ComparisonOperator.NotEqual)
            return new NotPredicate(new LiteralComparisonPredicate(Slot(property), ComparisonOperator.Equal, value, kind, TextComparison));
        return new LiteralComparisonPredicate(Slot(property), op, value, kind, TextComparison);
    }

    private PropertyComparisonPredicate BindPropertyProperty(PropertyReferenceSyntax left, ComparisonOperator op, PropertyReferenceSyntax right)
    {
        var a = Find(left);
        var b = Find(right);
        if (a.IsArray || b.IsArray)
        {
            var array = a.IsArray ? left : right;
            throw Error(array.Position, $"array property {array.Text} cannot be compared with another property");
        }

        var kind = KindOf(a);
        if (KindOf(b) != kind)
            throw Error(right.Position, $"cannot compare {Describe(a)} with {Describe(b)}");
        CheckOperator(kind, op, a, left.Position);
        return new PropertyComparisonPredicate(Slot(a), op, Slot(b), kind, TextComparison);
    }

    private ConstantPredicate BindLiteralLiteral(LiteralSyntax left, ComparisonOperator op, LiteralSyntax right)
    {
        if (left.Kind == LiteralKind.Null || right.Kind == LiteralKind.Null)
        {
            RequireEquality(op, left.Kind == LiteralKind.Null ? left.Position : right.Position, "NULL (or use IS [NOT] NULL)");
            return new ConstantPredicate(QueryTruth.Unknown);
        }

        var kind = (left.Kind, right.Kind) switch
        {
            (LiteralKind.Integer or LiteralKind.Real, LiteralKind.Integer or LiteralKind.Real) => QueryValueKind.Numeric,
            (LiteralKind.String, LiteralKind.String) => QueryValueKind.Text,
            (LiteralKind.Boolean, LiteralKind.Boolean) => QueryValueKind.Boolean,
            _ => throw Error(right.Position, $"cannot compare {left.Text} with {right.Text}"),
        };
        if (kind == QueryValueKind.Boolean)
            RequireEquality(op, left.Position, "booleans");
        var sign = QueryValues.Compare(left.Value!, right.Value!, kind, TextComparison);
        return new ConstantPredicate(sign is { } s ? (QueryValues.Holds(op, s) ? QueryTruth.True : QueryTruth.False) : QueryTruth.Unknown);
    }

    private QueryPredicate BindLike(LikeSyntax like)
    {
        if (like.Subject is not PropertyReferenceSyntax reference)
            throw Error(like.Subject.Position, "LIKE needs a string property on its left");
        var property = Find(reference);
        if (property.CimType is not (CimType.String or CimType.Char16))
            throw Error(reference.Position, $"LIKE needs a string property; {Describe(property)} is not one");
        var text = (string)like.Pattern.Value!;
        var ok = _wql
            ? LikePattern.TryParseWql(text, out var pattern, out var error)
            : LikePattern.TryParseCql(text, out pattern, out error);
        if (!ok)
            throw Error(like.Pattern.Position, $"invalid LIKE pattern {like.Pattern.Text}: {error}");
        var predicate = new LikePredicate(Slot(property), pattern!);
        return like.Negated ? new NotPredicate(predicate) : predicate;
    }

    private QueryPredicate BindIsNull(IsNullSyntax isNull) => isNull.Subject switch
    {
        PropertyReferenceSyntax reference => new IsNullPredicate(Slot(Find(reference)), isNull.Negated),
        LiteralSyntax literal => new ConstantPredicate((literal.Kind == LiteralKind.Null) != isNull.Negated ? QueryTruth.True : QueryTruth.False),
        _ => throw new InvalidOperationException("unexpected operand"),
    };

    private QueryPredicate BindIsa(IsaSyntax isa)
    {
        var target = _schema.FindClass(isa.ClassName)
            ?? throw Error(isa.ClassPosition, $"class {isa.ClassName} (after ISA) does not exist in this namespace");
        if (isa.Subject is not PropertyReferenceSyntax reference)
            throw Error(isa.Subject.Position, "ISA needs the FROM class, its alias, __this or a reference or embedded instance property on its left");
        if (reference.Qualifier is null && NamesInstance(reference.Name))
            return new InstanceIsaPredicate(target.Name);
        var property = Find(reference);
        if (property.CimType is not (CimType.Reference or CimType.Instance))
            throw Error(reference.Position, $"ISA applies to reference and embedded instance properties; {Describe(property)} is neither");
        return new PropertyIsaPredicate(Slot(property), target.Name, _schema);
    }

    /// <summary>The property a reference names; its qualifier must be the FROM class or alias.</summary>
    private CimProperty Find(PropertyReferenceSyntax reference)
    {
        if (reference.Qualifier is not null && !NamesInstance(reference.Qualifier))
        {
            throw Error(reference.Position,
                $"'{reference.Qualifier}' in {reference.Text} is neither the FROM class {_syntax.ClassName} nor its alias");
        }

        return _class.Properties.Find(reference.Name)
            ?? throw Error(reference.Position, $"class {_class.Name} has no property {reference.Name}");
    }

    private bool NamesInstance(string name) =>
        string.Equals(name, InstanceSelf, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, _syntax.ClassName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, _class.Name, StringComparison.OrdinalIgnoreCase)
        || (_syntax.Alias is not null && string.Equals(name, _syntax.Alias, StringComparison.OrdinalIgnoreCase));

    private int Slot(CimProperty property)
    {
        var i = _slots.FindIndex(n => string.Equals(n, property.Name, StringComparison.OrdinalIgnoreCase));
        if (i >= 0)
            return i;
        _slots.Add(property.Name);
        return _slots.Count - 1;
    }

    private void CheckOperator(QueryValueKind kind, ComparisonOperator op, CimProperty property, int position)
    {
        if (kind == QueryValueKind.Instance)
            throw Error(position, $"embedded instance property {property.Name} can only be used with ISA or IS [NOT] NULL");
        if (kind is QueryValueKind.Boolean or QueryValueKind.Reference)
            RequireEquality(op, position, Describe(property));
    }

    private void RequireEquality(ComparisonOperator op, int position, string what)
    {
        if (op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
            throw Error(position, $"{what} can only be compared with = or <>");
    }

    private static QueryValueKind KindOf(CimProperty property) => property.CimType switch
    {
        CimType.Boolean => QueryValueKind.Boolean,
        CimType.String or CimType.Char16 => QueryValueKind.Text,
        CimType.DateTime => QueryValueKind.DateTime,
        CimType.Reference => QueryValueKind.Reference,
        CimType.Instance => QueryValueKind.Instance,
        _ => QueryValueKind.Numeric,
    };

    private static string Describe(CimProperty property) => $"{property.Name} ({property.DataType})";

    private CimException Error(int position, string message) => QueryErrors.Invalid(_language, _text, position, message);
}
