using System.Text;
using System.Xml.Linq;

namespace CimCloud.ConformanceTests.Fuzz;

/// <summary>One fuzz case: the bytes to send, the Content-Type, and what was done (for failure reports).</summary>
internal sealed record FuzzCase(int Number, string Description, byte[] Body, string ContentType);

/// <summary>
/// Deterministic mutations of valid envelopes (seeded <see cref="Random"/>): truncation, bit flips, duplicated, deleted
/// and renamed elements, huge values and attribute floods, wrong namespaces, DTD/XXE/billion-laughs payloads, deep
/// nesting, hostile characters, wrong actions and selector values, and mismatched charsets; 1–3 per case.
/// </summary>
internal sealed class EnvelopeMutator(int seed)
{
    private const string Utf8 = "application/soap+xml;charset=UTF-8";

    private static readonly string[] Namespaces =
    [
        "http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope", "http://schemas.xmlsoap.org/ws/2004/08/addressing",
        "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", "http://schemas.xmlsoap.org/ws/2004/09/enumeration", "urn:fuzz", "",
        "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CCT_Disk", "http://www.w3.org/2001/XMLSchema-instance",
    ];

    private static readonly string[] Junk =
    [
        "", " ", "-1", "70000", "18446744073709551616", "NaN", "abc", "&amp;", "]]>", "\uFFFD", "P-1D", "PT99999999999999S", "true",
        "uuid:", "uuid:zzzz", "http://", "*", "%00", "'", "\"", "<![CDATA[x]]>", "SELECT * FROM", "19700101000000.000000+000",
    ];

    private static readonly string[] Prologs =
    [
        """<?xml version="1.0"?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""",
        """<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>""",
        """<!DOCTYPE x SYSTEM "http://127.0.0.1:1/evil.dtd">""",
        """<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x"> %p;]>""",
        """<?xml version="1.1" encoding="ISO-8859-1"?>""",
        """<?xml version="1.0" encoding="UTF-16"?>""",
        "\uFEFF",
        "<?xml-stylesheet href=\"x\"?>",
    ];

    private readonly Random _random = new(seed);

    public FuzzCase Next(int number, string seedName, string envelope)
    {
        var text = envelope;
        var contentType = Utf8;
        var steps = new List<string>();
        byte[]? rawBytes = null;
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var kind = _random.Next(15);
            steps.Add(KindName(kind));
            switch (kind)
            {
                case 0:
                    text = text[.._random.Next(text.Length)];
                    break;
                case 1:
                    rawBytes = FlipBits(rawBytes ?? Encoding.UTF8.GetBytes(text));
                    break;
                case 2:
                    text = OnElement(text, (e, _) => e.AddAfterSelf(new XElement(e)));
                    break;
                case 3:
                    text = OnElement(text, (e, _) => e.Remove());
                    break;
                case 4:
                    text = OnElement(text, (e, r) => e.Value = new string((char)('A' + r.Next(26)), r.Next(4) == 0 ? 200_000 : r.Next(1, 20_000)));
                    break;
                case 5:
                    text = OnElement(text, (e, r) => e.Name = XName.Get(e.Name.LocalName, Namespaces[r.Next(Namespaces.Length)]));
                    break;
                case 6:
                    text = Prologs[_random.Next(Prologs.Length)] + text + (_random.Next(2) == 0 ? string.Empty : "&lol4;");
                    break;
                case 7:
                    text = InsertEntityReference(text);
                    break;
                case 8:
                    text = OnElement(text, (e, r) => e.Add(Nested(r.Next(2) == 0 ? 70 : 1000)));
                    break;
                case 9:
                    text = OnElement(text, (e, r) => e.Value = Junk[r.Next(Junk.Length)]);
                    break;
                case 10:
                    text = OnElement(text, (e, r) =>
                    {
                        for (var a = 0; a < 1 + r.Next(500); a++)
                            e.SetAttributeValue(XName.Get("a" + a, r.Next(2) == 0 ? "" : "urn:a" + (a % 50)), Junk[r.Next(Junk.Length)]);
                    });
                    break;
                case 11:
                    text = OnElement(text, (e, r) => e.Name = XName.Get(e.Name.LocalName + (char)('a' + r.Next(26)), e.Name.NamespaceName));
                    break;
                case 12:
                    contentType = _random.Next(4) switch
                    {
                        0 => "application/soap+xml;charset=UTF-16",
                        1 => "application/soap+xml;charset=EBCDIC",
                        2 => "text/xml;charset=UTF-8",
                        _ => "application/soap+xml",
                    };
                    break;
                case 13:
                    text = InsertAt(text, Junk[_random.Next(Junk.Length)] + (_random.Next(2) == 0 ? "\u0001\u0000" : "<"));
                    break;
                default:
                    text = OnElement(text, (e, r) => e.AddAfterSelf(Enumerable.Range(0, r.Next(1, 1000)).Select(i => new XElement(e.Name, i))));
                    break;
            }
        }

        var body = rawBytes is not null && steps[^1] == KindName(1) ? rawBytes : Encoding.UTF8.GetBytes(text);
        return new FuzzCase(number, $"#{number} {seedName}: {string.Join(" + ", steps)}", body, contentType);
    }

    private static string KindName(int kind) => kind switch
    {
        0 => "truncate",
        1 => "bit flips",
        2 => "duplicate element",
        3 => "delete element",
        4 => "huge value",
        5 => "wrong namespace",
        6 => "DTD/XXE/billion laughs",
        7 => "entity reference",
        8 => "deep nesting",
        9 => "junk value",
        10 => "attribute flood",
        11 => "renamed element",
        12 => "content type",
        13 => "hostile characters",
        _ => "repeated elements",
    };

    private byte[] FlipBits(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length == 0)
            return copy;
        for (var i = 0; i < 1 + _random.Next(8); i++)
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    /// <summary>Applies <paramref name="change"/> to a random element; text that is no longer XML is left as it is.</summary>
    private string OnElement(string text, Action<XElement, Random> change)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            return InsertAt(text, "<x/>");
        }

        var elements = document.Descendants().ToList();
        var target = elements[_random.Next(elements.Count)];
        if (target.Parent is null && _random.Next(2) == 0 && elements.Count > 1)
            target = elements[1];
        if (target.Parent is null)
            return InsertAt(text, "<x/>");

        change(target, _random);
        try
        {
            return document.ToString(SaveOptions.DisableFormatting);
        }
        catch (System.Xml.XmlException)
        {
            return InsertAt(text, "<x/>"); // the change cannot be written as XML (e.g. clashing prefixes)
        }
    }

    private string InsertEntityReference(string text)
    {
        string[] references = ["&xxe;", "&lol4;", "&#0;", "&#xD800;", "&#x10FFFF;", "&nbsp;", "&#99999999;", "&amp", "&#x41;"];
        return InsertAt(text, references[_random.Next(references.Length)]);
    }

    private string InsertAt(string text, string what)
    {
        var at = _random.Next(text.Length + 1);
        return text[..at] + what + text[at..];
    }

    private static XElement Nested(int depth)
    {
        var root = new XElement("n");
        var current = root;
        for (var i = 1; i < depth; i++)
        {
            var child = new XElement("n");
            current.Add(child);
            current = child;
        }

        return root;
    }
}
