using System.Xml;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// What a handler answers: the response action, a body writer and extra header writers. The envelope, the
/// addressing headers (To, Action, MessageID, RelatesTo, copied reference parameters) and the size check are
/// added in one place (<see cref="SoapEnvelopeWriter"/>). A handler that measured its own envelope (enumeration
/// batches, Put with undo) hands it over in <see cref="Encoded"/>.
/// </summary>
public sealed class WsManResponse
{
    public WsManResponse(string action, Action<XmlWriter>? body = null)
    {
        Action = action;
        Body = body;
    }

    public string Action { get; }

    public Action<XmlWriter>? Body { get; }

    public List<Action<XmlWriter>> Headers { get; } = [];

    /// <summary>An Identify response: no addressing headers.</summary>
    public bool IsIdentify { get; init; }

    public bool IsFault { get; init; }

    /// <summary>Set when the handler already wrote and size-checked the envelope.</summary>
    public EncodedEnvelope? Encoded { get; set; }
}
