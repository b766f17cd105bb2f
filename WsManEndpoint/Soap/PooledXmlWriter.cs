using System.Globalization;
using System.Xml;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// A small, reusable <see cref="XmlWriter"/> for response envelopes: it writes into one pooled char buffer that can be
/// measured, cut back (<see cref="Length"/>) and encoded without copies, and it is recycled per thread
/// (<see cref="Rent"/>/<see cref="Return"/>) instead of allocating a framework writer and its buffers per response.
/// It tracks namespace scopes like the framework writer (a prefix not bound to the wanted namespace is declared on the
/// element; explicit <c>xmlns</c> attributes that repeat a declaration are dropped), escapes text with
/// <see cref="NewLineHandling.Entitize"/> rules and refuses characters XML cannot carry (ArgumentException, as
/// <see cref="XmlWriterSettings.CheckCharacters"/>). No XML declaration, no indentation, no DTDs.
/// </summary>
internal sealed class PooledXmlWriter : XmlWriter
{
    private const int RetainedChars = 256 * 1024;
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    [ThreadStatic]
    private static PooledXmlWriter? t_cached;

    private readonly CharBuffer _output;
    private readonly NamespaceScopes _scopes = new();
    private Element[] _elements = new Element[16];
    private int _depth;
    private int _assumed;
    private int _startTagScope;
    private bool _inStartTag;
    private bool _inAttribute;
    private bool _attributeIsDeclaration;
    private string _declarationPrefix = string.Empty;
    private string _declarationValue = string.Empty;
    private int _generated;

    public PooledXmlWriter(int capacity = 4096)
    {
        _output = new CharBuffer(capacity);
    }

    /// <summary>This thread's cached writer (reset), or a new one when it is in use.</summary>
    public static PooledXmlWriter Rent()
    {
        var writer = t_cached;
        if (writer is null)
            return new PooledXmlWriter();
        t_cached = null;
        return writer;
    }

    /// <summary>Resets the writer and keeps it for the next <see cref="Rent"/> on this thread (big buffers are released).</summary>
    public static void Return(PooledXmlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer._output.Capacity > RetainedChars)
        {
            writer.Dispose();
            return;
        }

        writer.Reset();
        t_cached = writer;
    }

    /// <summary>Chars written so far; setting it cuts the output back (only between complete top-level nodes).</summary>
    public int Length
    {
        get => _output.Length;
        set => _output.Truncate(value);
    }

    public ReadOnlySpan<char> Written => _output.Written;

    public ReadOnlySpan<char> Slice(int start) => _output.Slice(start);

    public override WriteState WriteState =>
        _inAttribute ? WriteState.Attribute : _inStartTag ? WriteState.Element : _depth > 0 ? WriteState.Content : WriteState.Start;

    /// <summary>Treats <paramref name="prefix"/> as bound to <paramref name="ns"/> without writing a declaration (an enclosing element declares it).</summary>
    public void AssumeInScope(string prefix, string ns)
    {
        _scopes.Push(prefix, ns);
        _assumed = _scopes.Count;
    }

    /// <summary>Appends <paramref name="other"/>'s output from <paramref name="start"/> as raw markup.</summary>
    public void WriteRawFrom(PooledXmlWriter other, int start)
    {
        ArgumentNullException.ThrowIfNull(other);
        CloseStartTag();
        _output.Append(other.Slice(start));
    }

    public override void WriteStartDocument()
    {
    }

    public override void WriteStartDocument(bool standalone)
    {
    }

    public override void WriteEndDocument()
    {
        while (_depth > 0)
            WriteEndElement();
    }

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) =>
        throw new NotSupportedException("responses carry no document type declaration");

    public override void WriteStartElement(string? prefix, string localName, string? ns)
    {
        ArgumentException.ThrowIfNullOrEmpty(localName);
        CloseStartTag();
        ns ??= _scopes.NamespaceOf(prefix ?? string.Empty) ?? string.Empty;
        prefix ??= ns.Length == 0 ? string.Empty : _scopes.PrefixOf(ns) ?? string.Empty;
        if (_depth == _elements.Length)
            Array.Resize(ref _elements, _depth * 2);
        _elements[_depth++] = new Element(prefix, localName, _scopes.Count);
        _output.Append('<');
        AppendName(prefix, localName);
        _inStartTag = true;
        _startTagScope = _scopes.Count;
        if (!string.Equals(_scopes.NamespaceOf(prefix) ?? string.Empty, ns, StringComparison.Ordinal))
            Declare(prefix, ns);
    }

    public override void WriteEndElement()
    {
        var element = Pop();
        if (_inStartTag)
        {
            _output.Append("/>");
            _inStartTag = false;
            return;
        }

        AppendEndTag(element);
    }

    public override void WriteFullEndElement()
    {
        CloseStartTag();
        AppendEndTag(Pop());
    }

    public override void WriteStartAttribute(string? prefix, string localName, string? ns)
    {
        ArgumentException.ThrowIfNullOrEmpty(localName);
        if (!_inStartTag || _inAttribute)
            throw new InvalidOperationException("an attribute can only be written right after its element's start");
        _inAttribute = true;
        if (prefix == "xmlns" || (string.IsNullOrEmpty(prefix) && localName == "xmlns") || ns == XmlnsNamespace)
        {
            _attributeIsDeclaration = true;
            _declarationPrefix = localName == "xmlns" && prefix != "xmlns" ? string.Empty : localName;
            _declarationValue = string.Empty;
            return;
        }

        if (ns is null)
        {
            ns = string.IsNullOrEmpty(prefix) ? string.Empty
                : _scopes.NamespaceOf(prefix) ?? throw new ArgumentException($"prefix {prefix} is not bound", nameof(prefix));
        }

        if (ns == NamespaceScopes.XmlNamespace)
        {
            prefix = "xml";
        }
        else if (ns.Length == 0)
        {
            prefix = string.Empty;
        }
        else
        {
            prefix = string.IsNullOrEmpty(prefix) ? AttributePrefix(ns) : prefix;
            if (!string.Equals(_scopes.NamespaceOf(prefix), ns, StringComparison.Ordinal))
                Declare(prefix, ns);
        }

        _output.Append(' ');
        AppendName(prefix, localName);
        _output.Append("=\"");
    }

    public override void WriteEndAttribute()
    {
        if (!_inAttribute)
            throw new InvalidOperationException("no attribute is open");
        _inAttribute = false;
        if (!_attributeIsDeclaration)
        {
            _output.Append('"');
            return;
        }

        _attributeIsDeclaration = false;
        var prefix = _declarationPrefix;
        var ns = _declarationValue;
        if (prefix is "xml" or "xmlns")
            return;

        // Already in effect (declared here automatically, by an ancestor or the enclosing envelope): nothing to add.
        if (string.Equals(_scopes.NamespaceOf(prefix), ns, StringComparison.Ordinal))
            return;
        if (_scopes.BindsSince(_startTagScope, prefix))
            throw new XmlException($"prefix '{prefix}' is declared twice on one element with different namespaces");
        Declare(prefix, ns);
    }

    public override void WriteString(string? text)
    {
        if (_inAttribute)
        {
            if (_attributeIsDeclaration)
                _declarationValue += text;
            else if (!string.IsNullOrEmpty(text))
                XmlEscaping.Append(_output, text, attribute: true);
            return;
        }

        CloseStartTag();
        if (!string.IsNullOrEmpty(text))
            XmlEscaping.Append(_output, text, attribute: false);
    }

    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteWhitespace(string? ws) => WriteString(ws);

    public override void WriteCData(string? text)
    {
        CloseStartTag();
        _output.Append("<![CDATA[");
        _output.Append((text ?? string.Empty).Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal));
        _output.Append("]]>");
    }

    public override void WriteComment(string? text)
    {
        CloseStartTag();
        _output.Append("<!--");
        _output.Append(text ?? string.Empty);
        _output.Append("-->");
    }

    public override void WriteProcessingInstruction(string name, string? text)
    {
        CloseStartTag();
        _output.Append("<?");
        _output.Append(name);
        if (!string.IsNullOrEmpty(text))
        {
            _output.Append(' ');
            _output.Append(text);
        }

        _output.Append("?>");
    }

    public override void WriteEntityRef(string name)
    {
        CloseStartTag();
        _output.Append('&');
        _output.Append(name);
        _output.Append(';');
    }

    public override void WriteCharEntity(char ch) =>
        WriteRaw(string.Create(CultureInfo.InvariantCulture, $"&#x{(int)ch:X};"));

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) =>
        WriteRaw(string.Create(CultureInfo.InvariantCulture, $"&#x{char.ConvertToUtf32(highChar, lowChar):X};"));

    public override void WriteRaw(char[] buffer, int index, int count)
    {
        if (!_inAttribute)
            CloseStartTag();
        _output.Append(buffer.AsSpan(index, count));
    }

    public override void WriteRaw(string data)
    {
        if (!_inAttribute)
            CloseStartTag();
        _output.Append(data);
    }

    public override void WriteBase64(byte[] buffer, int index, int count) => WriteString(Convert.ToBase64String(buffer, index, count));

    public override void Flush()
    {
    }

    public override string? LookupPrefix(string ns) => _scopes.PrefixOf(ns);

    public override string ToString() => new(Written);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Reset();
            _output.Release();
        }

        base.Dispose(disposing);
    }

    // Attributes cannot use the default namespace: find a real prefix or invent one.
    private string AttributePrefix(string ns)
    {
        var existing = _scopes.PrefixOf(ns);
        if (!string.IsNullOrEmpty(existing))
            return existing;
        string candidate;
        do
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"d{_depth}p{++_generated}");
        }
        while (_scopes.NamespaceOf(candidate) is not null);
        return candidate;
    }

    private void Declare(string prefix, string ns)
    {
        _output.Append(" xmlns");
        if (prefix.Length > 0)
        {
            _output.Append(':');
            _output.Append(prefix);
        }

        _output.Append("=\"");
        XmlEscaping.Append(_output, ns, attribute: true);
        _output.Append('"');
        _scopes.Push(prefix, ns);
    }

    private Element Pop()
    {
        if (_depth == 0)
            throw new InvalidOperationException("no element is open");
        if (_inAttribute)
            WriteEndAttribute();
        var element = _elements[--_depth];
        _scopes.CutTo(Math.Max(element.ScopeCount, _assumed));
        return element;
    }

    private void CloseStartTag()
    {
        if (_inAttribute)
            WriteEndAttribute();
        if (_inStartTag)
        {
            _output.Append('>');
            _inStartTag = false;
        }
    }

    private void AppendEndTag(Element element)
    {
        _output.Append("</");
        AppendName(element.Prefix, element.LocalName);
        _output.Append('>');
    }

    private void AppendName(string prefix, string localName)
    {
        if (prefix.Length > 0)
        {
            _output.Append(prefix);
            _output.Append(':');
        }

        _output.Append(localName);
    }

    private void Reset()
    {
        _output.Truncate(0);
        _scopes.CutTo(0);
        _depth = 0;
        _assumed = 0;
        _startTagScope = 0;
        _inStartTag = false;
        _inAttribute = false;
        _attributeIsDeclaration = false;
        _generated = 0;
    }

    private readonly record struct Element(string Prefix, string LocalName, int ScopeCount);
}
