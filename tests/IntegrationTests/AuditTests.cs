using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>The audit trail: who changed what and when, with the values before and after, for an admin to query.</summary>
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
        await Eventually.Until(() => suite.Gateway.GetSchoolAsync(school.Id), s => s.Places > school.Places, "the commissioning to reach Planning");

        // Planning applied the event: its row is the system's; the project itself was changed by the test's user.
        var planningTrail = await TrailAsync("planning", "table=capacity_additions&actor=system", suite.TokenFor("120000", Roles.Auditor));
        Assert.Contains(planningTrail, e => Row(e, "after").GetProperty("project_id").GetGuid() == project.Id);
        var projectTrail = await TrailAsync("facilities", $"table=projects&rowKey={project.Id}", suite.TokenFor("120106", Roles.Auditor));
        Assert.Equal(["update", "update", "insert"], projectTrail.Select(e => e.GetProperty("operation").GetString())); // created, approved (立项 waived), commissioned
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
            userName = $"audit.{Guid.NewGuid():N}"[..20], displayName = "审计账号", password = "a-long-enough-password", districtCode = "120106",
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
            await request.ExecuteAsync("SELECT set_config('app.actor', 'someone', false)");
        await using var consumer = await dataSource.OpenConnectionAsync();
        Assert.Equal("", await consumer.ExecuteScalarAsync<string>("SELECT coalesce(current_setting('app.actor', true), '')"));
    }

    private async Task<List<JsonElement>> TrailAsync(string service, string query, string token)
    {
        using var client = suite.ClientFor("gateway", token);
        var response = await client.GetAsync($"/api/{service}/admin/audit?{query}");
        await SuiteApi.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!;
    }

    private static JsonElement Row(JsonElement entry, string side) => JsonDocument.Parse(entry.GetProperty(side).GetString()!).RootElement;
}
