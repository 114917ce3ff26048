using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Hosting;

public interface IDistributedApplicationBuilder
{
    DistributedApplicationOptions Options { get; }
    IReadOnlyList<Resource> Resources { get; }
    IResourceBuilder<T> AddResource<T>(T resource) where T : Resource;

    /// <summary>The port for a resource: Ports:{name} if given, else a free port when ports are dynamic, else the default.</summary>
    int PortFor(string resourceName, int defaultPort);

    DistributedApplication Build();
}

internal sealed class DistributedApplicationBuilder(DistributedApplicationOptions options) : IDistributedApplicationBuilder
{
    private readonly List<Resource> resources = [];
    private readonly HashSet<int> ports = [];

    public DistributedApplicationOptions Options { get; } = options;
    public IReadOnlyList<Resource> Resources => resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (resources.Any(r => r.Name == resource.Name))
            throw new InvalidOperationException($"A resource named '{resource.Name}' exists already.");
        resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public int PortFor(string resourceName, int defaultPort)
    {
        var port = Options.Ports.TryGetValue(resourceName, out var configured) ? configured
            : Options.DynamicPorts ? FreePort.Next(ports)
            : defaultPort;
        if (!ports.Add(port))
            throw new InvalidOperationException($"Port {port} of '{resourceName}' is given to another resource too.");
        return port;
    }

    public DistributedApplication Build() => new(resources, Options);
}

/// <summary>
/// Starts every resource as soon as the resources it waits for are ready, prints where each one is, and on
/// Ctrl+C or SIGTERM stops them all in reverse order.
/// </summary>
public sealed class DistributedApplication(IReadOnlyList<Resource> resources, DistributedApplicationOptions options) : IAsyncDisposable
{
    public IReadOnlyList<Resource> Resources => resources;
    public DistributedApplicationOptions Options => options;

    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("APPHOST_")
            .AddCommandLine(args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) || a.Contains('=')).ToArray()) // switches like --reset are flags
            .Build();
        var ports = configuration.GetSection("Ports").GetChildren()
            .ToDictionary(port => port.Key, port => int.TryParse(port.Value, out var number) && number is > 0 and < 65536
                ? number
                : throw new ArgumentException($"Ports:{port.Key} must be a port number, not '{port.Value}'."));
        var passThrough = new[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS", "LOG_FORMAT" }
            .Where(name => !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(name)))
            .ToDictionary(name => name, name => System.Environment.GetEnvironmentVariable(name)!);
        return CreateBuilder(new DistributedApplicationOptions
        {
            DataDirectory = configuration["DataDirectory"] ?? Path.Combine(RepositoryRoot(), ".data"),
            Reset = args.Contains("--reset"),
            Ports = ports,
            ProjectEnvironment = passThrough,
        });
    }

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) => new DistributedApplicationBuilder(options);

    public T GetResource<T>(string name) where T : Resource =>
        resources.OfType<T>().SingleOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No {typeof(T).Name} named '{name}'.");

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (options.Reset && Directory.Exists(options.DataDirectory))
            Directory.Delete(options.DataDirectory, recursive: true);
        Directory.CreateDirectory(options.DataDirectory);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        var started = new Dictionary<Resource, Task>();
        Task Start(Resource resource)
        {
            if (!started.TryGetValue(resource, out var task))
                started[resource] = task = StartAfterDependenciesAsync(resource, Start, timeout.Token);
            return task;
        }
        try
        {
            await Task.WhenAll(resources.Select(Start));
        }
        catch (Exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var waiting = resources.Where(r => r.State != ResourceState.Running).Select(r => $"{r.Name} ({r.State})");
            throw new TimeoutException($"The suite was not ready within {options.StartTimeout.TotalSeconds:0} s; not ready: {string.Join(", ", waiting)}.");
        }
    }

    private static async Task StartAfterDependenciesAsync(Resource resource, Func<Resource, Task> start, CancellationToken cancellationToken)
    {
        await Task.WhenAll(resource.WaitsFor.Select(start));
        await resource.StartAsync(cancellationToken);
    }

    public async Task StopAsync()
    {
        // Reverse order of declaration: the gateway and projects before the servers they use.
        foreach (var resource in resources.Reverse())
            await resource.StopAsync();
        if (options.Ephemeral && Directory.Exists(options.DataDirectory))
            Directory.Delete(options.DataDirectory, recursive: true);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Runs until Ctrl+C or SIGTERM, calling <paramref name="afterStart"/> once everything is ready; returns the exit code.</summary>
    public async Task<int> RunAsync(Func<DistributedApplication, CancellationToken, Task>? afterStart = null)
    {
        using var stopping = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var clock = Stopwatch.StartNew();
        try
        {
            await StartAsync(stopping.Token);
            if (afterStart is not null)
                await afterStart(this, stopping.Token);
            ConsoleLog.Table(resources, clock.Elapsed);
            await Task.Delay(Timeout.Infinite, stopping.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e) when (e is TimeoutException or ResourceException)
        {
            ConsoleLog.Error(e.Message);
            ConsoleLog.Table(resources, clock.Elapsed);
            return 1;
        }
        finally
        {
            ConsoleLog.Info("Stopping every resource...");
            await StopAsync();
            ConsoleLog.Info("Stopped.");
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
                return directory.FullName;
        return Directory.GetCurrentDirectory();
    }
}

/// <summary>A resource could not start; the message says why and what to do.</summary>
public sealed class ResourceException(string message) : Exception(message);
