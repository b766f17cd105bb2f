namespace CimCloud.WsManEndpoint.Cim;

/// <summary>FaultDetail names of <c>wsman:InvalidSelectors</c> (spec digest §8.3; spelled as DSP0226 does).</summary>
public static class SelectorFaultDetails
{
    public const string InsufficientSelectors = "InsufficientSelectors";
    public const string UnexpectedSelectors = "UnexpectedSelectors";
    public const string TypeMismatch = "TypeMismatch";
    public const string InvalidValue = "InvalidValue";
    public const string DuplicateSelectors = "DuplicateSelectors";
    public const string AmbiguousSelectors = "AmbiguousSelectors";
}
