using Platform.AppHost;
using Platform.AppHost.Hosting;

namespace Platform.Bench;

/// <summary>The suite as the AppHost defines it, on free ports with throwaway data; child output goes to bench.log.</summary>
public static class BenchSuite
{
    private static readonly StreamWriter Log = new(Path.Combine(AppContext.BaseDirectory, "bench.log"), append: true) { AutoFlush = true };

    public static DistributedApplication Create()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), $"platform-bench-{Guid.NewGuid():N}"),
            Ephemeral = true,
            DynamicPorts = true,
            Log = (resource, line) =>
            {
                lock (Log)
                    Log.WriteLine($"{resource,-12}| {line}");
            },
        });
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
        return $"Machine: {Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory} memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    public static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
