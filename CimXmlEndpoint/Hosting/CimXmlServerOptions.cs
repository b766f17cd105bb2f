namespace CimCloud.CimXmlEndpoint.Hosting;

/// <summary>Settings of the CIM-XML (DSP0200) server.</summary>
public sealed class CimXmlServerOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5988";

    /// <summary>Listen URLs (scheme, address, port; no path). Default <see cref="DefaultUrl"/>; https defaults to port 5989.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>The endpoint path (DSP0200: /cimom).</summary>
    public string Path { get; set; } = "/cimom";

    /// <summary>PFX with the certificate for https URLs.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public string Realm { get; set; } = "CimCloud";

    /// <summary>Largest request body accepted (bytes); bigger ones get 413.</summary>
    public long MaxRequestSize { get; set; } = 16 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted in a request.</summary>
    public int MaxXmlDepth { get; set; } = 64;

    /// <summary>How long one operation may run before it fails (CIM_ERR_FAILED, timeout).</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Open enumeration lifetime between pulls when the client gives no OperationTimeout.</summary>
    public TimeSpan DefaultPullTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest OperationTimeout a client may ask for.</summary>
    public TimeSpan MaxPullTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A Pull/Open returns at most this many objects whatever MaxObjectCount asks.</summary>
    public int MaxObjectCount { get; set; } = 10_000;

    /// <summary>Open enumerations the server keeps at once (CIM_ERR_SERVER_LIMITS_EXCEEDED beyond).</summary>
    public int MaxOpenEnumerations { get; set; } = 1024;

    /// <summary>The host name written in INSTANCEPATH/NAMESPACEPATH (default: the machine name).</summary>
    public string? HostName { get; set; }
}
