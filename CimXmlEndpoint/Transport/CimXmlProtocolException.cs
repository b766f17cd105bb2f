namespace CimCloud.CimXmlEndpoint.Transport;

/// <summary>
/// A DSP0200 protocol error: the request is answered with <see cref="HttpStatus"/> and the <c>CIMError</c> header
/// (<see cref="CimError"/>, e.g. <c>request-not-well-formed</c>) instead of a CIM-XML response.
/// </summary>
public sealed class CimXmlProtocolException : Exception
{
    public CimXmlProtocolException()
        : this(400, "request-not-valid", "the request is not valid")
    {
    }

    public CimXmlProtocolException(string message)
        : this(400, "request-not-valid", message)
    {
    }

    public CimXmlProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
        HttpStatus = 400;
        CimError = "request-not-valid";
    }

    public CimXmlProtocolException(int httpStatus, string cimError, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        HttpStatus = httpStatus;
        CimError = cimError;
    }

    public int HttpStatus { get; }

    public string CimError { get; }

    public static CimXmlProtocolException NotValid(string message) => new(400, "request-not-valid", message);

    public static CimXmlProtocolException NotWellFormed(string message, Exception? inner = null) => new(400, "request-not-well-formed", message, inner);

    public static CimXmlProtocolException HeaderMismatch(string message) => new(400, "header-mismatch", message);

    public static CimXmlProtocolException UnsupportedOperation(string message) => new(501, "unsupported-operation", message);
}
