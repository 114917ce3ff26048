using System.Diagnostics;

namespace Platform.Bench;

/// <summary>From nothing running to every resource healthy: initdb, both servers, three services and the gateway.</summary>
public static class ColdStart
{
    public static async Task<Section> RunAsync(int runs)
    {
        var seconds = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await using var app = await BenchSuite.StartAsync();
            seconds.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine($"cold start {run}/{runs}: all healthy in {clock.Elapsed.TotalSeconds:0.00} s");
        }
        seconds.Sort();
        return new Section("Cold start", $"""
            `bench/Bench cold-start`: the whole suite started by the AppHost from nothing (initdb, PostgreSQL with four databases,
            RabbitMQ, three services, the UI and the gateway) until every resource reports healthy, after the first build.

            {Section.Table(["what", "target", "measured"], [[$"cold start to all healthy, {runs} runs", "< 30 s",
                $"min {seconds[0]:0.00} s, median {Machine.Percentile(seconds, 50):0.00} s, max {seconds[^1]:0.00} s"]])}
            """);
    }
}
