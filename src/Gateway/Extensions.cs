using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Gateway.Identity;

namespace Platform.Gateway;

public static class Extensions
{
    public static void AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            // Destinations written as http://{service} resolve from services__{service}__http__0, as the AppHost sets.
            .AddServiceDiscoveryDestinationResolver()
            // A service's replicas sit behind one address that balances connections, not requests: connections are
            // renewed every 15 s, so a busy gateway spreads over every instance, one started later included.
            .ConfigureHttpClient((_, handler) => handler.PooledConnectionLifetime = TimeSpan.FromSeconds(15));
        RequestSizeLimitMiddleware.Configure(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("clusters", tags: [Microsoft.Extensions.Hosting.Extensions.ReadyTag]);
        // The suite's own users and token issuer (docs/security.md).
        builder.AddPlatformDatabase("gatewaydb", typeof(Extensions));
        builder.AddPlatformAuthentication();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IRevocationSource, DatabaseRevocations>());
        builder.Services.AddHostedService<DemoUsers>();
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddValidation();
    }
}
