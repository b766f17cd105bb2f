namespace CimCloud.ConformanceTests.WsMan;

/// <summary>
/// Real-client behaviour that `cimcloud serve` does not support yet. Each test that needs it is written against the
/// behaviour users expect and skipped with one of these reasons; remove the Skip when the server side changes.
/// </summary>
internal static class KnownInteropIssues
{
    /// <summary>wsl fault masking: curl --retry 1 resends the identical envelope after an HTTP 500 fault.</summary>
    public const string CurlRetryDuplicateMessageId =
        "server: every wsl fault is replaced by 'duplicate message ID'. wsl runs curl with --retry 1, and curl retries an " +
        "HTTP 500 once, 1 s later, with the same envelope (same wsa:MessageID); the server then answers " +
        "wsa:InvalidMessageInformationHeader 'duplicate message ID ...' (spec section 4 policy: last 1024 IDs per user), and that " +
        "is the fault wsl shows instead of the real one (here wsa:ActionNotSupported). Fix idea: answer a byte-identical " +
        "retransmission of a remembered MessageID with the remembered response, or do not remember IDs of requests that faulted.";

    /// <summary>Intel/DMT wsman-messages numbers messages 0, 1, 2... per WSManMessageCreator.</summary>
    public const string WsManMessagesRestartsMessageIds =
        "server: a second session of @device-management-toolkit/wsman-messages is refused. The package sends " +
        "<a:MessageID>0</a:MessageID>, 1, 2... per WSManMessageCreator (one per device session in Intel's tools), so every new " +
        "session by the same user repeats IDs the server remembers (spec section 4 policy: last 1024 IDs per user) and gets " +
        "wsa:InvalidMessageInformationHeader 'duplicate message ID 0'. Fix idea: apply duplicate detection only to uuid: " +
        "MessageIDs, or scope the history to the connection.";

    /// <summary>wsl's line-oriented instance extraction in wslput.</summary>
    public const string WslPutFullInstance =
        "server/client: wslput (without -fragment) cannot rebuild the instance from CimCloud's enumeration response and sends " +
        "an empty body (server: wsman:SchemaValidationError 'Root element is missing'). wslput finds the instance by a line " +
        "matching ':CCT_Base>' after xmllint --format, i.e. an opening tag without attributes, as openwsman/iDRAC emit it " +
        "(class namespace declared on s:Envelope, no xsi:type); CimCloud writes " +
        "<p:CCT_Base xmlns:p=\"...\" xsi:type=\"p:CCT_Base_Type\">. Fix idea: declare the class namespace prefixes on an " +
        "ancestor and omit xsi:type when the element's class is the class asked for.";
}
