using System.Net;
using Dapper;
using Npgsql;
using Platform.Contracts;
using Xunit.Abstractions;

namespace Platform.IntegrationTests;

/// <summary>
/// Faults while events flow: a consumer's service killed in the middle of consuming; PostgreSQL restarted; the
/// publishing service killed while its dispatcher sends; the broker restarted again and again. Every event must be
/// applied, and applied once. Each run reports events sent, applied, lost and applied twice. FAULT_SCALE
/// (scripts/faults.sh) multiplies the events, the broker's restarts and the deadlines for a long run; CI runs them at
/// scale 1.
/// </summary>
[Collection(SuiteCollection.Name)]
public class FaultTests(SuiteFixture suite, ITestOutputHelper output)
{
    private static readonly int Scale =
        int.TryParse(Environment.GetEnvironmentVariable("FAULT_SCALE"), out var scale) && scale is > 0 and <= 100 ? scale : 1;
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(90 * Scale);

    [Fact]
    public async Task A_consumer_killed_mid_stream_loses_nothing_and_applies_nothing_twice()
    {
        var events = 300 * Scale;
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区故障测试小学", classesPerGrade: 1);
        var projects = Enumerable.Range(0, events).Select(_ => Guid.NewGuid()).ToList();
        var planning = suite.Project("planning");

        var publishing = Task.WhenAll(projects.Select(project =>
            suite.PublishAsync(new CapacityCommissioned(project, school.Id, "primary", 1, 45, new DateOnly(2027, 9, 1)))));
        // Kill Planning while it is part-way through the stream, then bring it back.
        await Eventually.Until(() => AppliedAsync(projects), applied => applied > 0, "Planning to start applying the events");
        await planning.CrashAsync();
        output.WriteLine($"applied before the crash {await AppliedAsync(projects)}");
        await publishing;
        await planning.StartAsync(CancellationToken.None);

        await Eventually.Until(() => AppliedAsync(projects), applied => applied == events,
            "every event to be applied after the restart", CatchUp);
        await ReportAsync(school, projects);
    }

    [Fact]
    public async Task PostgreSQL_restarted_while_events_flow_loses_nothing_and_applies_nothing_twice()
    {
        var events = 300 * Scale;
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区数据库重启测试小学", classesPerGrade: 1);
        var projects = Enumerable.Range(0, events).Select(_ => Guid.NewGuid()).ToList();
        var publishing = Task.WhenAll(projects.Select(project =>
            suite.PublishAsync(new CapacityCommissioned(project, school.Id, "primary", 1, 45, new DateOnly(2027, 9, 1)))));

        await Eventually.Until(() => AppliedAsync(projects), applied => applied > 0, "Planning to start applying the events");
        await suite.Postgres.StopAsync();
        // Down for longer than a fault's brief retries take in all (about 17 s): only the outage policy keeps the
        // messages in flight then out of the error queue.
        var outage = Task.Delay(TimeSpan.FromSeconds(25));
        await publishing;
        await outage;
        await suite.Postgres.StartAsync(CancellationToken.None);
        // This test process's pooled connections died with the server; the services find theirs broken and reconnect.
        NpgsqlConnection.ClearAllPools();

        await Eventually.Until(() => AppliedAsync(projects), applied => applied == events,
            "every event to be applied after the restart", CatchUp);
        await ReportAsync(school, projects);
        foreach (var service in new[] { "planning", "workforce", "facilities" })
            await Eventually.Until(() => suite.Gateway.GetAsync($"/api/{service}/health"),
                response => response.IsSuccessStatusCode, $"{service} to be ready again");
        // Connections pooled before the restart are dead; the first request of each kind finds a fresh one, not a 500.
        foreach (var path in new[] { "/api/admin/users", "/api/planning/schools", "/api/workforce/teachers", "/api/facilities/projects" })
            Assert.Equal((path, HttpStatusCode.OK), (path, (await suite.Gateway.GetAsync(path)).StatusCode));
    }

    [Fact]
    public async Task The_publisher_killed_while_dispatching_loses_nothing_and_applies_nothing_twice()
    {
        // Facilities commissions projects as fast as it can and is killed at once: its dispatcher may have published
        // rows it had not marked sent. Started again, it publishes them again, and Planning's inbox takes each once.
        var events = 60 * Scale;
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区发布中断测试小学", classesPerGrade: 1);
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
        var projects = new List<Guid>();
        for (var i = 0; i < events; i++)
        {
            var project = await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 1);
            await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(project.Id));
            projects.Add(project.Id);
        }
        var facilities = suite.Project("facilities");
        await facilities.CrashAsync();
        await facilities.StartAsync(CancellationToken.None);

        await Eventually.Until(() => AppliedAsync(projects), applied => applied == events,
            "every commissioning to reach Planning", CatchUp);
        await ReportAsync(school, projects);
    }

    [Fact]
    public async Task The_broker_restarted_again_and_again_while_events_are_committed_stalls_no_outbox()
    {
        // A publish caught by the broker's shutdown could wait forever for its confirmation and hold its dispatcher
        // with it; every round commits events on both sides of a restart and needs them delivered afterwards.
        for (var round = 1; round <= 3 * Scale; round++)
        {
            var school = await suite.Gateway.RegisterSchoolAsync($"红桥区中断{round}号小学", classesPerGrade: 1);
            await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
            var project = await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 1);

            await suite.Broker.StopAsync();
            SchoolDto registeredWhileDown;
            try
            {
                await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(project.Id));
                registeredWhileDown = await suite.Gateway.RegisterSchoolAsync($"红桥区中断{round}号新校", classesPerGrade: 1);
            }
            finally
            {
                await suite.Broker.StartAsync(CancellationToken.None);
            }

            await Eventually.Until(() => suite.Gateway.GetSchoolAsync(school.Id), s => s.Places == school.Places + project.PlacesAdded,
                $"round {round}: Facilities' commissioning to reach Planning", TimeSpan.FromSeconds(60));
            await suite.Gateway.WaitUntilKnownAsync("workforce", registeredWhileDown.Id);
            var registeredAfter = await suite.Gateway.RegisterSchoolAsync($"红桥区中断{round}号后校", classesPerGrade: 1);
            await suite.Gateway.WaitUntilKnownAsync("facilities", registeredAfter.Id);
            output.WriteLine($"round {round}: every event delivered after the restart");
        }
    }

    [Fact]
    public async Task A_queue_left_without_its_consumer_gets_it_back_and_its_events_are_applied()
    {
        // Deleting the queue under a running service leaves its endpoint without a consumer, as a broker restart
        // sometimes does. MassTransit must declare it again and consume from it, and the service keep serving.
        const string queue = "planning-capacity-commissioned";
        await suite.Broker.ControlAsync("delete_queue", queue);
        await Eventually.Until(() => suite.Broker.ControlAsync("list_queues", "name", "consumers", "--quiet", "--no-table-headers"),
            output => output.Split('\n').Any(line => line.Split('\t', StringSplitOptions.TrimEntries) is [var name, var consumers]
                && name == queue && consumers != "0"),
            $"{queue} to be back with a consumer", TimeSpan.FromSeconds(60));
        // The bus is degraded while its endpoint recovers, and so is Planning's readiness: wait until it is ready.
        await Eventually.Until(() => suite.Gateway.GetAsync("/api/planning/health"), response => response.IsSuccessStatusCode,
            "Planning to serve again", TimeSpan.FromSeconds(60));

        var school = await suite.Gateway.RegisterSchoolAsync("红桥区队列恢复测试小学", classesPerGrade: 1);
        List<Guid> project = [Guid.NewGuid()];
        await suite.PublishAsync(new CapacityCommissioned(project[0], school.Id, "primary", 1, 45, new DateOnly(2027, 9, 1)));
        await Eventually.Until(() => AppliedAsync(project), applied => applied == 1, "the event to be applied");
        await ReportAsync(school, project);
    }

    [Fact]
    public async Task A_service_stopped_and_started_from_the_dashboard_catches_up()
    {
        // The dashboard's Stop and Start: a graceful stop, events published meanwhile wait in its queue.
        var workforce = suite.Project("workforce");
        var before = workforce.ProcessIds;
        await workforce.StopAsync();
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区重启追赶测试小学", classesPerGrade: 1);
        await workforce.StartAsync(CancellationToken.None);

        Assert.Equal(before.Count, workforce.ProcessIds.Count);
        Assert.Empty(before.Intersect(workforce.ProcessIds));
        await suite.Gateway.WaitUntilKnownAsync("workforce", school.Id); // registered while it was away
    }

    private async Task<int> AppliedAsync(List<Guid> projects)
    {
        await using var database = new NpgsqlConnection(suite.ConnectionString("planningdb"));
        return await database.ExecuteScalarAsync<int>(
            "SELECT count(DISTINCT project_id)::int FROM capacity_additions WHERE project_id = ANY(@projects)", new { projects });
    }

    /// <summary>Events sent, applied, lost and applied twice: each event adds 45 places once, so any more is a double.</summary>
    private async Task ReportAsync(SchoolDto school, List<Guid> projects)
    {
        var applied = await AppliedAsync(projects);
        var places = (await suite.Gateway.GetSchoolAsync(school.Id)).Places;
        var (lost, twice) = (projects.Count - applied, (places - school.Places - applied * 45) / 45);
        output.WriteLine($"events sent {projects.Count}, applied {applied}, lost {lost}, applied twice {twice}");
        Assert.Equal((0, 0), (lost, twice));
    }
}
