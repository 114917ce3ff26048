using Platform.AppHost;
using Platform.AppHost.Hosting;

namespace Platform.Bench;

/// <summary>The suite as the AppHost defines it, on free ports with throwaway data; child output goes to bench.log.</summary>
public static class BenchSuite
{
    public static DistributedApplication Create()
    {
        var builder = DistributedApplication.CreateBuilder(
            DistributedApplicationOptions.Throwaway("bench", Path.Combine(AppContext.BaseDirectory, "bench.log")));
        Suite.Define(builder);
        return builder.Build();
    }
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
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory} memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    public static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
