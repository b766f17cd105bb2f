using System.Text.Encodings.Web;
using System.Text.Json;

namespace CimCloud.Cimom.Security.Audit;

/// <summary>
/// An append-only audit file, one JSON object per line
/// (<c>{"time":…,"user":…,"remoteAddress":…,"operation":…,"namespace":…,"objectPath":…,"outcome":…,"error":…}</c>),
/// each line written whole and flushed to the operating system before <see cref="Append"/> returns.
/// </summary>
public sealed class JsonLinesAuditLog : ICimAuditLog, IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FileStream _file;
    private readonly Lock _gate = new();
    private readonly MemoryStream _line = new();
    private bool _disposed;

    /// <summary>Opens (creating folders and file as needed) <paramref name="path"/> for appending. IOException when it cannot.</summary>
    public JsonLinesAuditLog(string path, bool includeReads = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.None);
        Path = path;
        IncludeReads = includeReads;
    }

    public string Path { get; }

    public bool IncludeReads { get; }

    public void Append(CimAuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _line.SetLength(0);
            using (var json = new Utf8JsonWriter(_line, WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("time", record.Time.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("user", record.User);
                json.WriteString("remoteAddress", record.RemoteAddress);
                json.WriteString("operation", record.Operation);
                json.WriteString("namespace", record.Namespace);
                json.WriteString("objectPath", record.ObjectPath);
                json.WriteString("outcome", record.Outcome);
                if (record.Error is not null)
                    json.WriteString("error", record.Error);
                json.WriteEndObject();
            }

            _line.WriteByte((byte)'\n');
            _file.Write(_line.GetBuffer(), 0, (int)_line.Length);
            _file.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _file.Dispose();
            _line.Dispose();
        }
    }
}
