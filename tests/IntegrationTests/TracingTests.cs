using System.Diagnostics;
using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.IntegrationTests;

/// <summary>
/// One trace from the browser to the consumers: the request's trace reaches the service through the gateway, and its
/// event is stored with it, so the outbox's publication (and through MassTransit's headers, each consumer) continues it.
/// </summary>
[Collection(SuiteCollection.Name)]
public class TracingTests(SuiteFixture suite)
{
    [Fact]
    public async Task An_event_is_stored_with_the_trace_of_the_request_that_wrote_it()
    {
        var trace = ActivityTraceId.CreateRandom();
        using var gateway = suite.ClientFor("gateway", suite.TokenFor("120106", Roles.Planner));
        gateway.DefaultRequestHeaders.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var school = await gateway.RegisterSchoolAsync("红桥区追踪测试小学");

        await using var planning = new NpgsqlConnection(suite.ConnectionString("planningdb"));
        var stored = await planning.QuerySingleAsync<string?>(
            "SELECT trace_parent FROM outbox_messages WHERE message_type = @type AND payload->>'schoolId' = @id",
            new { type = typeof(SchoolRegistered).FullName, id = school.Id.ToString() });
        Assert.NotNull(stored);
        Assert.Equal(trace, ActivityContext.Parse(stored, null).TraceId);
    }
}
