using System.Net.Http.Json;
using Dapper;
using Npgsql;

namespace Platform.Bench;

/// <summary>
/// Registers schools through the gateway; each commit writes SchoolRegistered to Planning's outbox, which Facilities
/// and Workforce apply through their inboxes. Latency per event = inbox processed_at - outbox created_at, joined on the
/// message id (the outbox row id). Both timestamps come from the one PostgreSQL server's clock; created_at is taken
/// just before commit, so the figure slightly overstates the true commit-to-applied time.
/// </summary>
public static class EventLatency
{
    private const int Concurrency = 4;
    private const int WarmUpEvents = 100;

    /// <param name="perSecond">0 sends as fast as the gateway answers (a saturated run); otherwise a steady rate.</param>
    public static async Task<Section> RunAsync(int events, int perSecond)
    {
        await using var app = await BenchSuite.StartAsync();
        using var gateway = await app.SignedInGatewayAsync();

        var zone = await gateway.PostAsJsonAsync("/api/planning/districts/120106/zones", new { name = "基准学区" });
        var zoneId = (await zone.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        // Warm-up: the first requests JIT-compile every path; they are sent, applied, and left out of the figures.
        await SendAsync(gateway, zoneId, WarmUpEvents, perSecond: 0, "warm-up");
        await using var planning = new NpgsqlConnection(app.ServiceConnectionString("planningdb"));
        var measuredFrom = await planning.ExecuteScalarAsync<DateTime>("SELECT clock_timestamp()");

        var started = DateTime.UtcNow;
        await SendAsync(gateway, zoneId, events, perSecond, "measured");
        var rate = events / (DateTime.UtcNow - started).TotalSeconds;
        var rows = new List<string[]>();

        var committed = (await planning.QueryAsync<(Guid Id, DateTime CreatedAt)>(
                "SELECT id, created_at FROM outbox_messages WHERE created_at > @measuredFrom", new { measuredFrom }))
            .ToDictionary(row => row.Id, row => row.CreatedAt);

        foreach (var consumer in new[] { "facilitiesdb", "workforcedb" })
        {
            await using var connection = new NpgsqlConnection(app.ServiceConnectionString(consumer));
            var deadline = DateTime.UtcNow.AddMinutes(2);
            List<(Guid MessageId, DateTime ProcessedAt)> applied;
            while ((applied = (await connection.QueryAsync<(Guid, DateTime)>(
                       "SELECT message_id, processed_at FROM inbox_messages")).ToList()).Count < events + WarmUpEvents
                   && DateTime.UtcNow < deadline)
                await Task.Delay(100);

            var latencies = applied.Where(a => committed.ContainsKey(a.MessageId))
                .Select(a => (a.ProcessedAt - committed[a.MessageId]).TotalMilliseconds).Order().ToList();
            rows.Add([$"Planning → {consumer[..^2]}", $"{latencies.Count} of {events}", "p50 < 100 ms, p99 < 500 ms",
                $"p50 {Machine.Percentile(latencies, 50):0.0} ms, p95 {Machine.Percentile(latencies, 95):0.0} ms, " +
                $"p99 {Machine.Percentile(latencies, 99):0.0} ms, max {latencies[^1]:0.0} ms"]);
        }
        return new Section($"Event latency, {(perSecond > 0 ? "steady rate" : "saturated")}", $"""
            `bench/Bench event-latency --events {events} --rate {perSecond}`: schools registered through the gateway
            ({(perSecond > 0
        ? $"paced at {perSecond} per second"
        : "as fast as the gateway answers")}; {rate:0} per second were sent), 4 at a time,
            after {WarmUpEvents} warm-up events left out of the figures. Each registration commits `SchoolRegistered` to Planning's outbox;
            Facilities and Workforce apply it through their inboxes. The latency of one event is the inbox row's
            `processed_at` minus the outbox row's `created_at` (both from the one PostgreSQL server's clock; each is taken
            just before its commit, so each side is off by about one commit).

            {Section.Table(["event", "applied", "target", "commit to applied"], rows)}
            """);
    }

    private static async Task SendAsync(HttpClient gateway, Guid zoneId, int events, int perSecond, string batch)
    {
        var next = 0;
        using var pace = perSecond > 0 ? new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond)) : null;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var n && n <= events)
            {
                if (pace is not null)
                    lock (pace)
                        pace.WaitForNextTickAsync().AsTask().Wait();
                var response = await gateway.PostAsJsonAsync("/api/planning/schools", new
                {
                    name = $"基准学校 {batch} {n}", districtCode = "120106", zoneId, ownership = "public", status = "open",
                    stages = new[] { new { stage = "primary", classesPerGrade = new[] { 2, 2, 2, 2, 2, 2 } } },
                });
                response.EnsureSuccessStatusCode();
            }
        }));
    }
}
