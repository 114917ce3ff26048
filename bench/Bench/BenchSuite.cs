using System.Security.Cryptography;
using Aspire.Hosting.Testing;
using Platform.AppHost;
using Platform.Demo;
using Platform.SuiteHost;

namespace Platform.Bench;

/// <summary>The suite as the AppHost defines it, on free ports with throwaway data; every resource's output goes to bench.log.</summary>
public static class BenchSuite
{
    public static Task<ThrowawaySuite> StartAsync(Action<IDistributedApplicationTestingBuilder>? configure = null) =>
        ThrowawaySuite.StartAsync(Path.Combine(AppContext.BaseDirectory, "bench.log"),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), configure);

    /// <summary>A client of the suite's gateway, signed in as the city bureau's demo user.</summary>
    public static async Task<HttpClient> SignedInGatewayAsync(ThrowawaySuite suite)
    {
        var gateway = new HttpClient { BaseAddress = suite.Endpoint("gateway"), Timeout = TimeSpan.FromMinutes(2) };
        await DemoUsers.SignInAsync(gateway, "bureau", Suite.DemoPassword);
        return gateway;
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
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory} memory, " +
               $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    public static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
