using System.Diagnostics;
using System.Net.Http.Json;
using Platform.SuiteHost;

namespace Platform.Bench;

/// <summary>
/// Resident memory (VmRSS) of each service, the gateway and the UI: idle after the demo data has loaded, and the
/// highest seen while <c>requests</c> reads and forecasts run through the gateway, 8 at a time.
/// </summary>
public static class Memory
{
    private static readonly string[] Projects = ["planning", "workforce", "facilities", "gateway", "web"];

    public static async Task<Section> RunAsync(int requests)
    {
        await using var app = await BenchSuite.StartAsync();
        await app.LoadDemoDataAsync();
        using var gateway = await app.SignedInGatewayAsync();
        await Task.Delay(TimeSpan.FromSeconds(10)); // let the demo's events settle: idle means idle
        var idle = Projects.ToDictionary(name => name, name => ResidentMegabytes(app, name));

        var peak = new Dictionary<string, double>(idle);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                foreach (var name in Projects)
                    peak[name] = Math.Max(peak[name], ResidentMegabytes(app, name));
                await Task.Delay(200);
            }
        });
        string[] reads =
        [
            "/api/planning/schools", "/api/workforce/teachers?districtCode=120106", "/api/facilities/portfolio",
            "/api/planning/districts"
        ];
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            using var response = i % 5 == 4
                ? await gateway.PostAsJsonAsync(
                    "/api/planning/forecasts/capacity", new { districtCode = "120106", horizon = 10 }, cancellationToken)
                : await gateway.GetAsync(reads[i % reads.Length], cancellationToken);
            response.EnsureSuccessStatusCode();
        });
        await sampling.CancelAsync();
        await sampler;
        var elapsed = clock.Elapsed;
        return new Section("Memory", $"""
            `bench/Bench memory --requests {requests}`: resident memory (VmRSS from `/proc`) of each process of the suite with
            the demo data loaded, idle (10 s after the load), and the highest seen (sampled every 200 ms) while {requests:N0}
            requests run through the gateway 8 at a time: the registry, 红桥's teachers, the portfolio and the districts, and
            for one request in five 红桥's capacity analysis ten years ahead. Release builds; the requests took
            {elapsed.TotalSeconds:0} s.

            {Section.Table(
        ["process", "idle", "highest under load"],
        Projects.Select(name => new[] { name, $"{idle[name]:0} MB", $"{peak[name]:0} MB" }))}
            """);
    }

    private static double ResidentMegabytes(ThrowawaySuite app, string project)
    {
        var pid = app.Project(project).ProcessId ?? throw new InvalidOperationException($"{project} is not running.");
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(
            line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
