namespace CimCloud.Tools.WsManLoad;

/// <summary>Bytes per request through the WS-Man pipeline and against the fixed answer (same request and response bytes).</summary>
internal sealed record AllocationResult(string Name, double Pipeline, double FixedAnswer)
{
    /// <summary>What the WS-Management pipeline adds per request (authentication, parsing, dispatch, CIM lookup, serialization).</summary>
    public double Server => Pipeline - FixedAnswer;
}
