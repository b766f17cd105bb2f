namespace CimCloud.Cimom.Model;

/// <summary>A CIM operation failed with a DSP0200 status code; front ends map it to their wire error.</summary>
public class CimException : Exception
{
    public CimException()
        : this(CimStatusCode.Failed, "CIM operation failed")
    {
    }

    public CimException(string message)
        : this(CimStatusCode.Failed, message)
    {
    }

    public CimException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = CimStatusCode.Failed;
    }

    public CimException(CimStatusCode statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public CimStatusCode StatusCode { get; }

    /// <summary>The DSP0200 symbolic name, e.g. <c>CIM_ERR_NOT_FOUND</c>.</summary>
    public string StatusName => SymbolicName(StatusCode);

    public static string SymbolicName(CimStatusCode code) => code switch
    {
        CimStatusCode.Ok => "CIM_ERR_OK",
        CimStatusCode.Failed => "CIM_ERR_FAILED",
        CimStatusCode.AccessDenied => "CIM_ERR_ACCESS_DENIED",
        CimStatusCode.InvalidNamespace => "CIM_ERR_INVALID_NAMESPACE",
        CimStatusCode.InvalidParameter => "CIM_ERR_INVALID_PARAMETER",
        CimStatusCode.InvalidClass => "CIM_ERR_INVALID_CLASS",
        CimStatusCode.NotFound => "CIM_ERR_NOT_FOUND",
        CimStatusCode.NotSupported => "CIM_ERR_NOT_SUPPORTED",
        CimStatusCode.ClassHasChildren => "CIM_ERR_CLASS_HAS_CHILDREN",
        CimStatusCode.ClassHasInstances => "CIM_ERR_CLASS_HAS_INSTANCES",
        CimStatusCode.InvalidSuperclass => "CIM_ERR_INVALID_SUPERCLASS",
        CimStatusCode.AlreadyExists => "CIM_ERR_ALREADY_EXISTS",
        CimStatusCode.NoSuchProperty => "CIM_ERR_NO_SUCH_PROPERTY",
        CimStatusCode.TypeMismatch => "CIM_ERR_TYPE_MISMATCH",
        CimStatusCode.QueryLanguageNotSupported => "CIM_ERR_QUERY_LANGUAGE_NOT_SUPPORTED",
        CimStatusCode.InvalidQuery => "CIM_ERR_INVALID_QUERY",
        CimStatusCode.MethodNotAvailable => "CIM_ERR_METHOD_NOT_AVAILABLE",
        CimStatusCode.MethodNotFound => "CIM_ERR_METHOD_NOT_FOUND",
        CimStatusCode.NamespaceNotEmpty => "CIM_ERR_NAMESPACE_NOT_EMPTY",
        CimStatusCode.InvalidEnumerationContext => "CIM_ERR_INVALID_ENUMERATION_CONTEXT",
        CimStatusCode.InvalidOperationTimeout => "CIM_ERR_INVALID_OPERATION_TIMEOUT",
        CimStatusCode.PullHasBeenAbandoned => "CIM_ERR_PULL_HAS_BEEN_ABANDONED",
        CimStatusCode.PullCannotBeAbandoned => "CIM_ERR_PULL_CANNOT_BE_ABANDONED",
        CimStatusCode.FilteredEnumerationNotSupported => "CIM_ERR_FILTERED_ENUMERATION_NOT_SUPPORTED",
        CimStatusCode.ContinuationOnErrorNotSupported => "CIM_ERR_CONTINUATION_ON_ERROR_NOT_SUPPORTED",
        CimStatusCode.ServerLimitsExceeded => "CIM_ERR_SERVER_LIMITS_EXCEEDED",
        CimStatusCode.ServerIsShuttingDown => "CIM_ERR_SERVER_IS_SHUTTING_DOWN",
        _ => $"CIM_ERR_{(int)code}",
    };
}
