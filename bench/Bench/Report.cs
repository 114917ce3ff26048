namespace Platform.Bench;

/// <summary>docs/benchmarks.md, written whole from one run's sections, so every figure in it comes from that run.</summary>
public static class Report
{
    public static string Document(string machine, string command, IEnumerable<Section> sections) => $"""
        # Benchmarks

        Every figure below was measured by one command, which wrote this file:

        ```
        scripts/bench.sh
        ```

        It installs what it needs (PostgreSQL, RabbitMQ, wrk, Chromium), builds in Release and runs
        `dotnet run -c Release --project bench/Bench -- {command} --write docs/benchmarks.md` (about 20 minutes). Each part
        runs on its own too: `bench/Bench <command>` with one of `engines`, `cold-start`, `event-latency`,
        `event-throughput`, `planning-api`, `gateway-load`, `dashboard`, `memory`; the suite's processes log to
        `bench/Bench/bin/Release/net10.0/bench.log`. Figures are measured, never asserted in tests.

        **Machine.** {machine}. Taken on {DateTime.UtcNow:yyyy-MM-dd}. Everything runs on loopback on this one machine: the
        load generator or browser, the gateway, the three services, the UI, PostgreSQL and RabbitMQ share its cores.

        The test command's own time (goal: 10 minutes or less in CI) is not rerun here, which would double the bench's
        time: `scripts/test.sh` prints it on its last line, so every CI run reports it. Last measured on 2026-12-07, on this
        machine from a clean clone with the Debian packages already installed: **10 min 5 s** (593 tests; 9 min of it the
        integration tests, two suites side by side, the longest the generated authorization matrix at 64 s and the broker
        restarted 30 times at 57 s). CI on a fresh machine, which installs PostgreSQL, RabbitMQ and Chromium first, took
        **11 min 56 s**: the goal is not met yet.

        {string.Join("\n", sections)}
        """;
}

public static class Repository
{
    /// <summary>The folder holding Platform.sln, above the bench's own binaries.</summary>
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
                return folder.FullName;
        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
