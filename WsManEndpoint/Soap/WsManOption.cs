namespace CimCloud.WsManEndpoint.Soap;

/// <summary>One <c>wsman:Option</c> of a <c>wsman:OptionSet</c> header.</summary>
public sealed record WsManOption(string Name, string? Type, bool MustComply, string Value);
