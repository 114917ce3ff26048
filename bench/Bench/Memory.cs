using System.Diagnostics;
using System.Net.Http.Json;
using Platform.AppHost;
using Platform.AppHost.Hosting;

namespace Platform.Bench;

/// <summary>
/// Resident memory (VmRSS) of each service, the gateway and the UI: idle after the demo data has loaded, and the
/// highest seen while <paramref name="requests"/> reads and forecasts run through the gateway, 8 at a time.
/// </summary>
public static class Memory
{
    private static readonly string[] Projects = ["planning", "workforce", "facilities", "gateway", "web"];

    public static async Task RunAsync(int requests)
    {
        await using var app = BenchSuite.Create();
        await app.StartAsync();
        await DemoData.LoadAsync(app, CancellationToken.None);
        using var gateway = new HttpClient { BaseAddress = app.GetResource<ProjectResource>("gateway").HttpEndpoint, Timeout = TimeSpan.FromMinutes(2) };
        await Suite.SignInAsync(gateway, "bureau");
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
        string[] reads = ["/api/planning/schools", "/api/workforce/teachers?districtCode=120106", "/api/facilities/portfolio", "/api/planning/districts"];
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancellationToken) =>
        {
            using var response = i % 5 == 4
                ? await gateway.PostAsJsonAsync("/api/planning/forecasts/capacity", new { districtCode = "120106", horizon = 10 }, cancellationToken)
                : await gateway.GetAsync(reads[i % reads.Length], cancellationToken);
            response.EnsureSuccessStatusCode();
        });
        await sampling.CancelAsync();
        await sampler;
        Console.WriteLine($"{requests} requests through the gateway (a fifth of them capacity analyses), 8 at a time, in {clock.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine("| process | idle | highest under load |");
        Console.WriteLine("|---|---|---|");
        foreach (var name in Projects)
            Console.WriteLine($"| {name} | {idle[name]:0} MB | {peak[name]:0} MB |");
        await app.StopAsync();
    }

    private static double ResidentMegabytes(DistributedApplication app, string project)
    {
        var pid = app.GetResource<ProjectResource>(project).ProcessId ?? throw new InvalidOperationException($"{project} is not running.");
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
