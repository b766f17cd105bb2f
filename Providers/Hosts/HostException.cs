namespace CimCloud.Providers.Hosts;

/// <summary>A failed host call: <see cref="Kind"/> says why, the message says what (for logs and error descriptions).</summary>
public sealed class HostException : Exception
{
    public HostException(HostErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public HostException()
    {
    }

    public HostException(string message)
        : base(message)
    {
    }

    public HostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HostErrorKind Kind { get; }
}
