using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Resources;

namespace Platform.AppHost;

/// <summary>The suite's resources and how they depend on each other (README.md, "Run the suite").</summary>
public static class Suite
{
    /// <summary>The demo users' password (README.md), set only by this AppHost and the tests.</summary>
    public const string DemoPassword = "platform-demo";

    public static void Define(IDistributedApplicationBuilder builder, SuiteSettings settings)
    {
        // The gateway signs tokens with this key and every service checks them with it: Auth:SigningKey when set
        // (so tokens outlive a restart), otherwise a new random key for each run.
        var signingKey = builder.Configuration["Auth:SigningKey"] ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        builder.Services.AddHostedService<FailureReport>();
        var postgres = builder.AddPostgres("postgres", settings);
        var messaging = builder.AddRabbitMQ("messaging", settings);

        IResourceBuilder<ProjectResource> Service<TProject>(string name) where TProject : IProjectMetadata, new()
        {
            var database = postgres.AddDatabase($"{name}db");
            // Replicas share the queues (consumers compete), the outbox (rows claimed with SKIP LOCKED) and one
            // proxied address the gateway's calls are balanced behind. A service needs its database to start (its
            // migrations), not the broker: it starts while the broker boots, and its bus connects once it is up.
            return builder.AddSuiteProject<TProject>(name)
                .WithReplicas(settings.Replicas)
                .WithEnvironment("Auth__SigningKey", signingKey)
                .WithReference(database).WaitFor(database)
                .WithReference(messaging);
        }
        var planning = Service<Projects.Planning>("planning");
        var workforce = Service<Projects.Workforce>("workforce");
        var facilities = Service<Projects.Facilities>("facilities");

        var gatewayDb = postgres.AddDatabase("gatewaydb");
        // The gateway and the UI start alongside the services: the gateway is healthy only once every service behind
        // it is (its ClusterHealthCheck), so whatever waits for the gateway waits for the whole suite. Not proxied:
        // the gateway sees each caller's own address, which its sign-in limits count by.
        var gateway = builder.AddSuiteProject<Projects.Gateway>("gateway", settings.PortFor("gateway", 8080))
            .WithEnvironment("Auth__SigningKey", signingKey)
            .WithEnvironment("Auth__DemoPassword", DemoPassword)
            .WithReference(gatewayDb).WaitFor(gatewayDb)
            .WithReference(planning).WithReference(workforce).WithReference(facilities)
            .WithExternalHttpEndpoints();
        // HTTPS and its certificate are the gateway's alone (docs/security.md, "HTTPS"): Gateway:Kestrel:… of the
        // AppHost's settings reaches it as Kestrel:…, and no other project sees the certificate's password.
        var kestrel = builder.Configuration.GetSection("Gateway:Kestrel");
        foreach (var (key, value) in kestrel.AsEnumerable(makePathsRelative: true))
            if (value is not null)
                gateway.WithEnvironment($"Kestrel__{key.Replace(":", "__", StringComparison.Ordinal)}", value);
        // Endpoints of Kestrel's own replace the AppHost's address: keep plain http there for the health checks.
        if (kestrel.GetSection("Endpoints").Exists() && !kestrel.GetSection("Endpoints:Http").Exists())
        {
            var http = gateway.GetEndpoint("http");
            gateway.WithEnvironment("Kestrel__Endpoints__Http__Url",
                ReferenceExpression.Create($"http://{http.EndpointAnnotation.TargetHost}:{http.Property(EndpointProperty.TargetPort)}"));
        }
        // The UI, served behind the gateway: it signs users in at the gateway and calls the services as the
        // signed-in user, request by request.
        var web = builder.AddSuiteProject<Projects.Web>("web")
            .WithReference(gateway).WithReference(planning).WithReference(workforce).WithReference(facilities);
        gateway.WithReference(web);
        // Every service reads the sessions that ended from the gateway's feed (docs/security.md, "Sessions"); they do
        // not wait for it, and refuse tokens naming a session until they have read it once.
        foreach (var service in new[] { planning, workforce, facilities })
            service.WithReference(gateway);

        if (settings.LoadsDemoData)
            builder.AddProject<Projects.DemoData>("demo-data")
                .WithEnvironment("Auth__DemoPassword", DemoPassword)
                .WithReference(gateway).WaitFor(gateway)
                .WithQuickTelemetryShutdown();
        gateway.OnResourceReady((resource, ready, _) => Welcome(resource, ready.Services, settings.LoadsDemoData));
    }

    private static IResourceBuilder<ProjectResource> AddSuiteProject<TProject>(
        this IDistributedApplicationBuilder builder, string name, int? port = null) where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            // The suite runs from its build output here, where the UI's static files are found only in Development.
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithHttpEndpoint(port: port, targetPort: port, isProxied: port is null)
            .WithHttpHealthCheck("/health")
            .WithQuickTelemetryShutdown();

    /// <summary>
    /// At Ctrl+C the dashboard stops first, and an exporter retrying in memory keeps a service alive until it is killed
    /// (shared/docs/environment.md): give up on the collector within a second instead.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithQuickTelemetryShutdown(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment(context =>
        {
            context.EnvironmentVariables.Remove("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY");
            context.EnvironmentVariables["OTEL_EXPORTER_OTLP_TIMEOUT"] = "1000";
        });

    private static Task Welcome(ProjectResource gateway, IServiceProvider services, bool loadsDemoData)
    {
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.AppHost").LogInformation(
            "The suite is ready: open {Url} and sign in as planner, hr, hr.nankai, facilities, bureau, viewer, admin, "
            + "secadmin or auditor (password {Password}). {DemoData}The dashboard's sign-in link is above; Ctrl+C stops "
            + "everything.",
            gateway.GetEndpoint("http").Url, DemoPassword,
            loadsDemoData ? "The demo data is loaded if the registry is empty (demo-data in the dashboard shows it). " : "");
        return Task.CompletedTask;
    }
}
