using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway;

/// <summary>
/// Resolves destination addresses written as "http://{service}" from Aspire's service-discovery variables
/// (services__{service}__http__0), which the AppHost sets. Microsoft.Extensions.ServiceDiscovery does not
/// restore here; this is the part of it the gateway needs. Other addresses are left as they are.
/// </summary>
public sealed class ServiceAddressFilter(IConfiguration configuration) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        if (cluster.Destinations is null)
            return ValueTask.FromResult(cluster);
        var destinations = cluster.Destinations.ToDictionary(
            pair => pair.Key,
            pair => pair.Value with { Address = Resolve(pair.Value.Address) },
            StringComparer.OrdinalIgnoreCase);
        return ValueTask.FromResult(cluster with { Destinations = destinations });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);

    public string Resolve(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Host.Contains('.') || !uri.IsDefaultPort)
            return address;
        var endpoint = configuration[$"services:{uri.Host}:{uri.Scheme}:0"];
        if (string.IsNullOrEmpty(endpoint))
            throw new InvalidOperationException(
                $"Destination '{address}' names service '{uri.Host}', but services__{uri.Host}__{uri.Scheme}__0 is not set.");
        return endpoint.TrimEnd('/') + uri.PathAndQuery.TrimEnd('/');
    }
}
