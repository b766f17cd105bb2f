using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>
/// Turns a <see cref="CimClassDeclaration"/> into a resolved <see cref="CimClass"/>, enforcing DSP0004:
/// superclass existence, association/indication inheritance, qualifier declaration/scope/type/flavor
/// (via <see cref="QualifierResolver"/>), Override (target must exist; REF only narrows), key rules,
/// reference targets, value/type agreement and duplicate names. The one place these rules live.
/// </summary>
internal sealed class ClassResolver
{
    private readonly CimSchemaBuilder _schema;
    private readonly ClassResolverOptions _options;
    private readonly QualifierResolver _qualifiers;

    public ClassResolver(CimSchemaBuilder schema, ClassResolverOptions options)
    {
        _schema = schema;
        _options = options;
        _qualifiers = new QualifierResolver(schema);
    }

    public CimClass? Resolve(CimClassDeclaration d, ICollection<SchemaDiagnostic> diagnostics)
    {
        var sink = new ErrorSink(diagnostics);
        if (!CimNames.IsValidIdentifier(d.Name))
            sink.Error(d.Location, CimStatusCode.InvalidParameter, $"'{d.Name}' is not a valid class name");
        else if (!d.Name.Contains('_', StringComparison.Ordinal))
            sink.Warning(d.Location, $"class name {d.Name} has no schema prefix (Schema_Name)");

        CimClass? super = null;
        if (d.SuperClassName is not null)
        {
            super = _schema.FindClass(d.SuperClassName);
            if (super is null)
            {
                sink.Error(d.Location, CimStatusCode.InvalidSuperclass,
                    $"superclass {d.SuperClassName} of class {d.Name} does not exist");
                return null;
            }
        }

        var localQualifiers = d.Qualifiers;
        var declaresAssociation = localQualifiers.Any(q => CimNames.Same(q.Name, "Association") && q.Value is true);
        if (declaresAssociation && super is { IsAssociation: false })
        {
            if (_options.Lenient)
            {
                // Real vendor MOF (OpenPegasus PG_ObjectManager) marks a plain subclass as an association.
                sink.Warning(d.Location, $"class {d.Name} says Association but its superclass {super.Name} is not an association; the qualifier is ignored");
                localQualifiers = [.. localQualifiers.Where(q => !CimNames.Same(q.Name, "Association"))];
                declaresAssociation = false;
            }
            else
            {
                sink.Error(d.Location, CimStatusCode.InvalidSuperclass,
                    $"association {d.Name} cannot derive from {super.Name}, which is not an association");
            }
        }

        var isAssociation = declaresAssociation || super is { IsAssociation: true };
        var isIndication = super is { IsIndication: true } || localQualifiers.Any(q => CimNames.Same(q.Name, "Indication") && q.Value is true);

        var (classScope, kindName) = isAssociation ? (CimScope.Association | CimScope.Class, "association")
            : isIndication ? (CimScope.Indication | CimScope.Class, "indication") : (CimScope.Class, "class");
        var classQualifiers = _qualifiers.Resolve(localQualifiers, super?.InheritableQualifiers, classScope, kindName,
            $"class {d.Name}", d.Location, sink);

        var properties = new List<CimProperty>((super?.Properties.Count ?? 0) + d.Properties.Count);
        if (super is not null)
        {
            foreach (var p in super.Properties)
                properties.Add(p.InheritedView);
        }

        var localNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in d.Properties)
        {
            if (!localNames.Add(p.Name))
            {
                sink.Error(p.Location ?? d.Location, CimStatusCode.InvalidParameter, $"property {p.Name} is declared twice in class {d.Name}");
                continue;
            }

            var resolved = ResolveProperty(d, super, p, properties.Count, isAssociation, sink);
            if (resolved is null)
                continue;
            if (resolved.IsOverride)
                properties[resolved.Ordinal] = resolved;
            else
                properties.Add(resolved);
        }

        var methods = ResolveMethods(d, super, localNames, sink);

        if (isAssociation && !sink.Failed)
        {
            var refs = properties.Count(p => p.DataType.IsReference);
            if (refs < 2)
                sink.Error(d.Location, CimStatusCode.InvalidParameter, $"association {d.Name} needs at least two references, it has {refs}");
        }

        return sink.Failed ? null : new CimClass(d.Name, super, classQualifiers, new CimPropertyCollection([.. properties]), methods, d.Location);
    }

    private CimProperty? ResolveProperty(CimClassDeclaration d, CimClass? super, CimPropertyDeclaration p, int nextOrdinal,
        bool isAssociation, ErrorSink sink)
    {
        var location = p.Location ?? d.Location;
        if (!CimNames.IsValidIdentifier(p.Name))
            sink.Error(location, CimStatusCode.InvalidParameter, $"'{p.Name}' is not a valid property name");

        var inherited = super?.Properties.Find(p.Name);
        var isOverride = CheckOverride(d, super, p.Name, "property", p.Qualifiers, inherited is not null, location, sink);
        var kind = p.DataType.IsReference ? CimScope.Reference : CimScope.Property;
        var element = $"{(p.DataType.IsReference ? "reference" : "property")} {d.Name}.{p.Name}";

        if (p.DataType.IsReference)
        {
            if (!isAssociation)
                sink.Error(location, CimStatusCode.InvalidParameter, $"{element}: only association classes may have REF properties");
            CheckReferenceTarget(d, p.DataType, element, location, sink);
        }

        var qualifiers = _qualifiers.Resolve(p.Qualifiers, isOverride ? inherited!.Qualifiers : null, kind,
            p.DataType.IsReference ? "reference" : "property", element, location, sink);
        var dataType = EmbeddedTypes.Apply(p.DataType, qualifiers, element, location, sink);

        if (isOverride)
            dataType = CheckOverrideType(inherited!, dataType, element, location, sink);

        var isKey = qualifiers.IsTrue("Key");
        if (isKey && !isOverride && super is { IsKeyed: true })
        {
            sink.Error(location, CimStatusCode.InvalidParameter,
                $"{element} cannot be a new key: superclass {super.Name} already has key properties ({string.Join(", ", super.KeyProperties.Select(k => k.Name))})");
        }

        if (isKey && dataType.IsArray)
            sink.Error(location, CimStatusCode.InvalidParameter, $"{element}: a key property cannot be an array");

        var defaultValue = p.DefaultValue;
        if (defaultValue is null && isOverride)
            defaultValue = inherited!.DefaultValue;
        else if (!CimValueChecks.IsAssignable(dataType, defaultValue))
        {
            sink.Error(location, CimStatusCode.TypeMismatch,
                $"{element}: default value {CimValueFormatter.Format(defaultValue)} does not fit type {dataType}");
        }

        var flags = (isKey ? CimFlags.Key : CimFlags.None)
            | (qualifiers.IsTrue("Required") ? CimFlags.Required : CimFlags.None)
            | (isOverride ? CimFlags.Override : CimFlags.None);
        return new CimProperty(p.Name, dataType, defaultValue, qualifiers, d.Name, isOverride ? inherited!.Ordinal : nextOrdinal, flags, p.Location);
    }

    private List<CimMethod> ResolveMethods(CimClassDeclaration d, CimClass? super, HashSet<string> propertyNames, ErrorSink sink)
    {
        var methods = new List<CimMethod>((super?.Methods.Count ?? 0) + d.Methods.Count);
        if (super is not null)
        {
            foreach (var m in super.Methods)
                methods.Add(m.InheritedView);
        }

        var localNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in d.Methods)
        {
            var location = m.Location ?? d.Location;
            var element = $"method {d.Name}.{m.Name}";
            if (!localNames.Add(m.Name))
            {
                sink.Error(location, CimStatusCode.InvalidParameter, $"method {m.Name} is declared twice in class {d.Name}");
                continue;
            }

            if (propertyNames.Contains(m.Name))
                sink.Error(location, CimStatusCode.InvalidParameter, $"{element} has the same name as a property of the class");
            if (!CimNames.IsValidIdentifier(m.Name))
                sink.Error(location, CimStatusCode.InvalidParameter, $"'{m.Name}' is not a valid method name");

            var inheritedIndex = methods.FindIndex(x => CimNames.Same(x.Name, m.Name));
            var inherited = inheritedIndex >= 0 ? methods[inheritedIndex] : null;
            var isOverride = CheckOverride(d, super, m.Name, "method", m.Qualifiers, inherited is not null, location, sink);
            var qualifiers = _qualifiers.Resolve(m.Qualifiers, isOverride ? inherited!.Qualifiers : null, CimScope.Method, "method",
                element, location, sink);
            var parameters = ResolveParameters(d, m, isOverride ? inherited : null, element, location, sink);
            if (isOverride)
                CheckMethodSignature(inherited!, m.ReturnType, parameters, element, location, sink);

            var flags = (qualifiers.IsTrue("Static") ? CimFlags.Static : CimFlags.None) | (isOverride ? CimFlags.Override : CimFlags.None);
            var resolved = new CimMethod(m.Name, m.ReturnType, parameters, qualifiers, d.Name, flags, m.Location);
            if (isOverride)
                methods[inheritedIndex] = resolved;
            else
                methods.Add(resolved);
        }

        return methods;
    }

    private CimParameter[] ResolveParameters(CimClassDeclaration d, CimMethodDeclaration m, CimMethod? overridden, string element,
        SourceLocation? location, ErrorSink sink)
    {
        var result = new CimParameter[m.Parameters.Count];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < result.Length; i++)
        {
            var p = m.Parameters[i];
            var ploc = p.Location ?? location;
            var pelement = $"parameter {p.Name} of {element}";
            if (!names.Add(p.Name))
                sink.Error(ploc, CimStatusCode.InvalidParameter, $"{element} declares parameter {p.Name} twice");
            if (p.DataType.IsReference)
                CheckReferenceTarget(d, p.DataType, pelement, ploc, sink);
            var inheritedQualifiers = overridden?.FindParameter(p.Name)?.Qualifiers;
            var qualifiers = _qualifiers.Resolve(p.Qualifiers, inheritedQualifiers, CimScope.Parameter, "parameter", pelement, ploc, sink);
            var dataType = EmbeddedTypes.Apply(p.DataType, qualifiers, pelement, ploc, sink);
            result[i] = new CimParameter(p.Name, dataType, qualifiers, p.Location);
        }

        return result;
    }

    /// <summary>Applies the Override rules; returns whether the element overrides an inherited one.</summary>
    private bool CheckOverride(CimClassDeclaration d, CimClass? super, string name, string what, IReadOnlyList<CimQualifier> qualifiers,
        bool inheritedExists, SourceLocation? location, ErrorSink sink)
    {
        var overrideQualifier = qualifiers.FirstOrDefault(q => CimNames.Same(q.Name, "Override"));
        if (overrideQualifier is null)
        {
            if (!inheritedExists)
                return false;
            var origin = super!.Properties.Find(name)?.ClassOrigin ?? super.FindMethod(name)?.ClassOrigin ?? super.Name;
            if (_options.Lenient)
            {
                sink.Warning(location, $"{what} {d.Name}.{name} redeclares {what} {name} inherited from {origin} without Override; taken as an override");
                return true;
            }

            sink.Error(location, CimStatusCode.InvalidParameter,
                $"{what} {d.Name}.{name} is already defined in superclass {origin}; add [Override(\"{name}\")] to override it");
            return false;
        }

        var target = overrideQualifier.Value as string;
        if (overrideQualifier.Value is null)
        {
            if (!_options.Lenient)
            {
                sink.Error(location, CimStatusCode.InvalidParameter,
                    $"{what} {d.Name}.{name}: Override needs the name of the overridden element, e.g. Override(\"{name}\")");
                return false;
            }

            sink.Warning(location, $"{what} {d.Name}.{name}: bare Override taken as Override(\"{name}\")");
            target = name;
        }

        if (!CimNames.Same(target, name))
        {
            sink.Error(location, CimStatusCode.InvalidParameter,
                $"{what} {d.Name}.{name}: Override(\"{target}\") must name the element itself; renaming an inherited {what} is not supported");
            return false;
        }

        if (!inheritedExists)
        {
            sink.Error(location, CimStatusCode.InvalidParameter,
                super is null
                    ? $"{what} {d.Name}.{name} has Override(\"{target}\") but class {d.Name} has no superclass"
                    : $"{what} {d.Name}.{name} has Override(\"{target}\") but no superclass of {d.Name} declares a {what} {target}");
            return false;
        }

        return true;
    }

    private CimDataType CheckOverrideType(CimProperty inherited, CimDataType declared, string element, SourceLocation? location, ErrorSink sink)
    {
        var baseType = inherited.DataType;
        if (declared.IsArray != baseType.IsArray)
        {
            sink.Error(location, CimStatusCode.TypeMismatch, $"{element} overrides {inherited.ClassOrigin}.{inherited.Name} ({baseType}) with a different arrayness ({declared})");
            return declared;
        }

        if (declared.IsReference && baseType.IsReference)
        {
            var target = _schema.FindClass(declared.ClassName!);
            if (target is not null && !target.IsSubclassOf(baseType.ClassName!))
            {
                sink.Error(location, CimStatusCode.TypeMismatch,
                    $"{element} narrows the reference class to {declared.ClassName}, which is not a subclass of {baseType.ClassName} (declared in {inherited.ClassOrigin})");
            }

            return declared;
        }

        // MOF 2.x spells embedded instances as string: an override that restates 'string' keeps the inherited embedding.
        if (declared.Type == CimType.String && baseType.Type == CimType.Instance)
            return baseType with { ArraySize = declared.ArraySize };
        if (declared.Type != baseType.Type)
        {
            sink.Error(location, CimStatusCode.TypeMismatch,
                $"{element} overrides {inherited.ClassOrigin}.{inherited.Name} with type {declared}; the inherited type is {baseType}");
        }

        return declared;
    }

    private static void CheckMethodSignature(CimMethod inherited, CimType returnType, CimParameter[] parameters, string element,
        SourceLocation? location, ErrorSink sink)
    {
        var same = inherited.ReturnType == returnType && inherited.Parameters.Count == parameters.Length;
        for (var i = 0; same && i < parameters.Length; i++)
        {
            var a = inherited.Parameters[i];
            var b = parameters[i];
            same = CimNames.Same(a.Name, b.Name) && a.DataType.Type == b.DataType.Type && a.DataType.IsArray == b.DataType.IsArray;
        }

        if (!same)
            sink.Error(location, CimStatusCode.TypeMismatch, $"{element} overrides {inherited.ClassOrigin}.{inherited.Name} with a different signature ({inherited})");
    }

    private void CheckReferenceTarget(CimClassDeclaration d, CimDataType type, string element, SourceLocation? location, ErrorSink sink)
    {
        if (type.ClassName is null || (!CimNames.Same(type.ClassName, d.Name) && _schema.FindClass(type.ClassName) is null))
            sink.Error(location, CimStatusCode.InvalidClass, $"{element} refers to class {type.ClassName}, which does not exist");
    }
}
