using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.AppHost;
using Platform.AppHost.Resources;
using Platform.Demo;

namespace Platform.SuiteHost;

/// <summary>
/// The whole suite started by the real AppHost on Aspire's test host: real PostgreSQL and RabbitMQ processes, the
/// three services, the UI and the gateway, on free ports (so a suite a developer runs is not disturbed), with data in
/// a temporary folder removed at the end and every resource's output in <c>logFile</c>.
/// </summary>
public sealed class ThrowawaySuite : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(5);

    // Suites start one at a time: two starts at once share two cores, so each takes as long as both in turn and
    // the tests of neither can begin until then.
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"platform-suite-{Guid.NewGuid():N}");
    private readonly Dictionary<string, (string Admin, string Service)> connectionStrings = [];
    private string serverConnectionString = "";
    private readonly CancellationTokenSource stopping = new();
    private readonly ResourceStates states = new();
    private Task logging = Task.CompletedTask;
    private Task watching = Task.CompletedTask;

    private ThrowawaySuite()
    {
    }

    public DistributedApplication App { get; private set; } = null!;
    public SuiteBroker Broker { get; private set; } = null!;
    public SuiteDatabaseServer Postgres { get; private set; } = null!;
    public SuiteProject Project(string name) => new(App, states, name);

    /// <summary>Where a project of the suite listens (the gateway, or a service called directly).</summary>
    public Uri Endpoint(string resource) => App.GetEndpoint(resource, "http");

    /// <summary>The superuser's connection string of a database: to look inside it past row-level security.</summary>
    public string ConnectionString(string database) => connectionStrings[database].Admin;

    /// <summary>What the service itself connects with: the database's own role, as the AppHost provisions it.</summary>
    public string ServiceConnectionString(string database) => connectionStrings[database].Service;

    /// <summary>The superuser's connection string for any database of the server (tests that make their own).</summary>
    public string ServerConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;

    /// <summary>
    /// Starts the suite, returning once the gateway is healthy, which it is once every service is. The signing key
    /// lets the caller issue tokens of its own; each service runs as <paramref name="replicas"/> instances;
    /// <paramref name="configure"/> adjusts resources before the start.
    /// </summary>
    public static async Task<ThrowawaySuite> StartAsync(
        string logFile, string signingKey, int replicas = 1, Action<IDistributedApplicationTestingBuilder>? configure = null)
    {
        await Starting.WaitAsync();
        try
        {
            var suite = new ThrowawaySuite();
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                "--no-demo", "Throwaway=true", $"DataDirectory={suite.dataDirectory}", $"Auth:SigningKey={signingKey}",
                $"Replicas={replicas}",
            ]);
            configure?.Invoke(builder);
            suite.App = await builder.BuildAsync();
            try
            {
                await suite.StartAsync(logFile);
            }
            catch
            {
                await suite.DisposeAsync();
                throw;
            }
            return suite;
        }
        finally
        {
            Starting.Release();
        }
    }

    private async Task StartAsync(string logFile)
    {
        using var deadline = new CancellationTokenSource(StartDeadline);
        watching = states.WatchAsync(App, stopping.Token);
        await App.StartAsync(deadline.Token);
        // Once started, as a resource's log is kept under the names of its instances, which the start gives.
        logging = SuiteLog.WriteAsync(App, logFile, stopping.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", deadline.Token);

        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var project in model.Resources.OfType<ProjectResource>())
            await Project(project.Name).WaitUntilServingAsync(deadline.Token);
        var node = model.Resources.OfType<RabbitMqNodeResource>().Single();
        Broker = new SuiteBroker(App, states, node, await ValueOfAsync(node.ConnectionStringExpression, deadline.Token));
        Postgres = new SuiteDatabaseServer(App, states, "postgres");
        foreach (var database in model.Resources.OfType<PostgresDatabaseResource>())
            connectionStrings[database.Name] = (await ValueOfAsync(database.AdminConnectionStringExpression, deadline.Token),
                await ValueOfAsync(database.ConnectionStringExpression, deadline.Token));
        serverConnectionString = await ValueOfAsync(
            model.Resources.OfType<PostgresServerResource>().Single().ConnectionStringExpression, deadline.Token);
    }

    private static async Task<string> ValueOfAsync(ReferenceExpression expression, CancellationToken cancellationToken) =>
        await expression.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"{expression.ValueExpression} has no value.");

    /// <summary>A client of the gateway, signed in as the city bureau's demo user (every district, every service).</summary>
    public async Task<HttpClient> SignedInGatewayAsync()
    {
        var gateway = new HttpClient { BaseAddress = Endpoint("gateway"), Timeout = TimeSpan.FromMinutes(2) };
        await DemoUsers.SignInAsync(gateway, "bureau", Suite.DemoPassword);
        return gateway;
    }

    /// <summary>Loads the demo data set as the AppHost's demo-data resource does (only into an empty registry).</summary>
    public async Task LoadDemoDataAsync()
    {
        using var gateway = await SignedInGatewayAsync();
        await DemoData.LoadAsync(gateway, NullLogger.Instance, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await stopping.CancelAsync();
        await Task.WhenAll(logging, watching);
        if (Directory.Exists(dataDirectory))
            Directory.Delete(dataDirectory, recursive: true);
    }
}
