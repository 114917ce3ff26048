namespace Platform.AppHost.Hosting;

public sealed record DistributedApplicationOptions
{
    /// <summary>Where servers keep their data; the AppHost's default is ".data" at the repository root (git-ignored).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Wipe <see cref="DataDirectory"/> before starting.</summary>
    public bool Reset { get; init; }

    /// <summary>Throwaway data (tests, benchmarks): skip fsync for speed and delete the directory when stopped.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>Fixed ports by resource name (Ports:{name}); resources not listed take their default, or a free port when <see cref="DynamicPorts"/>.</summary>
    public IReadOnlyDictionary<string, int> Ports { get; init; } = new Dictionary<string, int>();

    public bool DynamicPorts { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Receives every line a child process writes, with the resource's name.</summary>
    public Action<string, string> Log { get; init; } = ConsoleLog.Write;

    /// <summary>Environment passed through to every project (e.g. OTEL_EXPORTER_OTLP_ENDPOINT).</summary>
    public IReadOnlyDictionary<string, string> ProjectEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// For tests and benchmarks: free ports, data in a new temporary folder removed at the end, and every child's
    /// lines appended to <paramref name="logFile"/>.
    /// </summary>
    public static DistributedApplicationOptions Throwaway(string purpose, string logFile)
    {
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        return new DistributedApplicationOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), $"platform-{purpose}-{Guid.NewGuid():N}"),
            Ephemeral = true,
            DynamicPorts = true,
            Log = (resource, line) =>
            {
                lock (log)
                    log.WriteLine($"{resource,-12}| {line}");
            },
        };
    }
}
