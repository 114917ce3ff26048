using System.Net;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace Platform.IntegrationTests;

/// <summary>
/// What replicas must do, on the suite run with two instances of each service (SUITE_REPLICAS=2, scripts/faults.sh):
/// the gateway's calls reach both, their consumers compete for each queue, they share one outbox without publishing a
/// row twice, and one replica lost is not seen by users. scripts/test.sh leaves them out unless SUITE_REPLICAS is 2
/// or more: a suite of replicas beside the others is more than CI's 15 minutes allow on two cores.
/// </summary>
[Collection(SuiteCollection.Name)]
public class ReplicaTests(SuiteFixture suite, ITestOutputHelper output)
{
    private const string Hexi = "120103";

    private static readonly string[] Services = ["planning", "workforce", "facilities"];

    public static TheoryData<string, string> Lists() => new()
    {
        { "planning", "/api/planning/schools" },
        { "workforce", "/api/workforce/teachers" },
        { "facilities", "/api/facilities/projects" },
    };

    [Theory, MemberData(nameof(Lists))]
    public async Task The_gateway_balances_a_services_requests_between_its_replicas(string service, string list)
    {
        var replicas = suite.Project(service).ProcessIds;
        Assert.Equal(suite.ReplicasOfEachService, replicas.Count);
        await using var database = new NpgsqlConnection(suite.ConnectionString($"{service}db"));
        var since = await database.ExecuteScalarAsync<DateTime>("SELECT clock_timestamp()");

        // The replicas' proxy balances connections, and the gateway renews its own every 15 s: requests made over
        // some seconds reach both instances.
        await Eventually.Until(async () =>
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
                Assert.Equal(HttpStatusCode.OK, (await suite.Gateway.GetAsync(list)).StatusCode)));
            return await ServedSinceAsync(database, since);
        }, served => served.SequenceEqual(replicas.Order()), $"{service}'s requests to reach each replica", TimeSpan.FromSeconds(60));
    }

    /// <summary>The instances whose connections did something for the gateway's user (scope "12") since then.</summary>
    private static async Task<List<int>> ServedSinceAsync(NpgsqlConnection database, DateTime since) =>
        // Each replica names its connections "{assembly} {pid} {scope}".
        (await database.QueryAsync<string>("""
            SELECT DISTINCT split_part(application_name, ' ', 2) FROM pg_stat_activity
            WHERE datname = current_database() AND state_change >= @since AND split_part(application_name, ' ', 3) = '12'
            """, new { since })).Select(int.Parse).Order().ToList();

    [Fact]
    public async Task Every_queue_has_a_consumer_in_each_replica()
    {
        var queues = (await suite.Broker.ControlAsync("list_queues", "name", "consumers", "--quiet", "--no-table-headers"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(fields => Services.Any(service => fields[0].StartsWith($"{service}-", StringComparison.Ordinal))
                && !fields[0].EndsWith("_error", StringComparison.Ordinal) && !fields[0].EndsWith("_skipped", StringComparison.Ordinal))
            .ToDictionary(fields => fields[0], fields => int.Parse(fields[1]));

        Assert.NotEmpty(queues);
        Assert.All(queues, queue => Assert.Equal((queue.Key, suite.ReplicasOfEachService), (queue.Key, queue.Value)));
    }

    [Fact]
    public async Task Replicas_sharing_an_outbox_publish_each_row_once()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("河西区副本测试小学", classesPerGrade: 1, district: Hexi);
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
        var projects = new List<Guid>();
        for (var i = 0; i < 30; i++)
            projects.Add((await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 1)).Id);
        // Commissioned in parallel through the gateway: the replicas commit, and each one's dispatcher wakes to the
        // same outbox.
        await Task.WhenAll(projects.Select(async project => await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(project))));

        await using var planning = new NpgsqlConnection(suite.ConnectionString("planningdb"));
        await Eventually.Until(
            () => planning.ExecuteScalarAsync<int>(
                "SELECT count(*)::int FROM capacity_additions WHERE project_id = ANY(@projects)", new { projects }),
            applied => applied == projects.Count, "every commissioning to be applied once");
        await using var facilities = new NpgsqlConnection(suite.ConnectionString("facilitiesdb"));
        // A row is counted an attempt each time a dispatcher publishes it; nothing failed here, so once each.
        var attempts = (await facilities.QueryAsync<int>("""
            SELECT attempts FROM outbox_messages
            WHERE message_type = 'Platform.Contracts.CapacityCommissioned' AND (payload->>'projectId')::uuid = ANY(@projects)
            """, new { projects })).ToList();
        output.WriteLine($"rows {attempts.Count}, published {attempts.Sum()} times");
        Assert.Equal(Enumerable.Repeat(1, projects.Count), attempts);
        Assert.Equal(school.Places + projects.Count * 45, (await suite.Gateway.GetSchoolAsync(school.Id)).Places);
    }

    [Fact]
    public async Task A_replica_lost_is_not_seen_by_users()
    {
        var planning = suite.Project("planning");
        await planning.CrashAsync(planning.ProcessIds[0]);
        try
        {
            // Reads, and writes, which nothing retries: each must reach the replica that is left.
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await suite.Gateway.GetAsync("/api/planning/schools")).StatusCode);
                await suite.Gateway.AddZoneAsync(Hexi);
            }
        }
        finally
        {
            await planning.StartAsync(CancellationToken.None);
        }
        Assert.Equal(suite.ReplicasOfEachService, planning.ProcessIds.Count);
    }
}
