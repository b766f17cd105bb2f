using System.Text;

namespace CimCloud.Tools.WsManLoad;

/// <summary>
/// A request envelope split at its variable parts, rendered into a caller's buffer without allocating:
/// <see cref="MessageId"/> becomes <c>uuid:…</c> with a 12-hex-digit counter, <see cref="Key"/> a 7-digit key index,
/// <see cref="Text"/> a caller's string (an enumeration context).
/// </summary>
internal sealed class EnvelopeTemplate
{
    public const string MessageId = "\u0001";
    public const string Key = "\u0002";
    public const string Text = "\u0003";

    private const string UuidPrefix = "uuid:6c6f6164-7761-4d61-8e00-";

    private readonly (byte[] Literal, char Hole)[] _parts;

    public EnvelopeTemplate(string envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var parts = new List<(byte[], char)>();
        var start = 0;
        for (var i = 0; i < envelope.Length; i++)
        {
            if (envelope[i] is '\u0001' or '\u0002' or '\u0003')
            {
                parts.Add((Encoding.UTF8.GetBytes(envelope[start..i]), envelope[i]));
                start = i + 1;
            }
        }

        parts.Add((Encoding.UTF8.GetBytes(envelope[start..]), '\0'));
        _parts = [.. parts];
        MaxLength = _parts.Sum(p => p.Literal.Length) + (_parts.Length * 48);
    }

    /// <summary>Rendered length bound, not counting <see cref="Text"/> values.</summary>
    public int MaxLength { get; }

    /// <summary>Writes the envelope into <paramref name="buffer"/> (grown when needed); returns its length.</summary>
    public int Render(ref byte[] buffer, long messageNumber, int keyIndex = 0, string? text = null)
    {
        var needed = MaxLength + (text is null ? 0 : Encoding.UTF8.GetMaxByteCount(text.Length));
        if (buffer.Length < needed)
            buffer = new byte[needed];
        var span = buffer.AsSpan();
        var at = 0;
        foreach (var (literal, hole) in _parts)
        {
            literal.CopyTo(span[at..]);
            at += literal.Length;
            int written;
            switch (hole)
            {
                case '\u0001':
                    at += Encoding.UTF8.GetBytes(UuidPrefix, span[at..]);
                    messageNumber.TryFormat(span[at..], out written, "x12");
                    at += written;
                    break;
                case '\u0002':
                    keyIndex.TryFormat(span[at..], out written, LoadModel.KeyDigits);
                    at += written;
                    break;
                case '\u0003':
                    at += Encoding.UTF8.GetBytes(text ?? string.Empty, span[at..]);
                    break;
            }
        }

        return at;
    }
}
