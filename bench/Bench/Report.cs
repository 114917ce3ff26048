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
        machine from a clean clone with the Debian packages already installed: **10 min 29 s** (596 tests; 9 min of it the
        integration tests, whose critical path is the suite collection: its tests run one after another for 8 min 30 s,
        beside the demo suite's browser tests; the longest are the broker restarted three times, 60 to 105 s, and the
        generated authorization matrix, 56 to 74 s). The two suites now start one after the other, the suite collection's
        first, so its tests begin 30 to 55 s in instead of 106 s; with the faster cold start below, that took the run from
        11 min 37 s to 10 min 29 s. CI on a fresh machine also installs PostgreSQL, RabbitMQ and Chromium first (it took
        **11 min 56 s** before these changes): the goal is not met yet.

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
