namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// The prefix bindings in scope while writing: a stack that elements push declarations on and cut back to when they
/// end. Lookups scan from the top (documents here bind a handful of prefixes); <c>xml</c> is always bound.
/// </summary>
internal sealed class NamespaceScopes
{
    public const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private Binding[] _bindings = new Binding[32];

    public int Count { get; private set; }

    public void Push(string prefix, string ns)
    {
        if (Count == _bindings.Length)
            Array.Resize(ref _bindings, Count * 2);
        _bindings[Count++] = new Binding(prefix, ns);
    }

    /// <summary>Drops the bindings pushed after the stack had <paramref name="count"/> entries.</summary>
    public void CutTo(int count) => Count = count;

    /// <summary>True when one of the bindings from index <paramref name="from"/> on binds <paramref name="prefix"/>.</summary>
    public bool BindsSince(int from, string prefix)
    {
        for (var i = from; i < Count; i++)
        {
            if (_bindings[i].Prefix == prefix)
                return true;
        }

        return false;
    }

    /// <summary>The namespace <paramref name="prefix"/> stands for; the empty prefix is unbound ("") by default; null when unbound.</summary>
    public string? NamespaceOf(string prefix)
    {
        if (prefix == "xml")
            return XmlNamespace;
        for (var i = Count - 1; i >= 0; i--)
        {
            if (string.Equals(_bindings[i].Prefix, prefix, StringComparison.Ordinal))
                return _bindings[i].Namespace;
        }

        return prefix.Length == 0 ? string.Empty : null;
    }

    /// <summary>A prefix currently standing for <paramref name="ns"/> (not shadowed by a later binding), or null.</summary>
    public string? PrefixOf(string ns)
    {
        if (ns == XmlNamespace)
            return "xml";
        for (var i = Count - 1; i >= 0; i--)
        {
            var binding = _bindings[i];
            if (string.Equals(binding.Namespace, ns, StringComparison.Ordinal) &&
                string.Equals(NamespaceOf(binding.Prefix), ns, StringComparison.Ordinal))
            {
                return binding.Prefix;
            }
        }

        return ns.Length == 0 && string.IsNullOrEmpty(NamespaceOf(string.Empty)) ? string.Empty : null;
    }

    private readonly record struct Binding(string Prefix, string Namespace);
}
