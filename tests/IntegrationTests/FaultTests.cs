using Dapper;
using MassTransit;
using Npgsql;
using Platform.AppHost.Hosting;
using Platform.Contracts;
using Xunit.Abstractions;

namespace Platform.IntegrationTests;

/// <summary>
/// Faults while events flow: a consumer's service killed in the middle of consuming, then started again. Every event
/// must be applied, and applied once. Each run reports events sent, applied, lost and applied twice.
/// </summary>
[Collection(SuiteCollection.Name)]
public class FaultTests(SuiteFixture suite, ITestOutputHelper output)
{
    [Fact]
    public async Task A_consumer_killed_mid_stream_loses_nothing_and_applies_nothing_twice()
    {
        const int events = 300;
        var school = await suite.Gateway.RegisterSchoolAsync("红桥区故障测试小学", classesPerGrade: 1);
        var projects = Enumerable.Range(0, events).Select(_ => Guid.NewGuid()).ToList();
        var planning = suite.App.GetResource<ProjectResource>("planning");

        var publishing = Task.WhenAll(projects.Select(project =>
            suite.PublishAsync(new CapacityCommissioned(project, school.Id, "primary", 1, 45, new DateOnly(2027, 9, 1)))));
        await using var database = new NpgsqlConnection(suite.ConnectionString("planningdb"));
        Task<int> AppliedAsync() => database.ExecuteScalarAsync<int>("SELECT count(*)::int FROM capacity_additions WHERE project_id = ANY(@projects)", new { projects });

        // Kill Planning while it is part-way through the stream, then bring it back.
        await Eventually.Until(AppliedAsync, applied => applied > 0, "Planning to start applying the events");
        await planning.CrashAsync();
        var atCrash = await AppliedAsync();
        await publishing;
        await planning.StartAsync(CancellationToken.None);

        await Eventually.Until(AppliedAsync, applied => applied == events, "every event to be applied after the restart", TimeSpan.FromSeconds(90));
        var perProject = (await database.QueryAsync<int>(
            "SELECT count(*)::int FROM capacity_additions WHERE project_id = ANY(@projects) GROUP BY project_id", new { projects })).ToList();
        var places = (await suite.Gateway.GetSchoolAsync(school.Id)).Places;
        var lost = events - perProject.Count;
        // Each event adds 45 places once: any more means an event was applied twice.
        var twice = (places - school.Places - perProject.Count * 45) / 45;
        output.WriteLine($"events sent {events}, applied before the crash {atCrash}, applied {perProject.Count}, lost {lost}, applied twice {twice}");
        Assert.Equal((0, 0), (lost, twice));
    }
}
