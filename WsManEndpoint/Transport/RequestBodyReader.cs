using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace CimCloud.WsManEndpoint.Transport;

/// <summary>Reads a request body (Content-Length or chunked) into a pooled buffer, stopping one octet past the limit.</summary>
internal static class RequestBodyReader
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/>. The caller returns the array to the shared pool.</summary>
    public static async Task<(byte[] Buffer, int Length)?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var expected = request.ContentLength is { } cl ? (int)Math.Min(cl, limit + 1L) : 8192;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(expected, 256));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                        break;
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken);
                if (read == 0)
                    break;
                length += read;
                if (length > limit || length == request.ContentLength)
                    break;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (length > limit)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        return (buffer, length);
    }
}
