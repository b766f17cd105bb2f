namespace CimCloud.Tools.WsManLoad;

/// <summary>Process-wide counter behind every wsa:MessageID (the server rejects a repeat among a user's last 1024).</summary>
internal static class MessageNumbers
{
    private static long _next;

    public static long Next() => Interlocked.Increment(ref _next);
}
