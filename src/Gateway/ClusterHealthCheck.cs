using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// Reports each cluster as YARP's active health checks see it: healthy when at least one destination passed its
/// last probe. The gateway is ready only when every service behind it is.
/// </summary>
public sealed class ClusterHealthCheck(IProxyStateLookup proxyState) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var clusters = proxyState.GetClusters().ToDictionary(
            cluster => cluster.ClusterId,
            cluster => cluster.DestinationsState.AllDestinations.Any(d => d.Health.Active == DestinationHealth.Healthy)
                ? "Healthy"
                : cluster.DestinationsState.AllDestinations.All(d => d.Health.Active == DestinationHealth.Unknown) ? "Unknown" : "Unhealthy");
        var data = clusters.ToDictionary(pair => pair.Key, pair => (object)pair.Value);
        var notHealthy = clusters.Where(pair => pair.Value != "Healthy").Select(pair => pair.Key).ToList();
        return Task.FromResult(notHealthy.Count == 0
            ? HealthCheckResult.Healthy("Every cluster has a healthy destination.", data)
            : HealthCheckResult.Unhealthy($"Not healthy: {string.Join(", ", notHealthy)}.", data: data));
    }
}
