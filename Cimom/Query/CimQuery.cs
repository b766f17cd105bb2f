using System.Collections.Concurrent;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Query.Evaluation;

namespace CimCloud.Cimom.Query;

/// <summary>
/// A parsed query bound to a namespace schema (see <see cref="CimQueryParser.Parse"/>). Immutable and
/// thread-safe: one query may filter instances on several threads at once.
/// </summary>
/// <remarks>
/// The caller enumerates the instances of <see cref="ClassName"/> and its subclasses and keeps those that
/// <see cref="Matches"/>; <see cref="Project"/> then applies the SELECT list. Property lookups are by ordinal,
/// resolved once per class (subclass instances may place properties at other slots), so filtering an
/// instance allocates nothing.
/// </remarks>
public sealed class CimQuery
{
    private readonly string _fromClassName;
    private readonly string[] _slotNames;
    private readonly QueryPredicate? _where;
    private readonly ConcurrentDictionary<CimClass, ClassBinding> _bindings = new(ReferenceEqualityComparer.Instance);
    private ClassBinding? _last;

    internal CimQuery(string language, string text, string className, string? alias, CimClass fromClass,
        IReadOnlyList<string>? selectedProperties, QueryPredicate? where, string[] slotNames)
    {
        Language = language;
        Text = text;
        ClassName = className;
        Alias = alias;
        _fromClassName = fromClass.Name;
        SelectedProperties = selectedProperties;
        _where = where;
        _slotNames = slotNames;
    }

    /// <summary><see cref="CimQueryLanguages.Wql"/> or <see cref="CimQueryLanguages.Cql"/>.</summary>
    public string Language { get; }

    /// <summary>The query text as given.</summary>
    public string Text { get; }

    /// <summary>The FROM class as written in the query.</summary>
    public string ClassName { get; }

    /// <summary>The FROM class's alias (<c>FROM Class AS x</c>), or null.</summary>
    public string? Alias { get; }

    /// <summary>The SELECT list (property names as the class declares them, without duplicates); null for <c>SELECT *</c>.</summary>
    public IReadOnlyList<string>? SelectedProperties { get; }

    /// <summary>True when the query has a WHERE clause.</summary>
    public bool HasCondition => _where is not null;

    /// <summary>
    /// True when the instance is of the FROM class or a subclass and the WHERE clause (if any) is true for it;
    /// false when the clause is false or unknown (a NULL was involved).
    /// </summary>
    public bool Matches(CimInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var binding = BindingFor(instance.Class);
        if (!binding.InScope)
            return false;
        return _where is null || _where.Evaluate(instance, binding.Ordinals) == QueryTruth.True;
    }

    /// <summary>
    /// The instance limited to the SELECT list (a frozen property-list projection that keeps the instance
    /// path); the instance itself for <c>SELECT *</c>.
    /// </summary>
    public CimInstance Project(CimInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return SelectedProperties is null ? instance : instance.ProjectWithMask(BindingFor(instance.Class).Mask);
    }

    public override string ToString() => Text;

    private ClassBinding BindingFor(CimClass cimClass)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Class, cimClass))
            return last;
        var binding = _bindings.GetOrAdd(cimClass, static (c, q) => new ClassBinding(c, q._fromClassName, q._slotNames, q.SelectedProperties), this);
        Volatile.Write(ref _last, binding);
        return binding;
    }
}
