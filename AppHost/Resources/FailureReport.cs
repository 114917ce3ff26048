using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.AppHost.Resources;

/// <summary>
/// The console shows the AppHost's own lines only: a resource that fails to start, or exits with an error while the
/// suite runs, is told there too, with where to read why.
/// </summary>
internal sealed class FailureReport(
    ResourceNotificationService notifications, IHostApplicationLifetime lifetime, ILogger<FailureReport> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var told = new HashSet<(string, DateTime?)>();
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            var snapshot = update.Snapshot;
            var failed = snapshot.State?.Text == KnownResourceStates.FailedToStart
                || (KnownResourceStates.TerminalStates.Contains(snapshot.State?.Text) && snapshot.ExitCode is not (null or 0));
            if (failed && !lifetime.ApplicationStopping.IsCancellationRequested && told.Add((update.ResourceId, snapshot.StartTimeStamp)))
                logger.LogError("{Resource}: {State}, exit code {ExitCode}; its console log is in the dashboard",
                    update.ResourceId, snapshot.State?.Text, snapshot.ExitCode);
        }
    }
}
