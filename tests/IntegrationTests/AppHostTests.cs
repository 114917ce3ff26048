using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.IntegrationTests;

/// <summary>What the AppHost gives each project, read from its app model without starting anything.</summary>
public sealed class AppHostTests : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"platform-apphost-{Guid.NewGuid():N}");
    private DistributedApplication app = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            "--no-demo", "Throwaway=true", $"DataDirectory={dataDirectory}", "Replicas=3",
            "Gateway:Kestrel:Endpoints:Https:Url=https://0.0.0.0:8443",
            "Gateway:Kestrel:Endpoints:Https:Certificate:Path=/etc/platform/gateway.pfx",
            "Gateway:Kestrel:Endpoints:Https:Certificate:Password=secret",
        ]);
        app = await builder.BuildAsync();
    }

    [Fact]
    public async Task Only_the_gateway_is_given_the_https_certificate_and_it_keeps_plain_http_for_health_checks()
    {
        var gateway = await EnvironmentOfAsync("gateway");
        Assert.Equal("https://0.0.0.0:8443", gateway["Kestrel__Endpoints__Https__Url"]);
        Assert.Equal("secret", gateway["Kestrel__Endpoints__Https__Certificate__Password"]);
        Assert.Matches(@"^http://localhost:\d+$", gateway["Kestrel__Endpoints__Http__Url"]);
        foreach (var project in new[] { "planning", "workforce", "facilities", "web" })
            Assert.DoesNotContain(await EnvironmentOfAsync(project),
                variable => variable.Key.StartsWith("Kestrel__", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_service_runs_as_the_replicas_asked_for_and_the_rest_as_one()
    {
        var replicas = Resources()
            .ToDictionary(r => r.Name, r => r.Annotations.OfType<ReplicaAnnotation>().SingleOrDefault()?.Replicas ?? 1);
        Assert.Equal((3, 3, 3, 1, 1),
            (replicas["planning"], replicas["workforce"], replicas["facilities"], replicas["gateway"], replicas["web"]));
    }

    private IEnumerable<ProjectResource> Resources() =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>();

    private async Task<IReadOnlyDictionary<string, string>> EnvironmentOfAsync(string project)
    {
        var context = new DistributedApplicationExecutionContext(
            new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Run) { Services = app.Services });
        var configuration = await ExecutionConfigurationBuilder.Create(Resources().Single(r => r.Name == project))
            .WithEnvironmentVariablesConfig()
            .BuildAsync(context, NullLogger.Instance, CancellationToken.None);
        return configuration.Exception is null ? configuration.EnvironmentVariables.ToDictionary() : throw configuration.Exception;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
