using System.Diagnostics;
using CimCloud.Cimom.Query.Evaluation;
using FluentAssertions;
using Xunit;

namespace CimCloud.Cimom.Tests.Query;

public class LikePatternTests
{
    [Theory]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("%", "", true)]
    [InlineData("a%b%c", "aXXbYYc", true)]
    [InlineData("a%b%c", "aXXbYY", false)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("[^]]x", "]x", false)]
    [InlineData("[-a]", "-", true)]
    [InlineData("[a-]", "-", true)]
    [InlineData("[%]", "%", true)]
    [InlineData("[%]", "x", false)]
    [InlineData("ÄB%", "äbc", true)]
    public void Wql_patterns(string pattern, string text, bool expected)
    {
        LikePattern.TryParseWql(pattern, out var compiled, out var error).Should().BeTrue(error);
        compiled!.IsMatch(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("", "", true)]
    [InlineData(".*", "", true)]
    [InlineData("a*", "aaaa", true)]
    [InlineData("a*b", "b", true)]
    [InlineData("a*b", "aab", true)]
    [InlineData("a*b", "aac", false)]
    [InlineData("\\*", "*", true)]
    [InlineData("\\**", "***", true)]
    [InlineData("\\.*x", "..x", true)]
    [InlineData("\\.*x", "abx", false)]
    [InlineData("a.c", "abc", true)]
    [InlineData("a.c", "ac", false)]
    public void Cql_patterns(string pattern, string text, bool expected)
    {
        LikePattern.TryParseCql(pattern, out var compiled, out var error).Should().BeTrue(error);
        compiled!.IsMatch(text).Should().Be(expected);
    }

    [Fact]
    public void Matching_is_linear_even_for_patterns_that_make_backtracking_explode()
    {
        LikePattern.TryParseWql(string.Concat(Enumerable.Repeat("%a", 30)) + "b", out var wql, out _).Should().BeTrue();
        LikePattern.TryParseCql(string.Concat(Enumerable.Repeat("a*", 30)) + "b", out var cql, out _).Should().BeTrue();
        var text = new string('a', 5000);
        var watch = Stopwatch.StartNew();
        wql!.IsMatch(text).Should().BeFalse();
        cql!.IsMatch(text).Should().BeFalse();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Long_patterns_work_beyond_the_stack_buffer()
    {
        var pattern = new string('x', 400) + "%";
        LikePattern.TryParseWql(pattern, out var compiled, out _).Should().BeTrue();
        compiled!.TokenCount.Should().Be(401);
        compiled.IsMatch(new string('X', 400) + "tail").Should().BeTrue();
        compiled.IsMatch(new string('x', 399)).Should().BeFalse();
    }
}
