using System.Text;
using CimCloud.Cimom.Mof.Parsing;
using CimCloud.Cimom.Mof.Syntax;
using FluentAssertions;
using Xunit;
using static CimCloud.Cimom.Tests.Mof.Parsing.MofTestParse;

namespace CimCloud.Cimom.Tests.Mof.Parsing;

public sealed class MofPragmaAndIncludeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mofparse-" + Guid.NewGuid().ToString("N"));

    public MofPragmaAndIncludeTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relativePath, string content)
    {
        string path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static IEnumerable<string> Names(MofParseResult result) => result.Productions.Select(p => p switch
    {
        MofClassDeclaration c => c.Name,
        MofPragma pragma => $"#{pragma.Name}({pragma.Value})",
        _ => p.GetType().Name,
    });

    [Fact]
    public void Non_include_pragmas_are_kept_in_order_with_name_and_value()
    {
        var productions = ParseClean("""
            #pragma locale ("en_US")
            # pragma namespace("root/" "cimv2")
            #PRAGMA instancelocale("de_DE")
            #pragma nonlocal("x") #pragma nonlocaltype("y")
            #pragma source("s")
            #pragma sourcetype("t")
            #pragma somethingElse("z")
            """);
        productions.Cast<MofPragma>().Select(p => (p.Name, p.Value)).Should().Equal(
            ("locale", "en_US"), ("namespace", "root/cimv2"), ("instancelocale", "de_DE"), ("nonlocal", "x"),
            ("nonlocaltype", "y"), ("source", "s"), ("sourcetype", "t"), ("somethingElse", "z"));
        productions[1].Location.Should().Be(new CimCloud.Cimom.Model.SourceLocation(FileName, 2, 1));
    }

    [Theory]
    [InlineData("#pragma locale \"en_US\"\nclass A_B { };", "1:16", "expected '(' after '#pragma locale', found string \"en_US\"")]
    [InlineData("#pragma locale (en_US)\nclass A_B { };", "1:17", "expected a string as the argument of '#pragma locale', found 'en_US'")]
    [InlineData("#pragma locale (\"en_US\"\nclass A_B { };", "2:1", "expected ')' after the argument of '#pragma locale', found 'class'")]
    [InlineData("#pragma (\"x\")\nclass A_B { };", "1:9", "expected a pragma name after '#pragma', found '('")]
    [InlineData("#include (\"x\")\nclass A_B { };", "1:2", "expected 'pragma' after '#', found 'include'")]
    public void Malformed_pragmas_skip_only_their_line(string mof, string at, string message)
    {
        var result = Parse(mof);
        var error = result.Errors().Should().ContainSingle().Subject;
        error.At().Should().Be(at);
        error.Message.Should().Be(message);
        result.Productions.OfType<MofClassDeclaration>().Should().ContainSingle();
    }

    [Fact]
    public void Include_is_expanded_in_place_relative_to_the_including_file()
    {
        Write("sub/inner.mof", "class Inner_A { };\n#pragma locale(\"fr\")\n");
        Write("sub/mid.mof", "class Mid_A { };\n#pragma include (\"inner.mof\")\nclass Mid_B { };\n");
        string top = Write("top.mof", "class Top_A { };\n#pragma include (\"sub/mid.mof\")\nclass Top_B { };\n");

        var result = MofParser.ParseFile(top, new MofParseOptions());

        result.Diagnostics.Should().BeEmpty();
        Names(result).Should().Equal("Top_A", "Mid_A", "Inner_A", "#locale(fr)", "Mid_B", "Top_B");
        result.Productions[2].Location.File.Should().Be(Path.Combine(_root, "sub", "inner.mof"));
        result.Productions[2].Location.Line.Should().Be(1);
    }

    [Fact]
    public void Relative_top_path_keeps_included_paths_relative()
    {
        Write("rel/a/inc.mof", "class Inc_A { string X };");
        string top = Write("rel/a/top.mof", "#pragma include (\"inc.mof\")");
        string relativeTop = Path.GetRelativePath(Environment.CurrentDirectory, top);
        string expected = Path.Combine(Path.GetDirectoryName(relativeTop)!, "inc.mof");

        var result = MofParser.ParseFile(relativeTop, new MofParseOptions());

        var error = result.Errors().Should().ContainSingle().Subject;
        error.Location.File.Should().Be(expected);
        error.ToString().Should().StartWith($"{expected}:1:24: error:");
    }

    [Fact]
    public void Include_directories_are_searched_in_order_after_the_including_folder()
    {
        Write("dir1/lib.mof", "class Dir1_A { };");
        Write("dir2/lib.mof", "class Dir2_A { };");
        Write("dir2/only2.mof", "class Dir2_B { };");
        Write("main/lib.mof", "class Main_A { };");
        string top = Write("main/top.mof", "#pragma include(\"lib.mof\")\n#pragma include(\"only2.mof\")");
        string other = Write("other/top.mof", "#pragma include(\"lib.mof\")");
        var options = new MofParseOptions { IncludeDirectories = [Path.Combine(_root, "dir1"), Path.Combine(_root, "dir2")] };

        Names(MofParser.ParseFile(top, options)).Should().Equal("Main_A", "Dir2_B");
        Names(MofParser.ParseFile(other, options)).Should().Equal("Dir1_A");
    }

    [Fact]
    public void ParseText_resolves_includes_against_its_file_name()
    {
        Write("text/inc.mof", "class Inc_A { };");
        var result = MofParser.ParseText("#pragma include (\"inc.mof\")", Path.Combine(_root, "text", "virtual.mof"), new MofParseOptions());
        result.Diagnostics.Should().BeEmpty();
        Names(result).Should().Equal("Inc_A");
    }

    [Fact]
    public void Missing_include_is_an_error_at_the_pragma_and_parsing_goes_on()
    {
        string top = Write("missing/top.mof", "class A_A { };\n  #pragma include (\"nope.mof\")\nclass B_B { };");
        var result = MofParser.ParseFile(top, new MofParseOptions { IncludeDirectories = [Path.Combine(_root, "elsewhere")] });
        var error = result.Errors().Should().ContainSingle().Subject;
        error.Location.Should().Be(new CimCloud.Cimom.Model.SourceLocation(top, 2, 3));
        error.Message.Should().Contain("include file 'nope.mof' not found")
            .And.Contain(Path.Combine(_root, "missing", "nope.mof"))
            .And.Contain(Path.Combine(_root, "elsewhere", "nope.mof"));
        Names(result).Should().Equal("A_A", "B_B");
    }

    [Fact]
    public void Include_cycle_is_an_error()
    {
        Write("cycle/a.mof", "class A_A { };\n#pragma include(\"b.mof\")");
        Write("cycle/b.mof", "class B_B { };\n#pragma include(\"../cycle/a.mof\")");
        var result = MofParser.ParseFile(Path.Combine(_root, "cycle", "a.mof"), new MofParseOptions());
        var error = result.Errors().Should().ContainSingle().Subject;
        error.Location.Should().Be(new CimCloud.Cimom.Model.SourceLocation(Path.Combine(_root, "cycle", "b.mof"), 2, 1));
        error.Message.Should().StartWith("include cycle: ").And.Contain("a.mof -> ").And.Contain("b.mof -> ");
        Names(result).Should().Equal("A_A", "B_B");
    }

    [Fact]
    public void Self_include_is_a_cycle()
    {
        string self = Write("self/self.mof", "#pragma include(\"self.mof\")");
        MofParser.ParseFile(self, new MofParseOptions()).Errors().Should().ContainSingle()
            .Which.Message.Should().StartWith("include cycle");
    }

    [Fact]
    public void Same_file_included_twice_without_a_cycle_is_parsed_twice()
    {
        Write("twice/common.mof", "class Common_A { };");
        string top = Write("twice/top.mof", "#pragma include(\"common.mof\")\n#pragma include(\"common.mof\")");
        Names(MofParser.ParseFile(top, new MofParseOptions())).Should().Equal("Common_A", "Common_A");
    }

    [Fact]
    public void Missing_top_file_is_a_diagnostic_not_an_exception()
    {
        string path = Path.Combine(_root, "does-not-exist.mof");
        var result = MofParser.ParseFile(path, new MofParseOptions());
        result.Productions.Should().BeEmpty();
        result.Errors().Should().ContainSingle().Which.Message.Should().Contain("not found");
        result.Errors()[0].Location.File.Should().Be(path);
    }

    [Fact]
    public void Errors_in_included_files_carry_the_included_path()
    {
        Write("err/bad.mof", "\n\nclass Bad_A { string X };");
        string top = Write("err/top.mof", "#pragma include(\"bad.mof\")\nclass Z_Z { string Y };");
        var result = MofParser.ParseFile(top, new MofParseOptions());
        result.Errors().Select(e => e.ToString()).Should().Equal(
            $"{Path.Combine(_root, "err", "bad.mof")}:3:24: error: expected ';' after property declaration, found '}}'",
            $"{top}:2:22: error: expected ';' after property declaration, found '}}'");
    }

    [Fact]
    public void Many_includes_keep_sequential_order_of_productions_and_diagnostics()
    {
        // Included files are parsed in parallel; the result must be exactly the sequential one.
        var expectedNames = new List<string>();
        var expectedErrors = new List<string>();
        var top = new StringBuilder();
        for (int i = 0; i < 60; i++)
        {
            top.Append("class Top_").Append(i).Append(" { string X };\n"); // missing ';' -> one error per class
            expectedErrors.Add($"top.mof:{(i * 2) + 1}");
            top.Append("#pragma include (\"f").Append(i).Append(".mof\")\n");
            var inner = new StringBuilder();
            for (int k = 0; k < 3; k++)
            {
                inner.Append("class F").Append(i).Append('_').Append(k).Append(" { };\n");
                expectedNames.Add($"F{i}_{k}");
                inner.Append("#pragma include (\"g").Append(i).Append('_').Append(k).Append(".mof\")\n");
                Write($"many/g{i}_{k}.mof", $"class G{i}_{k} {{ }};\n{(k == 1 ? "oops;\n" : "")}");
                expectedNames.Add($"G{i}_{k}");
                if (k == 1)
                    expectedErrors.Add($"g{i}_{k}.mof:2");
            }

            Write($"many/f{i}.mof", inner.ToString());
        }

        string path = Write("many/top.mof", top.ToString());
        for (int run = 0; run < 3; run++)
        {
            var result = MofParser.ParseFile(path, new MofParseOptions());
            result.Productions.Cast<MofClassDeclaration>().Select(c => c.Name).Where(n => !n.StartsWith("Top_", StringComparison.Ordinal))
                .Should().Equal(expectedNames);
            result.Errors().Select(e => $"{Path.GetFileName(e.Location.File)}:{e.Location.Line}").Should().Equal(expectedErrors);
        }
    }
}
