using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.SuiteHost;

/// <summary>
/// The latest state of every resource instance, watched from before the start: the app model names a resource,
/// the orchestrator runs one instance of it or one per replica, each with an id of its own.
/// </summary>
public sealed class ResourceStates
{
    private readonly ConcurrentDictionary<string, ResourceEvent> latest = new();
    private DistributedApplication? watched;

    public Task WatchAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        watched = app;
        return Task.Run(async () =>
        {
            try
            {
                await foreach (var update in app.ResourceNotifications.WatchAsync(cancellationToken))
                    latest[update.ResourceId] = update;
            }
            catch (OperationCanceledException)
            {
                // the suite is stopping
            }
        }, CancellationToken.None);
    }

    public IReadOnlyList<string> InstancesOf(string resource) =>
        latest.Values.Where(e => e.Resource.Name == resource).Select(e => e.ResourceId).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The instance's state as the app model holds it now: the watch above may not have seen the latest update yet,
    /// e.g. the exit a caller has just waited for.
    /// </summary>
    public ResourceEvent Of(string instance) =>
        watched!.ResourceNotifications.TryGetCurrentState(instance, out var current) ? current : latest[instance];
}
