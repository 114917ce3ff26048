using Platform.AppHost;
using Platform.AppHost.Hosting;

namespace Platform.IntegrationTests;

/// <summary>
/// The whole suite, started once per test run with the AppHost's own model and launchers: real PostgreSQL and
/// RabbitMQ processes, the three services and the gateway, on free ports, with data in a temporary folder that is
/// removed at the end. Child output goes to suite.log beside the test assembly (suite-2.log for a second suite).
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private static int instances;

    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;
    public RabbitMqServerResource Broker => App.GetResource<RabbitMqServerResource>("messaging");
    public PostgresServerResource Postgres => App.GetResource<PostgresServerResource>("postgres");

    public string ConnectionString(string database) => App.GetResource<PostgresDatabaseResource>(database).ConnectionString;

    public async Task InitializeAsync()
    {
        var instance = Interlocked.Increment(ref instances);
        var builder = DistributedApplication.CreateBuilder(DistributedApplicationOptions.Throwaway(
            "tests", Path.Combine(AppContext.BaseDirectory, instance == 1 ? "suite.log" : $"suite-{instance}.log")));
        Suite.Define(builder);
        App = builder.Build();
        try
        {
            await App.StartAsync();
        }
        catch
        {
            await App.StopAsync();
            throw;
        }
        Gateway = new HttpClient { BaseAddress = App.GetResource<ProjectResource>("gateway").HttpEndpoint, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        await App.StopAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
