using System.Diagnostics;

namespace Platform.Bench;

/// <summary>From nothing running to every resource healthy: initdb, both servers, three services and the gateway.</summary>
public static class ColdStart
{
    public static async Task RunAsync(int runs)
    {
        var seconds = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var app = BenchSuite.Create();
            var clock = Stopwatch.StartNew();
            try
            {
                await app.StartAsync();
                seconds.Add(clock.Elapsed.TotalSeconds);
                Console.WriteLine($"cold start {run}/{runs}: all healthy in {clock.Elapsed.TotalSeconds:0.00} s");
            }
            finally
            {
                await app.StopAsync();
            }
        }
        seconds.Sort();
        Console.WriteLine($"Cold start to all healthy over {runs} runs: min {seconds[0]:0.00} s, median {Machine.Percentile(seconds, 50):0.00} s, max {seconds[^1]:0.00} s");
    }
}
