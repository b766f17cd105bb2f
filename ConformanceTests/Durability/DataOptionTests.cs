using CimCloud.ConformanceTests.WsMan;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace CimCloud.ConformanceTests.Durability;

/// <summary><c>serve --data DIR</c> refuses to start — exit 1, a clear message, the file untouched — when the store cannot be used.</summary>
public sealed class DataOptionTests(ITestOutputHelper output)
{
    [Fact]
    public void A_corrupt_database_stops_the_start_with_exit_1_and_is_not_wiped()
    {
        using var folder = new TestFolder();
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 13 + 1)).ToArray();
        var database = folder.File("data/repository.db");
        File.WriteAllBytes(database, garbage);

        var run = CimCloudCli.Run("serve", "--listen", "http://127.0.0.1:0", "--data", Path.Combine(folder.Path, "data"));

        output.WriteLine(run.ToString());
        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain("--data").And.Contain("repository.db").And.Contain("left as it is");
        run.Stdout.Should().NotContain("listening on");
        File.ReadAllBytes(database).Should().Equal(garbage);
    }

    [Fact]
    public async Task A_second_server_on_the_same_data_directory_exits_1()
    {
        if (SharedInputs.CctFixture(output) is null)
            return;
        using var folder = new TestFolder();
        var data = Path.Combine(folder.Path, "data");
        var first = new WsManServerProcess(["--data", data]);
        await first.InitializeAsync();
        try
        {
            first.Require(output).Should().BeTrue();

            var second = CimCloudCli.Run("serve", "--listen", "http://127.0.0.1:0", "--data", data);

            second.ExitCode.Should().Be(1, second.ToString());
            second.Stderr.Should().Contain("in use by another server");
        }
        finally
        {
            await first.DisposeAsync();
        }
    }

    [Fact]
    public void Serve_help_describes_the_data_option()
    {
        var run = CimCloudCli.Run("serve", "--help");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("--data");
    }
}
