using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// Reports each cluster as YARP's active health checks see it: healthy when at least one destination passed its
/// last probe. The gateway is ready only when every service behind it is; the clusters that are not are named in
/// the description, which goes to the log, not to the caller of /health.
/// </summary>
public sealed class ClusterHealthCheck(IProxyStateLookup proxyState) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        var notHealthy = proxyState.GetClusters()
            .Where(cluster => !cluster.DestinationsState.AllDestinations
                .Any(destination => destination.Health.Active == DestinationHealth.Healthy))
            .Select(cluster => cluster.ClusterId)
            .ToList();
        return Task.FromResult(notHealthy.Count == 0
            ? HealthCheckResult.Healthy("Every cluster has a healthy destination.")
            : HealthCheckResult.Unhealthy($"Not healthy: {string.Join(", ", notHealthy)}."));
    }
}
