using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Platform.AppHost;
using Platform.AppHost.Resources;

namespace Platform.IntegrationTests;

/// <summary>A second start on the data of a running suite stops at once with one line, and --reset deletes nothing.</summary>
public sealed class RunningSuiteTests : IDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"platform-running-{Guid.NewGuid():N}");

    [Fact]
    public void A_suite_running_on_the_data_is_named_and_reset_leaves_its_data_alone()
    {
        // A live process called postgres (a copy of sleep) whose pid the server's lock file names.
        var server = Path.Combine(dataDirectory, "postgres");
        Directory.CreateDirectory(Path.Combine(server, "data"));
        var program = Path.Combine(dataDirectory, "bin", "postgres");
        Directory.CreateDirectory(Path.GetDirectoryName(program)!);
        File.Copy("/bin/sleep", program);
        using var postgres = Process.Start(program, "60");
        File.WriteAllText(Path.Combine(server, "data", "postmaster.pid"), $"{postgres.Id}\n{server}/data\n");
        try
        {
            foreach (var args in new[] { Array.Empty<string>(), ["--reset"] })
            {
                var refused = Assert.Throws<SetupException>(() => Settings(args));
                Assert.Contains($"PostgreSQL {postgres.Id}", refused.Message);
                Assert.True(File.Exists(Path.Combine(server, "data", "postmaster.pid")));
            }
        }
        finally
        {
            postgres.Kill();
        }
        postgres.WaitForExit();
        // The server gone, the lock file it left behind stops nothing.
        Settings(["--reset"]);
        Assert.False(Directory.Exists(server));
    }

    private SuiteSettings Settings(string[] args) => new(
        new ConfigurationBuilder().AddInMemoryCollection([new("DataDirectory", dataDirectory)]).Build(), args, dataDirectory);

    public void Dispose()
    {
        if (Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }
}
