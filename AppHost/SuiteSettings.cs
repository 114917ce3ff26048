using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Platform.AppHost.Resources;

namespace Platform.AppHost;

/// <summary>
/// How this run is set up, from the command line: --reset (start from an empty .data), --no-demo (no demo data),
/// DataDirectory=… and Ports:{resource}=… (fixed ports), Replicas=N (instances of each service), and Throwaway=true
/// for tests and benchmarks (free ports, no fsync: data nobody keeps).
/// </summary>
public sealed class SuiteSettings
{
    private readonly IConfiguration configuration;
    private readonly HashSet<int> taken = [];

    public SuiteSettings(IConfiguration configuration, string[] args, string appHostDirectory)
    {
        this.configuration = configuration;
        if (args.FirstOrDefault(arg => arg.StartsWith("--", StringComparison.Ordinal) && !arg.Contains('=')
                && arg is not ("--reset" or "--no-demo")) is { } unknown)
            throw new SetupException($"{unknown}: the suite takes --reset, --no-demo and Name=value settings (README.md).");
        DataDirectory = Path.GetFullPath(configuration["DataDirectory"] ?? Path.Combine(appHostDirectory, "..", ".data"));
        Throwaway = Setting<bool?>("Throwaway") ?? false;
        if (Throwaway && configuration["DataDirectory"] is null)
            throw new SetupException("Throwaway=true writes without fsync: give it a DataDirectory=… of its own, not .data.");
        LoadsDemoData = !args.Contains("--no-demo");
        Replicas = Setting<int?>("Replicas") ?? 1;
        if (Replicas is < 1 or > MostReplicas)
            throw new SetupException($"Replicas = {Replicas}: each service runs as 1 to {MostReplicas} instances.");
        if (RunningServer() is { } server)
            throw new SetupException($"A suite is running on {DataDirectory} already (PostgreSQL {server}): open it, or stop it first.");
        if (args.Contains("--reset") && Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }
    public bool Throwaway { get; }
    public bool LoadsDemoData { get; }

    /// <summary>
    /// Instances of each service (planning, workforce, facilities), balanced behind one address; two cores hold no more
    /// than a few.
    /// </summary>
    public int Replicas { get; }

    private const int MostReplicas = 4;

    /// <summary>Ports:{resource} when given; else a free port for a throwaway run, else the default.</summary>
    public int PortFor(string resource, int defaultPort)
    {
        var port = Setting<int?>($"Ports:{resource}") ?? (Throwaway ? FreePort() : defaultPort);
        if (port is <= 0 or >= 65536 || !taken.Add(port))
            throw new SetupException($"Ports:{resource} = {port} is no port, or is given to another resource too.");
        return port;
    }

    private T Setting<T>(string key)
    {
        try
        {
            return configuration.GetValue<T>(key)!;
        }
        catch (InvalidOperationException)
        {
            var expected = typeof(T) == typeof(bool?) ? "true or false" : "a whole number";
            throw new SetupException($"{key} = {configuration[key]}: expected {expected}.");
        }
    }

    /// <summary>
    /// The process of the PostgreSQL server running on this data, if one is: the pid its lock file names, alive and
    /// still PostgreSQL (a server that crashed leaves the file, and its pid may have gone to another program).
    /// </summary>
    private int? RunningServer()
    {
        var pidFile = Path.Combine(DataDirectory, "postgres", "data", "postmaster.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
            && File.Exists($"/proc/{pid}/comm") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "postgres" ? pid : null;
    }

    private int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!taken.Contains(port))
                return port;
        }
    }
}
