using System.Security.Cryptography;
using Aspire.Hosting.Testing;
using Platform.SuiteHost;

namespace Platform.Bench;

/// <summary>The suite as the AppHost defines it, on free ports with throwaway data; every resource's output goes to bench.log.</summary>
public static class BenchSuite
{
    public static Task<ThrowawaySuite> StartAsync(Action<IDistributedApplicationTestingBuilder>? configure = null) =>
        ThrowawaySuite.StartAsync(Path.Combine(AppContext.BaseDirectory, "bench.log"),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), configure: configure);
}

public static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First().Split(':', 2)[1].Trim()
            : "unknown";
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory} memory, " +
               $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    public static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
