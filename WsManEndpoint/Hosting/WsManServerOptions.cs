namespace CimCloud.WsManEndpoint.Hosting;

/// <summary>
/// Settings of the WS-Management listener. Bindable from configuration (section <see cref="SectionName"/>,
/// e.g. environment variable <c>CimCloud__WsMan__Urls__0=http://127.0.0.1:5985</c>); see <see cref="WsManConfiguration"/>.
/// </summary>
/// <remarks>
/// <para><see cref="AllowUnencrypted"/> defaults to false: Basic credentials are accepted over HTTPS, and over plain HTTP
/// only on loopback connections (client and listener both on the local machine, as with the default listener). A
/// client sending Basic credentials over plain HTTP from another machine gets HTTP 403 with a message saying why;
/// set it to true (WinRM's AllowUnencrypted) only on a trusted network.</para>
/// </remarks>
public sealed class WsManServerOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "CimCloud:WsMan";

    /// <summary>The listener used when <see cref="Urls"/> is empty.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5985";

    /// <summary>
    /// Listen URLs, <c>scheme://host[:port]</c>: <c>http</c> (port 5985 when omitted) or <c>https</c> (5986; needs
    /// <see cref="CertificatePath"/>). Host <c>*</c>, <c>+</c> or <c>0.0.0.0</c> = every IPv4 address, <c>[::]</c> = every
    /// address, <c>localhost</c> = loopback. Port 0 picks a free port (see the addresses <c>StartAsync</c> returns). Empty: <see cref="DefaultUrl"/>.
    /// </summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>The endpoint path; requests to any other path get HTTP 404.</summary>
    public string Path { get; set; } = "/wsman";

    /// <summary>PFX (PKCS#12) file with the server certificate and key for <c>https</c> listeners.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Users as <c>name:password</c> pairs.</summary>
    public List<string> Users { get; set; } = [];

    /// <summary>A file with one <c>name:password</c> per line (<c>#</c> comments and blank lines ignored).</summary>
    public string? UsersFile { get; set; }

    /// <summary>Accept HTTP Basic over plain HTTP from other machines (WinRM's AllowUnencrypted). Default false; loopback is always allowed; see the remarks.</summary>
    public bool AllowUnencrypted { get; set; }

    /// <summary>The <c>WWW-Authenticate</c> realm.</summary>
    public string Realm { get; set; } = "CimCloud";

    /// <summary>The CIM namespace of requests without a <c>__cimnamespace</c> selector.</summary>
    public string DefaultNamespace { get; set; } = "root/cimv2";

    /// <summary>Server cap on response envelopes in octets (WinRM 1.1's 150 KB); also the cap when a request sends no MaxEnvelopeSize.</summary>
    public int MaxEnvelopeSize { get; set; } = 153600;

    /// <summary>Largest request body accepted in octets (larger → <c>wsman:EncodingLimit</c>/ServiceEnvelopeLimit); null = <see cref="MaxEnvelopeSize"/>.</summary>
    public int? MaxRequestSize { get; set; }

    /// <summary>wsman:OperationTimeout when a request sends none.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wsman:OperationTimeout honoured; a longer one is cut to this.</summary>
    public TimeSpan MaxOperationTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An enumeration context unused this long is dropped (unless the Enumerate gave wsen:Expires).</summary>
    public TimeSpan EnumerationIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wsen:Expires honoured; longer requests are cut to this.</summary>
    public TimeSpan MaxEnumerationExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Open enumeration contexts per user; more → <c>wsman:QuotaLimit</c>.</summary>
    public int MaxEnumerationContextsPerUser { get; set; } = 64;

    /// <summary>How often expired enumeration contexts are swept.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Message IDs remembered per user to detect duplicates.</summary>
    public int MessageIdHistory { get; set; } = 1024;

    /// <summary>wsmid:ProductVersion for authenticated Identify; null = the assembly version.</summary>
    public string? ProductVersion { get; set; }

    /// <summary>
    /// Folder of the durable store (<c>repository.db</c>): what clients create, modify or delete in repository-backed
    /// classes, and the classes, qualifier declarations and namespaces they add, survive a restart. Null (default): in memory only.
    /// Used by the host (<c>cimcloud serve --data DIR</c>), not by the endpoint itself.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Deepest XML element accepted in a request outside its headers (the Envelope is depth 0; at most 64, which also caps headers); deeper → <c>wsman:SchemaValidationError</c>.</summary>
    public int MaxXmlDepth { get; set; } = Soap.SoapEnvelopeReader.MaxDepth;

    /// <summary>Requests one user may have in progress at once; more → <c>wsman:QuotaLimit</c>. 0 = unlimited.</summary>
    public int MaxConcurrentOperationsPerUser { get; set; } = 256;

    /// <summary>Sustained requests per second per user (bursts of one second's worth); more → <c>wsman:QuotaLimit</c>. 0 = unlimited.</summary>
    public double MaxRequestsPerSecondPerUser { get; set; } = 20_000;

    /// <summary>Requests a user may send at once above <see cref="MaxRequestsPerSecondPerUser"/>; 0 = one second's worth.</summary>
    public int RequestBurstPerUser { get; set; }

    internal int EffectiveMaxRequestSize => MaxRequestSize ?? MaxEnvelopeSize;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Path) || Path[0] != '/')
            throw new ArgumentException($"Path '{Path}' must start with '/'", nameof(Path));
        if (MaxEnvelopeSize < 8192)
            throw new ArgumentException($"MaxEnvelopeSize {MaxEnvelopeSize} is below the DSP0226 minimum of 8192 octets", nameof(MaxEnvelopeSize));
        if (EffectiveMaxRequestSize < 1024)
            throw new ArgumentException($"MaxRequestSize {EffectiveMaxRequestSize} is too small", nameof(MaxRequestSize));
        if (OperationTimeout <= TimeSpan.Zero)
            throw new ArgumentException("OperationTimeout must be positive", nameof(OperationTimeout));
        if (MaxOperationTimeout < OperationTimeout || MaxOperationTimeout > TimeSpan.FromDays(20))
            throw new ArgumentException("MaxOperationTimeout must be at least OperationTimeout and at most 20 days", nameof(MaxOperationTimeout));
        if (EnumerationIdleTimeout <= TimeSpan.Zero)
            throw new ArgumentException("EnumerationIdleTimeout must be positive", nameof(EnumerationIdleTimeout));
        if (MaxEnumerationContextsPerUser < 1)
            throw new ArgumentException("MaxEnumerationContextsPerUser must be at least 1", nameof(MaxEnumerationContextsPerUser));
        if (MessageIdHistory < 1)
            throw new ArgumentException("MessageIdHistory must be at least 1", nameof(MessageIdHistory));
        if (SweepInterval <= TimeSpan.Zero)
            throw new ArgumentException("SweepInterval must be positive", nameof(SweepInterval));
        if (MaxXmlDepth < 8 || MaxXmlDepth > Soap.SoapEnvelopeReader.MaxDepth)
            throw new ArgumentException($"MaxXmlDepth must be between 8 and {Soap.SoapEnvelopeReader.MaxDepth}", nameof(MaxXmlDepth));
        if (MaxConcurrentOperationsPerUser < 0)
            throw new ArgumentException("MaxConcurrentOperationsPerUser must be 0 (unlimited) or more", nameof(MaxConcurrentOperationsPerUser));
        if (MaxRequestsPerSecondPerUser < 0 || double.IsNaN(MaxRequestsPerSecondPerUser))
            throw new ArgumentException("MaxRequestsPerSecondPerUser must be 0 (unlimited) or more", nameof(MaxRequestsPerSecondPerUser));
        if (RequestBurstPerUser < 0)
            throw new ArgumentException("RequestBurstPerUser must be 0 (one second's worth) or more", nameof(RequestBurstPerUser));
        if (string.IsNullOrWhiteSpace(DefaultNamespace))
            throw new ArgumentException("DefaultNamespace must be set", nameof(DefaultNamespace));
    }
}
