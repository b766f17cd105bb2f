using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>
/// An immutable snapshot of one namespace's qualifier types and classes. Readers hold a snapshot and
/// never block; writers build a new one with <see cref="CimSchemaBuilder"/> and publish it atomically.
/// </summary>
public sealed class CimSchema
{
    private static readonly IReadOnlyList<CimClass> NoClasses = [];

    private readonly Dictionary<string, CimQualifierDeclaration> _qualifiers;
    private readonly List<CimQualifierDeclaration> _qualifierOrder;
    private readonly Dictionary<string, CimClass> _classes;
    private readonly List<CimClass> _classOrder;
    private readonly Dictionary<string, List<CimClass>> _children;
    private readonly List<CimClass> _roots;

    internal CimSchema(Dictionary<string, CimQualifierDeclaration> qualifiers, List<CimQualifierDeclaration> qualifierOrder,
        Dictionary<string, CimClass> classes, List<CimClass> classOrder, Dictionary<string, List<CimClass>> children, List<CimClass> roots)
    {
        _qualifiers = qualifiers;
        _qualifierOrder = qualifierOrder;
        _classes = classes;
        _classOrder = classOrder;
        _children = children;
        _roots = roots;
    }

    /// <summary>A schema with no qualifier types and no classes.</summary>
    public static CimSchema Empty { get; } = new(
        new(StringComparer.OrdinalIgnoreCase), [], new(StringComparer.OrdinalIgnoreCase), [], new(StringComparer.OrdinalIgnoreCase), []);

    /// <summary>A schema holding the DSP0004 standard qualifier declarations (what every new namespace starts with).</summary>
    public static CimSchema Standard => StandardQualifiers.Schema;

    public int QualifierCount => _qualifierOrder.Count;

    public int ClassCount => _classOrder.Count;

    /// <summary>Qualifier declarations in declaration order.</summary>
    public IReadOnlyList<CimQualifierDeclaration> Qualifiers => _qualifierOrder;

    /// <summary>Classes in definition order: every superclass (and REF target) before the classes that use it.</summary>
    public IReadOnlyList<CimClass> Classes => _classOrder;

    public CimQualifierDeclaration? FindQualifier(string name) => _qualifiers.GetValueOrDefault(name);

    public CimClass? FindClass(string name) => _classes.GetValueOrDefault(name);

    /// <summary>The class or a CimException(InvalidClass).</summary>
    public CimClass GetClass(string name) =>
        FindClass(name) ?? throw new CimException(CimStatusCode.InvalidClass, $"class {name} does not exist");

    /// <summary>Direct subclasses of <paramref name="className"/>, or the root classes when it is null.</summary>
    public IReadOnlyList<CimClass> SubclassesOf(string? className) =>
        className is null ? _roots : _children.TryGetValue(className, out var list) ? list : NoClasses;

    /// <summary>All classes below <paramref name="className"/> (depth first, parents before children), not the class itself.</summary>
    public IEnumerable<CimClass> DescendantsOf(string? className)
    {
        var stack = new Stack<CimClass>();
        var start = SubclassesOf(className);
        for (var i = start.Count - 1; i >= 0; i--)
            stack.Push(start[i]);
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            yield return c;
            var kids = SubclassesOf(c.Name);
            for (var i = kids.Count - 1; i >= 0; i--)
                stack.Push(kids[i]);
        }
    }

    public bool HasSubclasses(string className) => SubclassesOf(className).Count > 0;

    public CimSchemaBuilder ToBuilder() => new(this);

    internal Dictionary<string, CimQualifierDeclaration> QualifierMap => _qualifiers;

    internal List<CimQualifierDeclaration> QualifierOrder => _qualifierOrder;

    internal Dictionary<string, CimClass> ClassMap => _classes;

    internal List<CimClass> ClassOrder => _classOrder;

    internal Dictionary<string, List<CimClass>> Children => _children;

    internal List<CimClass> Roots => _roots;
}
