using System.Diagnostics;
using System.Runtime.InteropServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.AppHost.Resources;

namespace Platform.SuiteHost;

/// <summary>
/// A resource of the running suite, with all its instances (a service may run as replicas), that fault tests stop and
/// start through the app model, as the dashboard does.
/// </summary>
public class SuiteResource(DistributedApplication app, ResourceStates states, string name)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public string Name => name;

    /// <summary>The ids of the resource's instances (one, or one per replica), as the orchestrator names them.</summary>
    public IReadOnlyList<string> Instances => states.InstancesOf(name);

    public virtual async Task StopAsync()
    {
        foreach (var instance in Instances)
            await ExecuteAsync(instance, KnownResourceCommands.StopCommand);
        await WaitUntilStoppedAsync();
    }

    protected async Task WaitUntilStoppedAsync() => await WaitUntilStoppedAsync(Instances);

    protected async Task WaitUntilStoppedAsync(IEnumerable<string> instances)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        foreach (var instance in instances)
            await app.ResourceNotifications.WaitForResourceAsync(
                name, e => e.ResourceId == instance && IsStopped(e.Snapshot), deadline.Token);
    }

    /// <summary>Starts every stopped instance again and returns once every instance is healthy.</summary>
    public virtual async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var stopped = Instances.Where(instance => IsStopped(states.Of(instance).Snapshot)).ToList();
        foreach (var instance in stopped)
            await ExecuteAsync(instance, KnownResourceCommands.StartCommand);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        foreach (var instance in Instances)
            await app.ResourceNotifications.WaitForResourceAsync(
                name, e => e.ResourceId == instance && IsHealthySince(e.Snapshot, stopped.Contains(instance) ? started : null),
                deadline.Token);
    }

    /// <summary>
    /// Healthy by checks run after <paramref name="since"/>: a restarted instance keeps the reports of its last run
    /// until its checks run again.
    /// </summary>
    private static bool IsHealthySince(CustomResourceSnapshot snapshot, DateTime? since) =>
        snapshot.HealthStatus == HealthStatus.Healthy
        && (since is null || snapshot.HealthReports.All(report => report.LastRunAt > since));

    private static bool IsStopped(CustomResourceSnapshot snapshot) =>
        KnownResourceStates.TerminalStates.Contains(snapshot.State?.Text);

    private async Task ExecuteAsync(string instance, string command)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(instance, command);
        if (!result.Success)
            throw new InvalidOperationException($"{command} {instance}: {result.Message}");
    }

    /// <summary>The process of each running instance, as the orchestrator reports it.</summary>
    protected IEnumerable<(string Instance, int Launcher)> Launchers => Instances
        .Select(instance => (instance, pid: states.Of(instance).Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value))
        .Where(launcher => launcher.pid is not null)
        .Select(launcher => (launcher.instance, Convert.ToInt32(launcher.pid)));
}

/// <summary>A project: the orchestrator starts it with `dotnet run`, so each instance's service is that process's child.</summary>
public sealed class SuiteProject(DistributedApplication app, ResourceStates states, string name) : SuiteResource(app, states, name)
{
    /// <summary>The processes of the running instances.</summary>
    public IReadOnlyList<int> ProcessIds => [.. Services.Select(service => service.ProcessId)];

    private IEnumerable<(string Instance, int ProcessId)> Services => Launchers
        .Select(launcher => (launcher.Instance, ProcessId: ChildOf(launcher.Launcher)))
        .Where(service => service.ProcessId is not null)
        .Select(service => (service.Instance, service.ProcessId!.Value));

    /// <summary>The service's own process, while it runs as one instance.</summary>
    public int? ProcessId => ProcessIds switch
    {
        [] => null,
        [var only] => only,
        _ => throw new InvalidOperationException($"{Name} runs as {ProcessIds.Count} replicas: which one?"),
    };

    /// <summary>Kills every instance as a crash would; <see cref="SuiteResource.StartAsync"/> brings them back.</summary>
    public Task CrashAsync() => CrashAsync([.. ProcessIds]);

    /// <summary>Kills these instances' processes (of <see cref="ProcessIds"/>) as a crash would.</summary>
    public async Task CrashAsync(params int[] processIds)
    {
        var crashing = Services.Where(service => processIds.Contains(service.ProcessId)).ToList();
        if (processIds.Length == 0 || crashing.Count < processIds.Length)
            throw new InvalidOperationException(
                $"{Name} runs as [{string.Join(", ", ProcessIds)}], not [{string.Join(", ", processIds)}].");
        foreach (var processId in processIds)
        {
            using var service = Process.GetProcessById(processId);
            service.Kill();
            await service.WaitForExitAsync();
        }
        // Once the orchestrator has seen them exit, StartAsync knows to start them again.
        await WaitUntilStoppedAsync(crashing.Select(service => service.Instance));
    }

    /// <summary>
    /// Starts every stopped instance again and returns once each serves on its own port. Behind the shared address
    /// the orchestrator's health check may reach another replica, so a restarted one can look healthy too early.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await WaitUntilServingAsync(cancellationToken);
    }

    /// <summary>Returns once each instance's service answers its health check on its own port.</summary>
    public async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var polling = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await ServesAsync(client))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Name}: of instances {string.Join(", ", Instances)}, processes "
                    + $"[{string.Join(", ", ProcessIds)}] did not all answer /health within 90 s.");
            await polling.WaitForNextTickAsync(cancellationToken);
        }
    }

    private async Task<bool> ServesAsync(HttpClient client)
    {
        try
        {
            var services = Services.ToList();
            if (services.Count < Instances.Count)
                return false;
            foreach (var (_, processId) in services)
                if (!(await client.GetAsync(new Uri(OwnAddress(processId), "/health"))).IsSuccessStatusCode)
                    return false;
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return false; // not listening yet, or a process that was listed has gone
        }
    }

    /// <summary>The address the instance listens on itself, as the orchestrator gave it (ASPNETCORE_URLS).</summary>
    private static Uri OwnAddress(int processId) => new(File.ReadAllText($"/proc/{processId}/environ").Split('\0')
        .Single(variable => variable.StartsWith("ASPNETCORE_URLS=", StringComparison.Ordinal))["ASPNETCORE_URLS=".Length..]
        .Split(';')[0]);

    private static int? ChildOf(int parent) =>
        File.ReadAllText($"/proc/{parent}/task/{parent}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(int.Parse).Cast<int?>().FirstOrDefault();
}

/// <summary>
/// The PostgreSQL server. The orchestrator's stop is a SIGTERM, which PostgreSQL takes as a smart shutdown that waits
/// for every client to leave, and the services' pools never do: it is stopped as an operator would, with SIGINT (the
/// fast shutdown, as `pg_ctl stop -m fast`), and the orchestrator sees it exit.
/// </summary>
public sealed partial class SuiteDatabaseServer(DistributedApplication app, ResourceStates states, string name)
    : SuiteResource(app, states, name)
{
    private const int SignalInterrupt = 2;

    public override async Task StopAsync()
    {
        var server = Launchers.Select(launcher => (int?)launcher.Launcher).SingleOrDefault()
            ?? throw new InvalidOperationException($"{Name} is not running.");
        if (Kill(server, SignalInterrupt) != 0)
            throw new InvalidOperationException($"{Name} ({server}) could not be interrupted: errno {Marshal.GetLastPInvokeError()}.");
        await WaitUntilStoppedAsync();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

/// <summary>The RabbitMQ node, with rabbitmqctl against it.</summary>
public sealed class SuiteBroker(DistributedApplication app, ResourceStates states, RabbitMqNodeResource node, string connectionString)
    : SuiteResource(app, states, node.Name)
{
    public int AmqpPort => node.Endpoint.Port;

    /// <summary>As the AppHost gives it to the services.</summary>
    public string ConnectionString => connectionString;

    /// <summary>Runs rabbitmqctl against this node, e.g. "list_queues name messages".</summary>
    public async Task<string> ControlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(RabbitMqNodeResource.ControlScript, ["-n", node.NodeName, .. arguments])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in node.NodeEnvironment)
            start.Environment[key] = value;
        using var control = Process.Start(start)!;
        var output = control.StandardOutput.ReadToEndAsync();
        var errors = control.StandardError.ReadToEndAsync();
        await control.WaitForExitAsync();
        return control.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed ({control.ExitCode}): {await errors}");
    }
}
