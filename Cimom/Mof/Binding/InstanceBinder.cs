using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Parsing;
using CimCloud.Cimom.Mof.Syntax;

namespace CimCloud.Cimom.Mof.Binding;

/// <summary>
/// Builds the instances of a compilation unit after all its classes: aliases are unit-wide and may be
/// used before the instance that defines them (resolved on demand, cycles reported).
/// </summary>
internal sealed class InstanceBinder
{
    private readonly MofDiagnosticBag _diagnostics;
    private readonly MofParseOptions _parseOptions;
    private readonly Dictionary<string, Pending> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Pending> _pending = [];

    public InstanceBinder(MofDiagnosticBag diagnostics, MofParseOptions parseOptions)
    {
        _diagnostics = diagnostics;
        _parseOptions = parseOptions;
    }

    public int Count { get; private set; }

    public void Add(MofInstanceDeclaration declaration, NamespaceWork ns)
    {
        var pending = new Pending(declaration, ns);
        _pending.Add(pending);
        if (declaration.Alias is not { } alias)
            return;
        if (_aliases.TryGetValue(alias, out var first))
            _diagnostics.Error(declaration.Location, $"alias ${alias} is already defined at {first.Declaration.Location}");
        else
            _aliases[alias] = pending;
    }

    public void BindAll()
    {
        foreach (var p in _pending)
            Build(p);
    }

    private CimInstance? Build(Pending p)
    {
        if (p.State == State.Done)
            return p.Instance;
        if (p.State == State.Building)
            return null;
        p.State = State.Building;
        p.Instance = BuildInstance(p.Declaration, p.Ns, register: true);
        p.State = State.Done;
        return p.Instance;
    }

    private CimInstance? BuildInstance(MofInstanceDeclaration d, NamespaceWork ns, bool register)
    {
        var cls = ns.Builder.FindClass(d.ClassName);
        if (cls is null)
        {
            _diagnostics.Error(d.Location, $"instance of {d.ClassName}: class {d.ClassName} does not exist in namespace {ns.Name}");
            return null;
        }

        if (cls.IsAbstract)
        {
            _diagnostics.Error(d.Location, $"instance of {cls.Name}: class {cls.Name} is abstract and cannot have instances");
            return null;
        }

        // Embedded instances (register == false) need no path, so only stored ones must be keyed.
        if (register && !cls.IsKeyed)
        {
            _diagnostics.Error(d.Location, $"instance of {cls.Name}: class {cls.Name} has no key properties, so its instances have no path");
            return null;
        }

        var errorsBefore = _diagnostics.ErrorCount;
        var instance = new CimInstance(cls, ns.Name);
        AssignValues(d, instance, ns);
        if (_diagnostics.ErrorCount > errorsBefore)
            return null;
        if (register && !HasAllKeys(d, instance))
            return null;
        if (!register)
            return instance;

        var canonical = instance.Path.CanonicalForm;
        if (ns.InstanceLocations.TryGetValue(canonical, out var first))
        {
            _diagnostics.Error(d.Location, $"instance {instance.Path} is already defined at {first}");
            return null;
        }

        ns.InstanceLocations[canonical] = d.Location;
        ns.Instances.Add(instance);
        Count++;
        return instance;
    }

    /// <summary>Stored instances need every key. Strict: error. Lenient (real vendor MOF does this): warning, not stored.</summary>
    private bool HasAllKeys(MofInstanceDeclaration d, CimInstance instance)
    {
        var missing = instance.Class.KeyProperties.Where(k => instance.GetValue(k.Ordinal) is null).Select(k => k.Name).ToList();
        if (missing.Count == 0)
            return true;
        var message = $"instance of {instance.ClassName} gives no value for key propert{(missing.Count == 1 ? "y" : "ies")} {string.Join(", ", missing)}, so it has no instance path";
        if (_parseOptions.Lenient)
        {
            _diagnostics.Warning(d.Location, message + "; it is not stored");
        }
        else
        {
            _diagnostics.Error(d.Location, message);
        }

        return false;
    }

    private void AssignValues(MofInstanceDeclaration d, CimInstance instance, NamespaceWork ns)
    {
        var cls = instance.Class;
        var values = new ValueBinder(_diagnostics)
        {
            AliasResolver = ResolveAlias,
            EmbeddedInstanceParser = (text, className) => ParseEmbedded(text, className, ns),
        };
        var assigned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pv in d.Values)
        {
            var property = cls.Properties.Find(pv.Name);
            if (property is null)
            {
                _diagnostics.Error(pv.Location, $"instance of {cls.Name}: class {cls.Name} has no property {pv.Name}");
                continue;
            }

            if (!assigned.Add(pv.Name))
            {
                _diagnostics.Error(pv.Location, $"instance of {cls.Name}: property {property.Name} is given twice");
                continue;
            }

            if (values.TryBind(pv.Value, property.DataType, $"property {cls.Name}.{property.Name}", out var value))
                instance.SetValue(property.Ordinal, value);
        }
    }

    private CimInstance? ResolveAlias(MofAliasValue alias)
    {
        if (!_aliases.TryGetValue(alias.Name, out var target))
        {
            _diagnostics.Error(alias.Location, $"alias ${alias.Name} is not defined in this compilation");
            return null;
        }

        if (target.State == State.Building)
        {
            _diagnostics.Error(alias.Location, $"alias ${alias.Name} refers back to the instance being defined (a reference cycle)");
            return null;
        }

        var instance = Build(target);
        if (instance is null && target.State == State.Done)
            _diagnostics.Error(alias.Location, $"alias ${alias.Name} names an instance that has errors ({target.Declaration.Location})");
        return instance;
    }

    private CimInstance? ParseEmbedded(MofStringValue text, string? className, NamespaceWork ns)
    {
        var parsed = MofParser.ParseText(text.Value, $"{text.Location} (embedded instance)", _parseOptions);
        foreach (var d in parsed.Diagnostics)
            _diagnostics.Add(d);
        if (parsed.HasErrors)
            return null;
        if (parsed.Productions is not [MofInstanceDeclaration embedded])
        {
            _diagnostics.Error(text.Location, "an embedded instance value must hold exactly one 'instance of' declaration");
            return null;
        }

        var instance = BuildInstance(embedded, ns, register: false);
        if (instance is not null && className is not null && !instance.Class.IsSubclassOf(className))
        {
            _diagnostics.Error(text.Location, $"embedded instance of {instance.ClassName} is not a {className}");
            return null;
        }

        return instance?.Freeze();
    }

    private enum State
    {
        New,
        Building,
        Done,
    }

    private sealed class Pending(MofInstanceDeclaration declaration, NamespaceWork ns)
    {
        public MofInstanceDeclaration Declaration { get; } = declaration;

        public NamespaceWork Ns { get; } = ns;

        public State State { get; set; }

        public CimInstance? Instance { get; set; }
    }
}
