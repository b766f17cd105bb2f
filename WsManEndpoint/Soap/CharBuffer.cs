using System.Buffers;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>A growable char buffer rented from the shared pool: appended to, measured, cut back, released.</summary>
internal sealed class CharBuffer
{
    private char[] _chars;

    public CharBuffer(int capacity)
    {
        _chars = ArrayPool<char>.Shared.Rent(capacity);
    }

    public int Length { get; private set; }

    public int Capacity => _chars.Length;

    public ReadOnlySpan<char> Written => _chars.AsSpan(0, Length);

    public ReadOnlySpan<char> Slice(int start) => _chars.AsSpan(start, Length - start);

    /// <summary>Cuts the content back to <paramref name="length"/> chars.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length);
        Length = length;
    }

    public void Append(char c)
    {
        if (Length == _chars.Length)
            Grow(1);
        _chars[Length++] = c;
    }

    public void Append(string s) => Append(s.AsSpan());

    public void Append(ReadOnlySpan<char> s)
    {
        if (Length + s.Length > _chars.Length)
            Grow(s.Length);
        s.CopyTo(_chars.AsSpan(Length));
        Length += s.Length;
    }

    /// <summary>Gives the array back to the pool; the buffer is empty and unusable until it grows again.</summary>
    public void Release()
    {
        Length = 0;
        if (_chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = [];
        }
    }

    private void Grow(int more)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(Math.Max(_chars.Length * 2, 256), Length + more));
        _chars.AsSpan(0, Length).CopyTo(bigger);
        if (_chars.Length > 0)
            ArrayPool<char>.Shared.Return(_chars);
        _chars = bigger;
    }
}
