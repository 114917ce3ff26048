namespace Platform.Gateway;

public static class Extensions
{
    public static void AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<ServiceAddressFilter>();
        RequestSizeLimitMiddleware.Configure(builder);
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("clusters", tags: [Microsoft.Extensions.Hosting.Extensions.ReadyTag]);
    }
}
