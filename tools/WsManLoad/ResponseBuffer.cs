using System.Text;

namespace CimCloud.Tools.WsManLoad;

/// <summary>A reusable, growing buffer that one worker reads each response body into.</summary>
internal sealed class ResponseBuffer
{
    private byte[] _bytes = new byte[16384];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, Length);

    public async Task<int> FillAsync(Stream stream, CancellationToken cancellationToken)
    {
        Length = 0;
        while (true)
        {
            if (Length == _bytes.Length)
                Array.Resize(ref _bytes, _bytes.Length * 2);
            var n = await stream.ReadAsync(_bytes.AsMemory(Length), cancellationToken);
            if (n == 0)
                return Length;
            Length += n;
        }
    }

    public byte[] ToArray() => Span.ToArray();

    public override string ToString() => Encoding.UTF8.GetString(Span);
}
