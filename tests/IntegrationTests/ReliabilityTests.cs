using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using MassTransit;
using Npgsql;
using Platform.Contracts;
using Xunit.Abstractions;

namespace Platform.IntegrationTests;

[Collection(SuiteCollection.Name)]
public class ReliabilityTests(SuiteFixture suite, ITestOutputHelper output)
{
    [Fact]
    public async Task An_event_committed_while_the_broker_is_down_arrives_after_it_restarts()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("耀华中学红桥学校", classesPerGrade: 5);
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
        var project = await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 4);

        await suite.Broker.StopAsync();
        try
        {
            // Readiness fails without the broker, yet the gateway still routes writes to the service (docs/adr/0006).
            await Eventually.Until(() => suite.Gateway.GetAsync("/api/facilities/health"),
                response => response.StatusCode == HttpStatusCode.ServiceUnavailable, "Facilities to report itself not ready");
            var commissioned = await suite.Gateway.CommissionAsync(project.Id);
            Assert.Equal(HttpStatusCode.OK, commissioned.StatusCode);
            // The event waits in Facilities' outbox and the dispatcher keeps failing to publish it.
            await Eventually.Until(() => OutboxRowAsync(project.Id), row => row is { SentAt: null, Attempts: > 0 },
                "the dispatcher to fail publishing while the broker is down");
            Assert.Equal(school.Places, (await suite.Gateway.GetSchoolAsync(school.Id)).Places);
        }
        finally
        {
            await suite.Broker.StartAsync(CancellationToken.None);
        }

        var grown = await Eventually.Until(
            () => suite.Gateway.GetSchoolAsync(school.Id), s => s.Places != school.Places,
            "the capacity to arrive once the broker is back", TimeSpan.FromSeconds(90));
        var applied = (grown.Places - school.Places) / project.PlacesAdded;
        output.WriteLine(
            $"events sent 1, applied {Math.Min(applied, 1)}, lost {1 - Math.Min(applied, 1)}, applied twice {Math.Max(applied - 1, 0)}");
        Assert.Equal(school.Places + project.PlacesAdded, grown.Places);
        // A confirmation slowed by the restart may come after the dispatcher stopped waiting: the row is then sent
        // again, and marked sent then (the inbox drops the copy).
        await Eventually.Until(() => OutboxRowAsync(project.Id), row => row!.SentAt is not null, "the outbox row to be marked sent",
            TimeSpan.FromSeconds(60));
        // The gateway is ready only when its last probe of every service succeeded: the suite is whole again.
        await Eventually.Until(() => suite.Gateway.GetAsync("/health"),
            response => response.IsSuccessStatusCode, "every service to be ready again", TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task A_message_delivered_twice_is_applied_once()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("育婴里第三小学", classesPerGrade: 3);
        var messageId = NewId.NextGuid();
        // Same message id, different projects: only the inbox can tell that the second is a redelivery.
        await suite.PublishAsync(new CapacityCommissioned(Guid.NewGuid(), school.Id, "primary", 2, 90, new DateOnly(2027, 9, 1)),
            messageId);
        await suite.PublishAsync(new CapacityCommissioned(Guid.NewGuid(), school.Id, "primary", 2, 90, new DateOnly(2027, 9, 1)),
            messageId);

        await suite.WaitUntilDrainedAsync("planning-capacity-commissioned");
        var after = await suite.Gateway.GetSchoolAsync(school.Id);
        output.WriteLine($"deliveries 2 of one event, applied {(after.Places - school.Places) / 90}");
        Assert.Equal(school.Places + 90, after.Places);
        Assert.Equal(school.Classes + 2, after.Classes);

        await using var connection = new NpgsqlConnection(suite.ConnectionString("planningdb"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM inbox_messages WHERE message_id = @messageId AND consumer = 'CapacityCommissionedConsumer'",
            new { messageId }));
    }

    [Fact]
    public async Task A_poison_message_is_parked_visible_to_an_operator_and_can_be_replayed()
    {
        // Capacity for a school Planning does not know: the consumer fails every retry and the message is parked.
        var messageId = NewId.NextGuid();
        await suite.PublishAsync(new CapacityCommissioned(Guid.NewGuid(), Guid.NewGuid(), "primary", 2, 90, new DateOnly(2027, 9, 1)),
            messageId);
        Task<List<JsonElement>> ParkedAsync() => suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/admin/error-queues")!;
        bool IsParked(List<JsonElement>? parked) => parked!.Any(m => m.GetProperty("messageId").GetString() == messageId.ToString());

        var parked = await Eventually.Until(ParkedAsync, IsParked, "the poison message in the error queue", TimeSpan.FromSeconds(60));
        var message = parked.Single(m => m.GetProperty("messageId").GetString() == messageId.ToString());
        Assert.Equal("planning-capacity-commissioned", message.GetProperty("queue").GetString());
        Assert.Contains("unknown school", message.GetProperty("reason").GetString());
        Assert.True(IsParked(await ParkedAsync()), "listing leaves the message parked");

        var replay = await suite.Gateway.PostAsync(
            $"/api/planning/admin/error-queues/planning-capacity-commissioned/replay?messageId={messageId}", null);
        await SuiteApi.EnsureAsync(replay);
        Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetInt32());
        // Still poison: the consumer tries it again, fails, and it is parked once more.
        await Eventually.Until(ParkedAsync, IsParked, "the replayed message to be tried and parked again", TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.NotFound,
            (await suite.Gateway.PostAsync("/api/planning/admin/error-queues/nowhere/replay", null)).StatusCode);
    }

    [Fact]
    public async Task The_same_project_announced_twice_under_different_message_ids_adds_capacity_once()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("二实小中铁国际校区", classesPerGrade: 2);
        var commissioned = new CapacityCommissioned(Guid.NewGuid(), school.Id, "primary", 3, 135, new DateOnly(2028, 9, 1));
        await suite.PublishAsync(commissioned, NewId.NextGuid());
        await suite.PublishAsync(commissioned, NewId.NextGuid());

        await suite.WaitUntilDrainedAsync("planning-capacity-commissioned");
        Assert.Equal(school.Places + 135, (await suite.Gateway.GetSchoolAsync(school.Id)).Places);
    }

    private sealed record OutboxRow(int Attempts, DateTime? SentAt);

    private async Task<OutboxRow?> OutboxRowAsync(Guid projectId)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString("facilitiesdb"));
        return await connection.QuerySingleOrDefaultAsync<OutboxRow>(
            "SELECT attempts, sent_at AS SentAt FROM outbox_messages WHERE message_type = @type AND payload->>'projectId' = @id",
            new { id = projectId.ToString(), type = typeof(Platform.Contracts.CapacityCommissioned).FullName });
    }
}
