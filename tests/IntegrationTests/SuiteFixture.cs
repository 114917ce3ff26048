using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.AppHost;
using Platform.AppHost.Hosting;
using Platform.BuildingBlocks.Security;

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

    /// <summary>The superuser's connection string of a database: tests look inside it past row-level security.</summary>
    public string ConnectionString(string database) => App.GetResource<PostgresDatabaseResource>(database).AdminConnectionString;

    /// <summary>What the service itself connects with: the database's own role, as the AppHost provisions it.</summary>
    public string ServiceConnectionString(string database) => App.GetResource<PostgresDatabaseResource>(database).ConnectionString;

    /// <summary>The issuer settings the suite runs with: the tests sign tokens of their own with its key.</summary>
    public AuthSettings Auth => new("platform", "platform-api", App.GetResource<ProjectResource>("gateway").Environment["Auth__SigningKey"], null, true);

    /// <summary>An access token of the suite's issuer for a user with these roles and this district scope.</summary>
    public string TokenFor(string district, params string[] roles) =>
        AccessTokens.Create(Auth, Guid.NewGuid(), $"test-{string.Join('-', roles)}-{district}", "测试用户", roles, district, TimeSpan.FromHours(2));

    /// <summary>The user name <see cref="Gateway"/> acts as, as its token names it.</summary>
    public string GatewayUserName => new JsonWebToken(Gateway.DefaultRequestHeaders.Authorization!.Parameter).GetClaim("name").Value;

    /// <summary>An access token for a user of this name and display name.</summary>
    public string TokenAs(string userName, string displayName, string district, params string[] roles) =>
        AccessTokens.Create(Auth, Guid.NewGuid(), userName, displayName, roles, district, TimeSpan.FromHours(2));

    /// <summary>A client of the gateway, or of a service called directly, carrying <paramref name="token"/>.</summary>
    public HttpClient ClientFor(string resource, string? token)
    {
        var client = new HttpClient { BaseAddress = App.GetResource<ProjectResource>(resource).HttpEndpoint, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task InitializeAsync()
    {
        var instance = Interlocked.Increment(ref instances);
        var builder = DistributedApplication.CreateBuilder(DistributedApplicationOptions.Throwaway(
            "tests", Path.Combine(AppContext.BaseDirectory, instance == 1 ? "suite.log" : $"suite-{instance}.log")));
        Suite.Define(builder);
        App = builder.Build();
        // The tests sign hundreds of users in from this host; the per-address sign-in limit is tested from other addresses.
        var gateway = App.GetResource<ProjectResource>("gateway").Environment;
        gateway["Gateway__SignInLimit__Exempt__0"] = "127.0.0.1";
        gateway["Gateway__SignInLimit__Exempt__1"] = "::1";
        try
        {
            await App.StartAsync();
        }
        catch
        {
            await App.StopAsync();
            throw;
        }
        // The tests act as a city-wide user of every service and its system administrator (parked messages); the security tests use narrower users of their own.
        Gateway = ClientFor("gateway", TokenFor("120000", Roles.Planner, Roles.Hr, Roles.Facilities, Roles.SystemAdmin));
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
