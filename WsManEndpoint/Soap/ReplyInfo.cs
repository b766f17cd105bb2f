using System.Xml.Linq;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>What a response takes from its request: the MessageID to relate to and the ReplyTo reference parameters to copy.</summary>
public readonly record struct ReplyInfo(string? RelatesTo, IReadOnlyList<XElement> ReferenceParameters)
{
    public static ReplyInfo None { get; } = new(null, []);

    public static ReplyInfo For(WsManRequest? request) =>
        request is null ? None : new ReplyInfo(request.MessageId, request.ReplyTo?.ReferenceParameters ?? []);
}
