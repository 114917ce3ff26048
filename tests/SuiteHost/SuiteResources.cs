using System.Diagnostics;
using System.Runtime.InteropServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Resources;

namespace Platform.SuiteHost;

/// <summary>A resource of the running suite that fault tests stop and start through the app model, as the dashboard does.</summary>
public class SuiteResource(DistributedApplication app, string name)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    public string Name => name;

    public virtual async Task StopAsync()
    {
        await ExecuteAsync(KnownResourceCommands.StopCommand);
        await WaitUntilStoppedAsync();
    }

    protected async Task WaitUntilStoppedAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await app.ResourceNotifications.WaitForResourceAsync(name, e => IsStopped(e.Snapshot), deadline.Token);
    }

    /// <summary>Starts the resource again and returns once it is healthy.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(KnownResourceCommands.StartCommand);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        await app.ResourceNotifications.WaitForResourceAsync(name, e => !IsStopped(e.Snapshot), deadline.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(name, deadline.Token);
    }

    private static bool IsStopped(CustomResourceSnapshot snapshot) =>
        KnownResourceStates.TerminalStates.Contains(snapshot.State?.Text);

    private async Task ExecuteAsync(string command)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(name, command);
        if (!result.Success)
            throw new InvalidOperationException($"{command} {name}: {result.Message}");
    }

    /// <summary>The id of the resource's process, as the orchestrator reports it.</summary>
    protected int? LauncherId =>
        app.ResourceNotifications.TryGetCurrentState(name, out var resource)
        && resource.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid)
            : null;
}

/// <summary>A project: the orchestrator starts it with `dotnet run`, so its service is that process's child.</summary>
public sealed class SuiteProject(DistributedApplication app, string name) : SuiteResource(app, name)
{
    /// <summary>The service's own process, while it runs.</summary>
    public int? ProcessId => LauncherId is { } launcher ? ChildOf(launcher) : null;

    /// <summary>Kills the service as a crash would; <see cref="SuiteResource.StartAsync"/> brings it back.</summary>
    public async Task CrashAsync()
    {
        using var service = Process.GetProcessById(ProcessId ?? throw new InvalidOperationException($"{Name} is not running."));
        service.Kill();
        await service.WaitForExitAsync();
    }

    private static int? ChildOf(int parent) =>
        File.ReadAllText($"/proc/{parent}/task/{parent}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(int.Parse).Cast<int?>().FirstOrDefault();
}

/// <summary>
/// The PostgreSQL server. The orchestrator's stop is a SIGTERM, which PostgreSQL takes as a smart shutdown that waits
/// for every client to leave, and the services' pools never do: it is stopped as an operator would, with SIGINT (the
/// fast shutdown, as `pg_ctl stop -m fast`), and the orchestrator sees it exit.
/// </summary>
public sealed partial class SuiteDatabaseServer(DistributedApplication app, string name) : SuiteResource(app, name)
{
    private const int SignalInterrupt = 2;

    public override async Task StopAsync()
    {
        var server = LauncherId ?? throw new InvalidOperationException($"{Name} is not running.");
        if (Kill(server, SignalInterrupt) != 0)
            throw new InvalidOperationException($"{Name} ({server}) could not be interrupted: errno {Marshal.GetLastPInvokeError()}.");
        await WaitUntilStoppedAsync();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

/// <summary>The RabbitMQ node, with rabbitmqctl against it.</summary>
public sealed class SuiteBroker(DistributedApplication app, RabbitMqNodeResource node, string connectionString)
    : SuiteResource(app, node.Name)
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
