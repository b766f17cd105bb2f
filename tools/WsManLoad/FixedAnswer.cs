namespace CimCloud.Tools.WsManLoad;

/// <summary>A precomputed HTTP answer: the exact body and Content-Type the real endpoint sent.</summary>
internal sealed record FixedAnswer(string ContentType, byte[] Body);
