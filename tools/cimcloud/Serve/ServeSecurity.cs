using System.CommandLine;
using System.CommandLine.Parsing;
using CimCloud.Cimom.Operations;
using CimCloud.Cimom.Security;
using CimCloud.Cimom.Security.Audit;
using CimCloud.WsManEndpoint.Hosting;
using CimCloud.WsManEndpoint.Security;

namespace CimCloud.Cli.Serve;

/// <summary>
/// The security parts of <c>cimcloud serve</c>: the security and limit options onto the settings, the audit trail,
/// the credential verifier (users file + --user administrators, login failures audited) and the authorizing,
/// auditing decorator around the CIM operations.
/// </summary>
internal sealed class ServeSecurity : IDisposable
{
    private ServeSecurity(JsonLinesAuditLog? audit, ICimCredentialVerifier verifier)
    {
        Audit = audit;
        Verifier = verifier;
    }

    public JsonLinesAuditLog? Audit { get; }

    public ICimCredentialVerifier Verifier { get; }

    public static void ApplyOptions(ParseResult parse, ServeOptions o, WsManServerOptions settings)
    {
        if (parse.GetValue(o.AllowUnencrypted))
            settings.AllowUnencrypted = true;
        if (parse.GetValue(o.MaxXmlDepth) is { } depth)
            settings.MaxXmlDepth = depth;
        if (parse.GetValue(o.MaxEnvelopeSize) is { } size)
            settings.MaxEnvelopeSize = size;
        if (parse.GetValue(o.MaxConcurrentPerUser) is { } concurrent)
            settings.MaxConcurrentOperationsPerUser = concurrent;
        if (parse.GetValue(o.MaxRequestsPerSecond) is { } rate)
            settings.MaxRequestsPerSecondPerUser = rate;
        if (parse.GetValue(o.RequestBurst) is { } burst)
            settings.RequestBurstPerUser = burst;
        if (parse.GetValue(o.MaxEnumerationsPerUser) is { } enumerations)
            settings.MaxEnumerationContextsPerUser = enumerations;
    }

    /// <summary>Opens the audit trail and reads the users; null (after printing why) when either fails.</summary>
    public static ServeSecurity? Open(ParseResult parse, ServeOptions o, WsManServerOptions settings, TextWriter error)
    {
        JsonLinesAuditLog? audit = null;
        try
        {
            var auditPath = parse.GetValue(o.Audit) ?? DataDirAuditPath(parse);
            if (auditPath is not null)
                audit = new JsonLinesAuditLog(auditPath, parse.GetValue(o.AuditReads));
            var verifier = UserVerifiers.FromOptions(settings);
            return new ServeSecurity(audit, audit is null ? verifier : new AuditingCredentialVerifier(verifier, audit));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            audit?.Dispose();
            error.WriteLine($"cimcloud serve: cannot start: {e.Message}");
            return null;
        }
    }

    /// <summary>Authorization (always) and the audit trail (when on) around <paramref name="operations"/>.</summary>
    public ICimOperations Secure(ICimOperations operations) => new SecuredCimOperations(operations, Audit);

    public void Dispose() => Audit?.Dispose();

    /// <summary>
    /// With the durable store's <c>--data DIR</c> (an option of its own change; found here by name), the audit trail is on
    /// by default as DIR/audit.jsonl.
    /// </summary>
    private static string? DataDirAuditPath(ParseResult parse)
    {
        var data = parse.CommandResult.Command.Options.FirstOrDefault(option => option.Name == "--data");
        return data is not null && parse.GetResult(data) is OptionResult { Tokens.Count: > 0 } result
            ? Path.Combine(result.Tokens[^1].Value, "audit.jsonl")
            : null;
    }
}
