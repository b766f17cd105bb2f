using Sprache;
using static CimCloud.Cimom.Query.Syntax.QueryLexer;

namespace CimCloud.Cimom.Query.Syntax;

/// <summary>
/// Sprache grammar of the WQL / CQL subset (keywords in any case):
/// <code>
/// query      = SELECT ("*" | property {"," property}) FROM class [[AS] alias] [WHERE condition]
/// condition  = and {OR and}
/// and        = not {AND not}
/// not        = NOT not | "(" condition ")" | predicate
/// predicate  = operand compare-op operand          ; = &lt;&gt; != &lt; &lt;= &gt; &gt;=
///            | operand IS [NOT] NULL
///            | operand [NOT] LIKE string
///            | operand ISA (class | string)
/// operand    = property | string | number | TRUE | FALSE | NULL
/// property   = name ["." name]                     ; qualified by the FROM class or its alias
/// </code>
/// Errors name the column (1-based offset; line and column for multi-line text) and what was expected there.
/// </summary>
internal static class QueryGrammar
{
    private const string OperandExpectation = "a property name or literal";
    private const string PredicateExpectation = "a comparison operator (=, <>, !=, <, <=, >, >=), LIKE, IS or ISA";

    private static readonly Parser<int> Position = input => Result.Success(input.Position, input);

    private static readonly Parser<OperandSyntax> Operand = ParseOperand;

    private static readonly Parser<LiteralSyntax> Pattern = input => StringLiteral(input, "a quoted LIKE pattern");

    private static readonly Parser<(string Name, int Position)> ClassTarget = ParseClassTarget;

    private static readonly Parser<ConditionSyntax> Condition = Sprache.Parse.Ref(() => OrCondition!);

    private static readonly Parser<ConditionSyntax> Predicate =
        from left in Operand
        from predicate in PredicateTail(left)
        select predicate;

    private static readonly Parser<ConditionSyntax> ParenCondition =
        from open in Symbol("(")
        from condition in Condition
        from close in Symbol(")", "AND, OR or ')'")
        select condition;

    private static readonly Parser<ConditionSyntax> NotCondition = Sprache.Parse.Ref(() => NotConditionCore!);

    private static readonly Parser<ConditionSyntax> NotConditionCore =
        (from position in Position
         from not in Keyword("NOT")
         from operand in NotCondition
         select (ConditionSyntax)new LogicalSyntax(LogicalOperator.Not, operand, null, position))
        .XOr(ParenCondition)
        .XOr(Predicate)
        .Named("a condition");

    private static readonly Parser<ConditionSyntax> AndCondition =
        from first in NotCondition
        from rest in (from and in Keyword("AND") from next in NotCondition select next).XMany()
        select rest.Aggregate(first, static (l, r) => new LogicalSyntax(LogicalOperator.And, l, r, l.Position));

    private static readonly Parser<ConditionSyntax> OrCondition =
        from first in AndCondition
        from rest in (from or in Keyword("OR") from next in AndCondition select next).XMany()
        select rest.Aggregate(first, static (l, r) => new LogicalSyntax(LogicalOperator.Or, l, r, l.Position));

    private static readonly Parser<IReadOnlyList<PropertyReferenceSyntax>?> SelectList =
        Symbol("*").Select(static _ => (IReadOnlyList<PropertyReferenceSyntax>?)null)
            .XOr(from first in PropertyReference("a property name")
                 from rest in (from comma in Symbol(",") from next in PropertyReference("a property name after ','") select next).XMany()
                 select (IReadOnlyList<PropertyReferenceSyntax>?)rest.Prepend(first).ToList());

    private static readonly Parser<string> AliasClause =
        (from kw in Keyword("AS") from name in Identifier("an alias name") select name)
            .XOr(Identifier("an alias"));

    private static readonly Parser<ConditionSyntax> WhereClause =
        from kw in Keyword("WHERE")
        from condition in Condition
        select condition;

    private static readonly Parser<QuerySyntax> Query =
        from lead in Blanks
        from selectKeyword in Keyword("SELECT")
        from list in SelectList
        from fromKeyword in Keyword("FROM", list is null ? "FROM" : "',' or FROM")
        from classPosition in Position
        from className in Identifier("a class name")
        from alias in AliasClause.XOptional()
        from condition in WhereClause.XOptional()
        from end in End(condition.IsDefined ? "AND, OR or end of query" : alias.IsDefined ? "WHERE or end of query" : "AS, WHERE or end of query")
        select new QuerySyntax(list, className, classPosition, alias.GetOrDefault(), condition.GetOrDefault());

    /// <summary>Parses the text or throws <see cref="Model.CimException"/> (InvalidQuery) with the column and what was expected.</summary>
    public static QuerySyntax Parse(string text, string language)
    {
        var result = Query(new Input(text));
        if (result.WasSuccessful)
            return result.Value;
        var position = result.Remainder.Position;
        var expectations = result.Expectations?.Distinct().ToArray() ?? [];
        var detail = expectations.Length == 0
            ? result.Message
            : $"expected {string.Join(" or ", expectations)}, found {DescribeFound(text, position)}";
        throw QueryErrors.Syntax(language, text, position, detail);
    }

    private static Parser<ConditionSyntax> PredicateTail(OperandSyntax left) =>
        (from op in ComparisonOp
         from right in Operand
         select (ConditionSyntax)new ComparisonSyntax(left, op, right))
        .XOr(from kw in Keyword("IS")
             from not in Keyword("NOT").XOptional()
             from nil in Keyword("NULL", not.IsDefined ? "NULL" : "NOT or NULL")
             select (ConditionSyntax)new IsNullSyntax(left, not.IsDefined))
        .XOr(from not in Keyword("NOT")
             from like in Keyword("LIKE")
             from pattern in Pattern
             select (ConditionSyntax)new LikeSyntax(left, true, pattern))
        .XOr(from like in Keyword("LIKE")
             from pattern in Pattern
             select (ConditionSyntax)new LikeSyntax(left, false, pattern))
        .XOr(from isa in Keyword("ISA")
             from target in ClassTarget
             select (ConditionSyntax)new IsaSyntax(left, target.Name, target.Position))
        .Named(PredicateExpectation);

    private static Parser<PropertyReferenceSyntax> PropertyReference(string expectation) => input =>
    {
        var first = Identifier(expectation)(input);
        if (!first.WasSuccessful)
            return Result.Failure<PropertyReferenceSyntax>(first.Remainder, first.Message, first.Expectations);
        var dot = Symbol(".")(first.Remainder);
        if (!dot.WasSuccessful)
            return Result.Success(new PropertyReferenceSyntax(null, first.Value, input.Position), first.Remainder);
        var second = Identifier("a property name after '.'")(dot.Remainder);
        return second.WasSuccessful
            ? Result.Success(new PropertyReferenceSyntax(first.Value, second.Value, input.Position), second.Remainder)
            : Result.Failure<PropertyReferenceSyntax>(second.Remainder, second.Message, second.Expectations);
    };

    private static IResult<OperandSyntax> ParseOperand(IInput input)
    {
        if (input.AtEnd)
            return Fail<OperandSyntax>(input, OperandExpectation);
        var c = input.Current;
        if (c is '\'' or '"')
            return Widen(StringLiteral(input, OperandExpectation));
        if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            return Widen(NumberLiteral(input, OperandExpectation));

        var word = ReadWord(input, out var after);
        LiteralSyntax? keyword = word?.ToUpperInvariant() switch
        {
            "TRUE" => new LiteralSyntax(LiteralKind.Boolean, true, word!, input.Position),
            "FALSE" => new LiteralSyntax(LiteralKind.Boolean, false, word!, input.Position),
            "NULL" => new LiteralSyntax(LiteralKind.Null, null, word!, input.Position),
            _ => null,
        };
        if (keyword is not null)
            return Result.Success<OperandSyntax>(keyword, SkipBlanks(after));
        var property = PropertyReference(OperandExpectation)(input);
        return property.WasSuccessful
            ? Result.Success<OperandSyntax>(property.Value, property.Remainder)
            : Result.Failure<OperandSyntax>(property.Remainder, property.Message, property.Expectations);
    }

    private static IResult<(string, int)> ParseClassTarget(IInput input)
    {
        const string expectation = "a class name";
        if (!input.AtEnd && input.Current is '\'' or '"')
        {
            var quoted = StringLiteral(input, expectation);
            return quoted.WasSuccessful
                ? Result.Success(((string)quoted.Value.Value!, input.Position), quoted.Remainder)
                : Result.Failure<(string, int)>(quoted.Remainder, quoted.Message, quoted.Expectations);
        }

        var name = Identifier(expectation)(input);
        return name.WasSuccessful
            ? Result.Success((name.Value, input.Position), name.Remainder)
            : Result.Failure<(string, int)>(name.Remainder, name.Message, name.Expectations);
    }

    private static IResult<OperandSyntax> Widen(IResult<LiteralSyntax> result) =>
        result.WasSuccessful
            ? Result.Success<OperandSyntax>(result.Value, result.Remainder)
            : Result.Failure<OperandSyntax>(result.Remainder, result.Message, result.Expectations);

    private static Parser<string> End(string expectation) => input =>
        input.AtEnd ? Result.Success(string.Empty, input) : Fail<string>(input, expectation);
}
