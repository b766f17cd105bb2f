using System.Globalization;
using System.Xml.Linq;
using CimCloud.WsManEndpoint.Cim;
using CimCloud.WsManEndpoint.Faults;

namespace CimCloud.WsManEndpoint.Soap;

/// <summary>
/// Applies the header rules of DSP0226 in the spec digest's fixed order (§4): envelope version → mustUnderstand →
/// Identify short-circuit → MessageID presence and duplication → To/Action/ReplyTo/FaultTo → MaxEnvelopeSize,
/// OperationTimeout, Locale → ResourceURI → SelectorSet → OptionSet. The first broken rule is thrown as a
/// <see cref="WsManFault"/>; body checks belong to the handlers. OperationTimeout is cut to the server's maximum.
/// </summary>
public sealed class RequestValidator(TimeSpan defaultOperationTimeout, TimeSpan maxOperationTimeout, MessageIdHistory history, IReadOnlySet<string> supportedOptions)
{
    /// <summary>The smallest MaxEnvelopeSize a client may ask for (DSP0226 R6.2-1).</summary>
    public const int MinimumEnvelopeSize = 8192;

    private static readonly System.Buffers.SearchValues<char> NotInUri = System.Buffers.SearchValues.Create(" \t\r\n<>\"");

    /// <summary>Steps 1 and 2: the envelope version and unknown mustUnderstand headers.</summary>
    public static void CheckEnvelope(SoapEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!envelope.IsSoap12)
            throw WsManFaults.VersionMismatch();
        foreach (var header in envelope.Headers)
        {
            if (header.MustUnderstand && !UnderstoodHeaders.Contains(header.Name))
                throw WsManFaults.MustUnderstand(header.Name);
        }
    }

    /// <summary>An Identify request (step 3): nothing else is required.</summary>
    public static WsManRequest Identify(SoapEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new WsManRequest { Action = envelope.Action ?? string.Empty, IsIdentify = true, Body = envelope.Body, Headers = envelope.Headers };
    }

    /// <summary>A request that faulted is forgotten, so that a client's identical resend is answered again (see <see cref="MessageIdHistory"/>).</summary>
    public void ForgetMessageId(string user, string? messageId)
    {
        if (messageId is not null)
            history.Forget(user, messageId);
    }

    /// <summary>Steps 4 to 9 for an authenticated request of <paramref name="user"/>.</summary>
    public WsManRequest Validate(SoapEnvelope envelope, string user)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(user);

        // (4) MessageID
        if (envelope.MessageId is null)
            throw WsManFaults.MessageInformationHeaderRequired("wsa:MessageID");
        if (envelope.MessageId.Length == 0)
            throw WsManFaults.InvalidMessageInformationHeader("wsa:MessageID is empty");
        if (envelope.RepeatedHeaders.Count > 0)
            throw WsManFaults.InvalidMessageInformationHeader($"header wsa:{envelope.RepeatedHeaders[0].LocalName} appears more than once");
        if (!history.TryRecord(user, envelope.MessageId))
            throw WsManFaults.InvalidMessageInformationHeader($"duplicate message ID {envelope.MessageId}");

        // (5) To, Action, ReplyTo, FaultTo
        if (envelope.To is null)
            throw WsManFaults.MessageInformationHeaderRequired("wsa:To");
        if (envelope.Action is null)
            throw WsManFaults.MessageInformationHeaderRequired("wsa:Action");
        if (envelope.Action.Length == 0)
            throw WsManFaults.InvalidMessageInformationHeader("wsa:Action is empty");
        var replyTo = Reply(envelope.ReplyTo, "ReplyTo");
        var faultTo = Reply(envelope.FaultTo, "FaultTo");

        // (6) MaxEnvelopeSize, OperationTimeout, Locale
        var maxEnvelope = MaxEnvelopeSize(envelope.MaxEnvelopeSize);
        var timeout = OperationTimeout(envelope.OperationTimeout);
        CheckLocale(envelope);

        // (7) ResourceURI (Pull and Release work without one: the context knows its resource)
        if (envelope.ResourceUri is null && !IsContextAction(envelope.Action))
            throw WsManFaults.InvalidResourceUri("the wsman:ResourceURI header is missing");
        if (envelope.ResourceUri is not null && !IsAbsoluteUri(envelope.ResourceUri))
            throw WsManFaults.InvalidResourceUri($"resource URI '{envelope.ResourceUri}' is not an absolute URI");

        // (8) SelectorSet (structure and duplicates; the CIM binding checks names and values against the class)
        if (envelope.SelectorSetFault is { } selectorFault)
            throw selectorFault;
        var selectors = Selectors(envelope.Selectors ?? SelectorSetReader.Read(envelope.SelectorSet));

        // (9) OptionSet
        var options = OptionSetReader.Read(envelope.OptionSet, envelope.OptionSetMustUnderstand, supportedOptions);

        return new WsManRequest
        {
            Action = envelope.Action,
            To = envelope.To,
            MessageId = envelope.MessageId,
            ReplyTo = replyTo,
            FaultTo = faultTo,
            ResourceUri = envelope.ResourceUri,
            SelectorSet = envelope.SelectorSet,
            Selectors = selectors,
            Options = options,
            OperationTimeout = timeout,
            MaxEnvelopeSize = maxEnvelope,
            Locale = envelope.Locale,
            FragmentTransfer = envelope.FragmentTransfer,
            FragmentDialect = envelope.FragmentDialect,
            RequestEpr = envelope.RequestEpr,
            RequestTotalItemsCountEstimate = envelope.RequestTotalItemsCountEstimate,
            PolymorphismMode = envelope.PolymorphismMode,
            Body = envelope.Body,
            Headers = envelope.Headers,
        };
    }

    private static bool IsContextAction(string action) =>
        action is WsManActions.Pull or WsManActions.Release or WsManActions.Renew or WsManActions.GetStatus;

    private static EndpointAddress? Reply(EndpointAddress? epr, string header)
    {
        if (epr is null)
            return null;
        if (epr.Address.Length == 0)
            throw WsManFaults.InvalidMessageInformationHeader($"wsa:{header} has no wsa:Address");
        if (!epr.IsAnonymous)
            throw WsManFaults.UnsupportedFeature("AddressingMode", $"wsa:{header} must be the anonymous address; got {epr.Address}");
        return epr;
    }

    private static int? MaxEnvelopeSize(string? text)
    {
        if (text is null)
            return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            if (text.Length > 0 && text.All(char.IsAsciiDigit))
                size = int.MaxValue;
            else
                throw WsManFaults.SchemaValidationError($"wsman:MaxEnvelopeSize '{text}' is not a positive integer");
        }

        if (size < MinimumEnvelopeSize)
            throw WsManFaults.EncodingLimit("MinimumEnvelopeLimit", $"wsman:MaxEnvelopeSize {size} is below the minimum of {MinimumEnvelopeSize} octets");
        return size;
    }

    private TimeSpan OperationTimeout(string? text)
    {
        if (text is null)
            return defaultOperationTimeout;
        if (!XsDuration.TryParse(text, out var timeout))
            throw WsManFaults.InvalidMessageInformationHeader($"wsman:OperationTimeout '{text}' is not an xs:duration", "OperationTimeout");
        if (timeout <= TimeSpan.Zero)
            throw WsManFaults.TimedOut($"wsman:OperationTimeout {text} has already elapsed");
        return timeout > maxOperationTimeout ? maxOperationTimeout : timeout;
    }

    private static void CheckLocale(SoapEnvelope envelope)
    {
        if (envelope.Locale is not { Length: > 0 } lang || !envelope.LocaleMustUnderstand)
            return;
        if (!lang.Equals("en", StringComparison.OrdinalIgnoreCase) && !lang.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            throw WsManFaults.UnsupportedFeature("Locale", $"locale {lang} is not supported; messages are in en-US");
    }

    private static IReadOnlyList<Selector> Selectors(IReadOnlyList<Selector> selectors)
    {
        for (var i = 1; i < selectors.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(selectors[i].Name, selectors[j].Name, StringComparison.OrdinalIgnoreCase))
                    throw WsManFaults.InvalidSelectors(SelectorFaultDetails.DuplicateSelectors, $"selector {selectors[i].Name} appears more than once");
            }
        }

        return selectors;
    }

    /// <summary>RFC 3986 absolute URI shape: a scheme (letter, then letters, digits, + - .), a colon, something after it.</summary>
    private static bool IsAbsoluteUri(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1 || !char.IsAsciiLetter(text[0]))
            return false;
        foreach (var c in text.AsSpan(1, colon - 1))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
                return false;
        }

        return !text.AsSpan().ContainsAny(NotInUri);
    }
}
