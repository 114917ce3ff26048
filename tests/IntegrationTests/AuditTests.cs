using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>
/// The audit trail: who changed what, when and from where, with the values before and after, and the requests refused;
/// for an admin to query, and for no one to change.
/// </summary>
[Collection(SuiteCollection.Name)]
public class AuditTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_change_is_recorded_with_its_user_and_the_values_before_and_after()
    {
        var planner = suite.TokenFor("120106", Roles.Planner);
        using var gateway = suite.ClientFor("gateway", planner);
        var zoneId = await suite.Gateway.AddZoneAsync();
        object School(string name) => new
        {
            name, districtCode = "120106", zoneId, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 1, 1, 1, 1, 1, 1 } } },
        };
        var registered = await gateway.PostAsJsonAsync("/api/planning/schools", School("审计测试小学"));
        await SuiteApi.EnsureAsync(registered);
        var id = (await registered.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
        await SuiteApi.EnsureAsync(await gateway.PutAsJsonAsync($"/api/planning/schools/{id}", School("审计测试小学（更名）")));

        var trail = await TrailAsync("planning", $"table=schools&rowKey={id}", suite.TokenFor("120000", Roles.Auditor));
        Assert.Equal(["update", "insert"], trail.Select(e => e.GetProperty("operation").GetString()));
        Assert.All(trail, e => Assert.Equal("test-planner-120106", e.GetProperty("actor").GetString()));
        var update = trail[0];
        Assert.Equal("审计测试小学", Row(update, "before").GetProperty("name").GetString());
        Assert.Equal("审计测试小学（更名）", Row(update, "after").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, trail[1].GetProperty("before").ValueKind);
    }

    [Fact]
    public async Task Changes_made_by_events_are_the_systems_and_only_admins_of_the_district_see_them()
    {
        var school = await suite.Gateway.RegisterSchoolAsync("审计事件测试小学", classesPerGrade: 1);
        await suite.Gateway.WaitUntilKnownAsync("facilities", school.Id);
        var project = await suite.Gateway.CreateProjectAsync(school.Id, classesAdded: 1);
        await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(project.Id));
        await Eventually.Until(() => suite.Gateway.GetSchoolAsync(school.Id), s => s.Places > school.Places,
            "the commissioning to reach Planning");

        // Planning applied the event: its row is the system's; the project itself was changed by the test's user.
        var planningTrail = await TrailAsync("planning", "table=capacity_additions&actor=system", suite.TokenFor("120000", Roles.Auditor));
        Assert.Contains(planningTrail, e => Row(e, "after").GetProperty("project_id").GetGuid() == project.Id);
        var projectTrail = await TrailAsync("facilities", $"table=projects&rowKey={project.Id}", suite.TokenFor("120106", Roles.Auditor));
        // created, approved (立项 waived), commissioned
        Assert.Equal(["update", "update", "insert"], projectTrail.Select(e => e.GetProperty("operation").GetString()));
        Assert.Empty(await TrailAsync("facilities", $"table=projects&rowKey={project.Id}", suite.TokenFor("120103", Roles.Auditor)));

        using var notAdmin = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.Planner, Roles.Hr, Roles.Facilities, Roles.Viewer));
        Assert.Equal(HttpStatusCode.Forbidden, (await notAdmin.GetAsync("/api/facilities/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task An_account_change_is_recorded_without_its_password()
    {
        using var admin = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.SystemAdmin));
        using var auditor = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.Auditor));
        var created = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = $"audit.{Guid.NewGuid():N}"[..20], displayName = "审计账号", password = "a-long-enough-password",
            districtCode = "120106",
        });
        await SuiteApi.EnsureAsync(created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var entry = Assert.Single(await auditor.GetFromJsonAsync<List<JsonElement>>($"/api/admin/audit?table=users&rowKey={id}") ?? []);
        Assert.Equal("test-sysadmin-120000", entry.GetProperty("actor").GetString());
        Assert.False(Row(entry, "after").TryGetProperty("password_hash", out _));
    }

    [Fact]
    public async Task An_actor_set_on_a_pooled_connection_is_gone_when_the_connection_is_used_again()
    {
        // The audit trail relies on it: a consumer that takes a connection a request used must not act in that user's name.
        await using var dataSource = NpgsqlDataSource.Create(suite.ConnectionString("planningdb") + ";Maximum Pool Size=1");
        await using (var request = await dataSource.OpenConnectionAsync())
            await request.ExecuteAsync("SELECT set_config('app.actor', 'someone', false), set_config('app.source', '203.0.113.1', false)");
        await using var consumer = await dataSource.OpenConnectionAsync();
        Assert.Equal("", await consumer.ExecuteScalarAsync<string>(
            "SELECT coalesce(current_setting('app.actor', true), '') || coalesce(current_setting('app.source', true), '')"));
    }

    [Fact]
    public async Task A_change_records_the_clients_address_as_the_gateway_forwards_it_and_never_one_the_client_claims()
    {
        // A client of its own address, not the host's (which is where the web UI, a known proxy, calls from).
        using var gateway = suite.GatewayFrom("127.0.0.2");
        gateway.DefaultRequestHeaders.Authorization = new("Bearer", suite.TokenFor("120106", Roles.Planner));
        gateway.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.66"); // the gateway must not believe it
        var zone = await gateway.PostAsJsonAsync("/api/planning/districts/120106/zones",
            new { name = $"审计地址学区{Guid.NewGuid():N}"[..12], kind = "area" });
        await SuiteApi.EnsureAsync(zone);
        var zoneId = (await zone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var entry = Assert.Single(await TrailAsync("planning", $"table=zones&rowKey={zoneId}", Auditor));
        Assert.Equal("127.0.0.2", entry.GetProperty("sourceAddress").GetString());
    }

    [Fact]
    public async Task Refused_requests_are_recorded_with_who_path_status_and_address_but_no_query()
    {
        var viewer = $"refused.{Guid.NewGuid():N}"[..20];
        using (var client = suite.ClientFor("gateway", suite.TokenAs(viewer, "查阅用户", "120106", Roles.Viewer)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/planning/schools", new { name = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await client.GetAsync("/api/workforce/teachers?districtCode=120104&secret=s3cr3t")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/users")).StatusCode); // the gateway's own
        }
        Assert.Equal(("POST", "/schools", 403), await RefusalAsync("planning", viewer, e => e.GetProperty("actor").GetString() == viewer));
        Assert.Equal(("GET", "/teachers", 404), await RefusalAsync("workforce", viewer, e => e.GetProperty("actor").GetString() == viewer));
        Assert.Equal(("GET", "/api/admin/users", 403), await RefusalAsync("", viewer, e => e.GetProperty("actor").GetString() == viewer));

        // Not signed in: no one to name; the address is the one the UI or the gateway forwards (here straight to the service).
        using var anonymous = suite.ClientFor("facilities", null);
        anonymous.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/projects?token=s3cr3t")).StatusCode);
        Assert.Equal(("GET", "/projects", 401),
            await RefusalAsync("facilities", null, e => e.GetProperty("sourceAddress").GetString() == "198.51.100.23"));
    }

    [Fact]
    public async Task The_services_own_database_user_cannot_change_or_remove_an_entry_and_no_one_can()
    {
        await using var service = new NpgsqlConnection(suite.ServiceConnectionString("workforcedb"));
        await service.ExecuteAsync(
            "INSERT INTO audit.trail (actor, operation, method, path, status) VALUES ('test', 'refused', 'GET', '/test', 403)");
        foreach (var statement in new[]
                 {
                     "UPDATE audit.trail SET actor = 'someone else'", "DELETE FROM audit.trail", "TRUNCATE audit.trail",
                     "ALTER TABLE audit.trail DISABLE TRIGGER append_only", "DROP TABLE audit.trail", "DROP SCHEMA audit CASCADE",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => service.ExecuteAsync(statement));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        // Not even the superuser, unless it drops the triggers first.
        await using var superuser = new NpgsqlConnection(suite.ConnectionString("workforcedb"));
        string[] statements = ["UPDATE audit.trail SET actor = 'someone else'", "DELETE FROM audit.trail", "TRUNCATE audit.trail"];
        foreach (var statement in statements)
            Assert.Contains("append-only",
                (await Assert.ThrowsAsync<PostgresException>(() => superuser.ExecuteAsync(statement))).MessageText);
    }

    /// <summary>Who reads the whole trail: a city-wide admin.</summary>
    private string Auditor => suite.TokenFor("120000", Roles.Auditor);

    /// <summary>The newest refusal that <paramref name="matches"/>, once recorded (after the answer is sent): method, path and
    /// status.</summary>
    private async Task<(string?, string?, int)> RefusalAsync(string service, string? actor, Func<JsonElement, bool> matches)
    {
        var query = actor is null ? "operation=refused" : $"operation=refused&actor={actor}";
        var entry = await Eventually.Until(async () => (await TrailAsync(service, query, Auditor)).FirstOrDefault(matches),
            e => e.ValueKind == JsonValueKind.Object, $"a refusal in {service}'s audit trail");
        return (entry.GetProperty("method").GetString(), entry.GetProperty("path").GetString(), entry.GetProperty("status").GetInt32());
    }

    private async Task<List<JsonElement>> TrailAsync(string service, string query, string token)
    {
        using var client = suite.ClientFor("gateway", token);
        var response = await client.GetAsync(service == "" ? $"/api/admin/audit?{query}" : $"/api/{service}/admin/audit?{query}");
        await SuiteApi.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!;
    }

    private static JsonElement Row(JsonElement entry, string side) => JsonDocument.Parse(entry.GetProperty(side).GetString()!).RootElement;
}
