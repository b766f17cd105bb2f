using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// Reads MOF files into pooled char buffers: UTF-8 with or without BOM, UTF-16 LE/BE and UTF-32 LE with a
/// BOM. The caller returns the buffer with <see cref="Release"/> once the file is parsed.
/// </summary>
internal static class MofSourceReader
{
    /// <summary>Larger files are refused (a MOF file this size is a mistake, and the pools stop there).</summary>
    public const int MaxFileBytes = 256 * 1024 * 1024;

    /// <summary>Reads a whole file; IO exceptions propagate to the caller, which reports them.</summary>
    public static char[] ReadFile(string path, out int length, out bool invalidUtf8)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        long fileLength = RandomAccess.GetLength(handle);
        if (fileLength > MaxFileBytes)
            throw new IOException($"file is larger than {MaxFileBytes / (1024 * 1024)} MB");
        byte[] bytes = ArrayPool<byte>.Shared.Rent((int)fileLength);
        try
        {
            int total = 0;
            while (total < fileLength)
            {
                int read = RandomAccess.Read(handle, bytes.AsSpan(total, (int)fileLength - total), total);
                if (read == 0)
                    break;
                total += read;
            }

            return Decode(bytes.AsSpan(0, total), out length, out invalidUtf8);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Copies in-memory text into a pooled buffer.</summary>
    public static char[] FromText(string text, out int length)
    {
        char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        text.CopyTo(chars);
        length = text.Length;
        return chars;
    }

    /// <summary>Decodes file bytes by their BOM (UTF-8 without one); invalid UTF-8 becomes U+FFFD.</summary>
    public static char[] Decode(ReadOnlySpan<byte> bytes, out int length, out bool invalidUtf8)
    {
        invalidUtf8 = false;
        Encoding? encoding = null;
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            encoding = Encoding.UTF32;
            bytes = bytes[4..];
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encoding = Encoding.Unicode;
            bytes = bytes[2..];
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encoding = Encoding.BigEndianUnicode;
            bytes = bytes[2..];
        }
        else if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        char[] chars;
        if (encoding is not null)
        {
            chars = ArrayPool<char>.Shared.Rent(Math.Max(encoding.GetCharCount(bytes), 1));
            length = encoding.GetChars(bytes, chars);
            return chars;
        }

        // UTF-8 never yields more UTF-16 code units than bytes, replacement characters included.
        chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        if (Utf8.ToUtf16(bytes, chars, out _, out length, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            invalidUtf8 = true;
            length = Encoding.UTF8.GetChars(bytes, chars);
        }

        return chars;
    }

    public static void Release(char[] chars) => ArrayPool<char>.Shared.Return(chars);
}
