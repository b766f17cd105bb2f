using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Schema;

/// <summary>
/// Resolves the qualifiers written on one element against the namespace's qualifier types: declared,
/// in scope, once per element, value of the declared type, usage flavors consistent with the
/// declaration, DisableOverride respected; then adds the ToSubclass qualifiers inherited from the
/// overridden element or superclass (marked propagated). The one place flavor propagation lives.
/// </summary>
internal sealed class QualifierResolver(CimSchemaBuilder schema)
{
    public CimQualifierSet Resolve(IReadOnlyList<CimQualifier> local, CimQualifierSet? inherited, CimScope allowedScope, string kindName,
        string element, SourceLocation? location, ErrorSink sink)
    {
        if (local.Count == 0)
            return inherited is null ? CimQualifierSet.Empty : CimProperty.PropagatedQualifiers(inherited);

        var result = new List<CimQualifier>(local.Count + (inherited?.Count ?? 0));
        foreach (var q in local)
        {
            if (result.Exists(r => CimNames.Same(r.Name, q.Name)))
            {
                sink.Error(location, CimStatusCode.InvalidParameter, $"qualifier {q.Name} appears more than once on {element}");
                continue;
            }

            var declaration = schema.FindQualifier(q.Name);
            if (declaration is null)
            {
                sink.Error(location, CimStatusCode.InvalidParameter, $"qualifier {q.Name} on {element} is not declared in this namespace");
                continue;
            }

            if ((declaration.Scope & allowedScope) == 0)
            {
                sink.Error(location, CimStatusCode.InvalidParameter,
                    $"qualifier {declaration.Name} cannot be used on a {kindName} ({element}); its scope is {declaration.Scope}");
                continue;
            }

            if (!CimValueChecks.IsAssignable(declaration.Type, q.Value))
            {
                sink.Error(location, CimStatusCode.TypeMismatch,
                    $"qualifier {declaration.Name} on {element} has value {CimValueFormatter.Format(q.Value)}, expected type {declaration.Type}");
                continue;
            }

            var flavor = EffectiveFlavor(declaration, q.Flavor, element, location, sink);
            var parent = inherited?.Find(q.Name);
            if (parent is not null && !parent.CanBeOverridden && !CimValueComparer.Instance.Equals(parent.Value, q.Value))
            {
                sink.Error(location, CimStatusCode.InvalidParameter,
                    $"qualifier {declaration.Name} is DisableOverride: {element} cannot change its inherited value {CimValueFormatter.Format(parent.Value)} to {CimValueFormatter.Format(q.Value)}");
                continue;
            }

            result.Add(new CimQualifier(declaration.Name, declaration.Type, q.Value, flavor));
        }

        if (inherited is not null)
        {
            foreach (var iq in inherited)
            {
                if (iq.PropagatesToSubclass && !result.Exists(r => CimNames.Same(r.Name, iq.Name)))
                    result.Add(iq.AsPropagated());
            }
        }

        return new CimQualifierSet(result.ToArray());
    }

    /// <summary>Declaration flavor with the flavors written at the usage applied.</summary>
    private static CimFlavor EffectiveFlavor(CimQualifierDeclaration declaration, CimFlavor usage, string element, SourceLocation? location, ErrorSink sink)
    {
        var flavor = declaration.EffectiveFlavor;
        if (usage == CimFlavor.None)
            return flavor;
        if ((usage & CimFlavor.EnableOverride) != 0 && (usage & CimFlavor.DisableOverride) != 0
            || (usage & CimFlavor.ToSubclass) != 0 && (usage & CimFlavor.Restricted) != 0)
        {
            sink.Error(location, CimStatusCode.InvalidParameter, $"qualifier {declaration.Name} on {element} has contradicting flavors ({usage})");
            return flavor;
        }

        if ((usage & CimFlavor.EnableOverride) != 0 && (declaration.EffectiveFlavor & CimFlavor.DisableOverride) != 0)
        {
            sink.Error(location, CimStatusCode.InvalidParameter,
                $"qualifier {declaration.Name} is declared DisableOverride; {element} cannot make it EnableOverride");
            return flavor;
        }

        if ((usage & CimFlavor.DisableOverride) != 0)
            flavor = (flavor & ~CimFlavor.EnableOverride) | CimFlavor.DisableOverride;
        if ((usage & CimFlavor.EnableOverride) != 0)
            flavor = (flavor & ~CimFlavor.DisableOverride) | CimFlavor.EnableOverride;
        if ((usage & CimFlavor.Restricted) != 0)
            flavor = (flavor & ~CimFlavor.ToSubclass) | CimFlavor.Restricted;
        if ((usage & CimFlavor.ToSubclass) != 0)
            flavor = (flavor & ~CimFlavor.Restricted) | CimFlavor.ToSubclass;
        return flavor | (usage & (CimFlavor.Translatable | CimFlavor.ToInstance));
    }
}
