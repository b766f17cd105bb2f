using System.Xml;
using Microsoft.AspNetCore.Http;

namespace CimCloud.CimXmlEndpoint.Transport;

/// <summary>
/// The response body: a synchronous <see cref="XmlWriter"/> over a small in-memory buffer that is copied to the
/// HTTP response (asynchronously) whenever it passes <see cref="FlushThreshold"/> bytes, so an enumeration of any
/// size is sent as chunks while it is produced and never held whole.
/// </summary>
internal sealed class ResponseStream : IDisposable
{
    public const int FlushThreshold = 32 * 1024;

    private readonly HttpResponse _response;
    private readonly MemoryStream _buffer = new(FlushThreshold * 2);

    public ResponseStream(HttpResponse response)
    {
        _response = response;
        Xml = XmlWriter.Create(_buffer, CimCloud.CimXmlEndpoint.Xml.CimXmlWriter.Settings);
    }

    public XmlWriter Xml { get; }

    /// <summary>True once bytes went to the client (the status and headers cannot change any more).</summary>
    public bool HasStarted => _response.HasStarted;

    public async ValueTask FlushIfNeededAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Length < FlushThreshold)
        {
            Xml.Flush();
            if (_buffer.Length < FlushThreshold)
                return;
        }

        await SendAsync(cancellationToken);
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Xml.Flush();
        if (!_response.HasStarted)
            _response.ContentLength = _buffer.Length;
        await SendAsync(cancellationToken);
    }

    /// <summary>Sends what is buffered without fixing Content-Length (the response stays chunked, so trailers can follow).</summary>
    public ValueTask SendRemainingAsync(CancellationToken cancellationToken) => SendAsync(cancellationToken);

    private async ValueTask SendAsync(CancellationToken cancellationToken)
    {
        Xml.Flush();
        if (_buffer.Length == 0)
            return;
        await _response.Body.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken);
        _buffer.SetLength(0);
    }

    public void Dispose()
    {
        Xml.Dispose();
        _buffer.Dispose();
    }
}
