using System.Net.Http.Headers;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.BuildingBlocks.Security;
using Platform.SuiteHost;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Platform.IntegrationTests.SuiteCollectionFirst", "IntegrationTests")]

namespace Platform.IntegrationTests;

/// <summary>
/// The whole suite, started once per test run by the real AppHost on Aspire's test host (<see cref="ThrowawaySuite"/>).
/// Every resource's output goes to suite.log beside the test assembly (suite-2.log for a second suite).
/// </summary>
public class SuiteFixture : IAsyncLifetime
{
    /// <summary>
    /// Instances of each service: one, or SUITE_REPLICAS; scripts/faults.sh runs the fault suite and ReplicaTests
    /// against two.
    /// </summary>
    public virtual int ReplicasOfEachService =>
        int.TryParse(Environment.GetEnvironmentVariable("SUITE_REPLICAS"), out var replicas) && replicas is >= 1 and <= 4 ? replicas : 1;

    private static int instances;
    private readonly string signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private ThrowawaySuite suite = null!;

    public HttpClient Gateway { get; private set; } = null!;
    public SuiteBroker Broker => suite.Broker;
    public SuiteDatabaseServer Postgres => suite.Postgres;
    public SuiteProject Project(string name) => suite.Project(name);
    public Uri Endpoint(string resource) => suite.Endpoint(resource);
    public string ConnectionString(string database) => suite.ConnectionString(database);
    public string ServiceConnectionString(string database) => suite.ServiceConnectionString(database);
    public string ServerConnectionString(string database) => suite.ServerConnectionString(database);
    public Task LoadDemoDataAsync() => suite.LoadDemoDataAsync();

    /// <summary>The issuer settings the suite runs with: the tests sign tokens of their own with its key.</summary>
    public AuthSettings Auth => new("platform", "platform-api", signingKey, null, true);

    /// <summary>An access token of the suite's issuer for a user with these roles and this district scope.</summary>
    public string TokenFor(string district, params string[] roles) =>
        AccessTokens.Create(
            Auth, Guid.NewGuid(), $"test-{string.Join('-', roles)}-{district}", "测试用户", roles, district, TimeSpan.FromHours(2));

    /// <summary>The user name <see cref="Gateway"/> acts as, as its token names it.</summary>
    public string GatewayUserName => new JsonWebToken(Gateway.DefaultRequestHeaders.Authorization!.Parameter).GetClaim("name").Value;

    /// <summary>An access token for a user of this name and display name.</summary>
    public string TokenAs(string userName, string displayName, string district, params string[] roles) =>
        AccessTokens.Create(Auth, Guid.NewGuid(), userName, displayName, roles, district, TimeSpan.FromHours(2));

    /// <summary>A client of the gateway, or of a service called directly, carrying <paramref name="token"/>.</summary>
    public HttpClient ClientFor(string resource, string? token)
    {
        var client = new HttpClient { BaseAddress = Endpoint(resource), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task InitializeAsync()
    {
        var instance = Interlocked.Increment(ref instances);
        var log = Path.Combine(AppContext.BaseDirectory, instance == 1 ? "suite.log" : $"suite-{instance}.log");
        // The tests sign hundreds of users in from this host; the per-address sign-in limit is tested from other addresses.
        suite = await ThrowawaySuite.StartAsync(log, signingKey, ReplicasOfEachService, builder => builder
            .CreateResourceBuilder<ProjectResource>("gateway")
            .WithEnvironment("Gateway__SignInLimit__Exempt__0", "127.0.0.1")
            .WithEnvironment("Gateway__SignInLimit__Exempt__1", "::1"));
        // The tests act as a city-wide user of every service and its system administrator (parked messages); the
        // security tests use narrower users of their own.
        Gateway = ClientFor("gateway", TokenFor("120000", Roles.Planner, Roles.Hr, Roles.Facilities, Roles.SystemAdmin));
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        await suite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}

/// <summary>
/// Runs the suite collection's tests, one after another the longest path of the run, first: suites start one at a
/// time (<see cref="ThrowawaySuite"/>), and the demo collection's shorter path can wait for its suite.
/// </summary>
public sealed class SuiteCollectionFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => collection.DisplayName == SuiteCollection.Name ? 0 : 1);
}
