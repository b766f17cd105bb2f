using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>
/// A private working copy of a <see cref="CimSchema"/>: qualifier types and classes are added (checked
/// by <see cref="ClassResolver"/>) and <see cref="Build"/> publishes a new immutable snapshot. The basis
/// snapshot is never modified. Not thread-safe; one writer at a time.
/// </summary>
public sealed class CimSchemaBuilder
{
    private readonly Dictionary<string, CimQualifierDeclaration> _qualifiers;
    private readonly List<CimQualifierDeclaration> _qualifierOrder;
    private readonly Dictionary<string, CimClass> _classes;
    private readonly List<CimClass> _classOrder;
    private readonly Dictionary<string, List<CimClass>> _children;
    private readonly List<CimClass> _roots;
    private readonly ClassResolver _resolver;
    private bool _built;

    public CimSchemaBuilder(CimSchema basis, ClassResolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(basis);
        Basis = basis;
        _qualifiers = new Dictionary<string, CimQualifierDeclaration>(basis.QualifierMap, StringComparer.OrdinalIgnoreCase);
        _qualifierOrder = [.. basis.QualifierOrder];
        _classes = new Dictionary<string, CimClass>(basis.ClassMap, StringComparer.OrdinalIgnoreCase);
        _classOrder = [.. basis.ClassOrder];
        _children = new Dictionary<string, List<CimClass>>(basis.Children.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, list) in basis.Children)
            _children[name] = [.. list];
        _roots = [.. basis.Roots];
        _resolver = new ClassResolver(this, options ?? ClassResolverOptions.Strict);
    }

    /// <summary>The snapshot this builder started from.</summary>
    public CimSchema Basis { get; }

    public int ClassCount => _classOrder.Count;

    public CimQualifierDeclaration? FindQualifier(string name) => _qualifiers.GetValueOrDefault(name);

    public CimClass? FindClass(string name) => _classes.GetValueOrDefault(name);

    public bool HasSubclasses(string className) => _children.TryGetValue(className, out var l) && l.Count > 0;

    /// <summary>
    /// Adds a qualifier type. Declaring one again exactly as it is already declared is accepted (no
    /// change); a different re-declaration is an error.
    /// </summary>
    public IReadOnlyList<SchemaDiagnostic> AddQualifier(CimQualifierDeclaration declaration, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        EnsureNotBuilt();
        var problems = QualifierDeclarationRules.Check(declaration, location);
        if (problems.Count > 0)
            return problems;
        if (_qualifiers.TryGetValue(declaration.Name, out var existing))
        {
            if (existing.IsEquivalentTo(declaration))
                return [];
            return
            [
                new SchemaDiagnostic(location, CimStatusCode.AlreadyExists,
                    $"qualifier {declaration.Name} is already declared differently ({Describe(existing)}); this declaration says {Describe(declaration)}"),
            ];
        }

        _qualifiers[declaration.Name] = declaration;
        _qualifierOrder.Add(declaration);
        return [];
    }

    /// <summary>Replaces or adds a qualifier type (DSP0200 SetQualifier).</summary>
    public IReadOnlyList<SchemaDiagnostic> SetQualifier(CimQualifierDeclaration declaration, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        EnsureNotBuilt();
        var problems = QualifierDeclarationRules.Check(declaration, location);
        if (problems.Count > 0)
            return problems;
        if (_qualifiers.TryGetValue(declaration.Name, out var existing))
            _qualifierOrder[_qualifierOrder.IndexOf(existing)] = declaration;
        else
            _qualifierOrder.Add(declaration);
        _qualifiers[declaration.Name] = declaration;
        return [];
    }

    /// <summary>Removes a qualifier type that no class uses.</summary>
    public bool RemoveQualifier(string name, out SchemaDiagnostic? error)
    {
        EnsureNotBuilt();
        if (!_qualifiers.TryGetValue(name, out var existing))
        {
            error = new SchemaDiagnostic(null, CimStatusCode.NotFound, $"qualifier {name} is not declared");
            return false;
        }

        var user = _classOrder.FirstOrDefault(c => UsesQualifier(c, name));
        if (user is not null)
        {
            error = new SchemaDiagnostic(null, CimStatusCode.Failed, $"qualifier {name} is used by class {user.Name}");
            return false;
        }

        _qualifiers.Remove(name);
        _qualifierOrder.Remove(existing);
        error = null;
        return true;
    }

    /// <summary>Resolves a class against this schema and adds it. Returns null (and adds errors) when it breaks a rule.</summary>
    public CimClass? AddClass(CimClassDeclaration declaration, ICollection<SchemaDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(diagnostics);
        EnsureNotBuilt();
        if (_classes.TryGetValue(declaration.Name, out var existing))
        {
            diagnostics.Add(new SchemaDiagnostic(declaration.Location, CimStatusCode.AlreadyExists,
                $"class {declaration.Name} is already defined" + (existing.Location is { } l ? $" (at {l})" : string.Empty)));
            return null;
        }

        var resolved = _resolver.Resolve(declaration, diagnostics);
        if (resolved is null)
            return null;
        _classes[resolved.Name] = resolved;
        _classOrder.Add(resolved);
        ChildList(resolved.SuperClassName).Add(resolved);
        return resolved;
    }

    /// <summary>Replaces a class that has no subclasses (DSP0200 ModifyClass). Instances are the caller's concern.</summary>
    public CimClass? ReplaceClass(CimClassDeclaration declaration, ICollection<SchemaDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(diagnostics);
        EnsureNotBuilt();
        if (!_classes.TryGetValue(declaration.Name, out var existing))
        {
            diagnostics.Add(new SchemaDiagnostic(declaration.Location, CimStatusCode.NotFound, $"class {declaration.Name} does not exist"));
            return null;
        }

        if (HasSubclasses(existing.Name))
        {
            diagnostics.Add(new SchemaDiagnostic(declaration.Location, CimStatusCode.ClassHasChildren,
                $"class {existing.Name} has subclasses and cannot be modified"));
            return null;
        }

        var resolved = _resolver.Resolve(declaration, diagnostics);
        if (resolved is null)
            return null;
        Detach(existing);
        _classes[resolved.Name] = resolved;
        _classOrder[_classOrder.IndexOf(existing)] = resolved;
        ChildList(resolved.SuperClassName).Add(resolved);
        return resolved;
    }

    /// <summary>Removes a class that has no subclasses (instances are the caller's concern).</summary>
    public bool RemoveClass(string name, out SchemaDiagnostic? error)
    {
        EnsureNotBuilt();
        if (!_classes.TryGetValue(name, out var existing))
        {
            error = new SchemaDiagnostic(null, CimStatusCode.NotFound, $"class {name} does not exist");
            return false;
        }

        if (HasSubclasses(existing.Name))
        {
            error = new SchemaDiagnostic(null, CimStatusCode.ClassHasChildren, $"class {existing.Name} has subclasses");
            return false;
        }

        Detach(existing);
        _classes.Remove(existing.Name);
        _classOrder.Remove(existing);
        error = null;
        return true;
    }

    /// <summary>Publishes the snapshot. The builder cannot be used afterwards.</summary>
    public CimSchema Build()
    {
        EnsureNotBuilt();
        _built = true;
        return new CimSchema(_qualifiers, _qualifierOrder, _classes, _classOrder, _children, _roots);
    }

    private void Detach(CimClass c)
    {
        var list = c.SuperClassName is null ? _roots : _children.GetValueOrDefault(c.SuperClassName);
        list?.Remove(c);
    }

    private List<CimClass> ChildList(string? superClassName)
    {
        if (superClassName is null)
            return _roots;
        if (!_children.TryGetValue(superClassName, out var list))
        {
            list = [];
            _children[superClassName] = list;
        }

        return list;
    }

    private static bool UsesQualifier(CimClass c, string name) =>
        c.Qualifiers.Local.Any(q => Same(q.Name, name))
        || c.LocalProperties.Any(p => p.Qualifiers.Local.Any(q => Same(q.Name, name)))
        || c.LocalMethods.Any(m => m.Qualifiers.Local.Any(q => Same(q.Name, name))
            || m.Parameters.Any(p => p.Qualifiers.Local.Any(q => Same(q.Name, name))));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Describe(CimQualifierDeclaration d) =>
        $"{d.Type}{(d.DefaultValue is null ? string.Empty : " = " + CimValueFormatter.Format(d.DefaultValue))}, Scope({d.Scope}), Flavor({d.EffectiveFlavor})";

    private void EnsureNotBuilt()
    {
        if (_built)
            throw new InvalidOperationException("this schema builder has already been built");
    }
}
