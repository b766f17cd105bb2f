using System.Text;
using CimCloud.Cimom.Mof.Parsing;
using CimCloud.Cimom.Mof.Syntax;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

public sealed class MofEncodingTests : IDisposable
{
    private const string Mof = "// Größe\n[Description(\"Café ✓\")]\nclass T_Größe { string Ä; };\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "mofenc-" + Guid.NewGuid().ToString("N"));

    public MofEncodingTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> Encodings => new() { "utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "utf-32le-bom" };

    private static byte[] Encode(string encoding, string text) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        "utf-32le-bom" => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)],
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Files_are_decoded_by_their_byte_order_mark(string encoding)
    {
        string path = Path.Combine(_root, encoding + ".mof");
        File.WriteAllBytes(path, Encode(encoding, Mof));

        var result = MofParser.ParseFile(path, new MofParseOptions());

        result.Diagnostics.Should().BeEmpty();
        var cls = result.Productions.Should().ContainSingle().Which.Should().BeOfType<MofClassDeclaration>().Subject;
        cls.Name.Should().Be("T_Größe");
        cls.Location.Should().Be(new CimCloud.Cimom.Model.SourceLocation(path, 3, 1));
        cls.Qualifiers[0].Value.Should().BeOfType<MofStringValue>().Which.Value.Should().Be("Café ✓");
        cls.Features[0].Name.Should().Be("Ä");
    }

    [Fact]
    public void Utf16_file_with_errors_reports_columns_in_characters()
    {
        string path = Path.Combine(_root, "bad16.mof");
        File.WriteAllBytes(path, Encode("utf-16le-bom", "class Ä_Ö { string Ü };"));
        var result = MofParser.ParseFile(path, new MofParseOptions());
        result.Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be($"{path}:1:22: error: expected ';' after property declaration, found '}}'");
    }

    [Fact]
    public void Invalid_utf8_is_a_warning_and_the_bytes_become_replacement_characters()
    {
        string path = Path.Combine(_root, "latin1.mof");
        byte[] bytes = [.. Encoding.ASCII.GetBytes("[Description(\"caf"), 0xE9, .. Encoding.ASCII.GetBytes("\")] class A_B { };")];
        File.WriteAllBytes(path, bytes);

        var result = MofParser.ParseFile(path, new MofParseOptions());

        result.HasErrors.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("not valid UTF-8");
        var cls = result.Productions.Cast<MofClassDeclaration>().Single();
        cls.Qualifiers[0].Value.Should().BeOfType<MofStringValue>().Which.Value.Should().Be("caf\uFFFD");
    }
}
