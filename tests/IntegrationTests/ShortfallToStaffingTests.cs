using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>
/// Across the three services: an adopted forecast's shortfall becomes a proposal in Facilities; once its school is
/// chosen it is approved and commissioned; Planning's shortfall disappears and Workforce receives the staffing
/// requirements. In 静海区 (120118), where the other test looks only at its own zone.
/// </summary>
[Collection(SuiteCollection.Name)]
public class ShortfallToStaffingTests(SuiteFixture suite)
{
    private const string District = "120118";

    private async Task<bool> ShortfallAsync(Guid zone)
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts/capacity",
            new { districtCode = District, horizon = 3 });
        await SuiteApi.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report").GetProperty("warnings").EnumerateArray()
            .Any(w => w.GetProperty("zone").GetString() == zone.ToString() && w.GetProperty("kind").GetString() == "shortfall");
    }

    [Fact]
    public async Task A_shortfall_becomes_a_proposal_is_built_and_disappears_and_workforce_is_asked_for_teachers()
    {
        var (zone, school) = await suite.Gateway.SeedSmallSchoolAsync(District, "静海区缺位小学"); // 600 pupils, 270 places: 330 short, 8 classes
        await suite.Gateway.WaitUntilKnownAsync("facilities", school);
        Assert.True(await ShortfallAsync(zone));

        var scenario = await suite.Gateway.PostAsJsonAsync("/api/planning/scenarios",
            new { districtCode = District, name = "缺位测试方案", levers = new { horizon = 3 } });
        var scenarioId = (await scenario.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SuiteApi.EnsureAsync(await suite.Gateway.PostAsync($"/api/planning/scenarios/{scenarioId}/adopt", null));

        var proposal = await Eventually.Until(
            async () => (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/facilities/projects"))!
                .SingleOrDefault(p => p.GetProperty("zoneId").GetGuid() == zone),
            p => p.ValueKind == JsonValueKind.Object, "Facilities to propose a project for the shortfall");
        // Short since 2022: planned for the first 1 September a year or more from today, not overdue on its first day.
        var today = Platform.BuildingBlocks.Clocks.Today(TimeProvider.System);
        var plannedInUse = new DateOnly(Platform.BuildingBlocks.Clocks.SchoolYearFrom(today.AddYears(1)), 9, 1);
        Assert.Equal(("proposed", 8, 330, plannedInUse.ToString("yyyy-MM-dd"), 2022, JsonValueKind.Null),
            (proposal.GetProperty("status").GetString(), proposal.GetProperty("classesAdded").GetInt32(),
             proposal.GetProperty("placesAdded").GetInt32(), proposal.GetProperty("plannedInUse").GetString(),
             proposal.GetProperty("shortfallFirstYear").GetInt32(), proposal.GetProperty("schoolId").ValueKind));
        var zones = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/planning/districts/{District}/zones");
        var zoneName = zones!.Single(z => z.GetProperty("id").GetGuid() == zone).GetProperty("name").GetString();
        Assert.Equal($"{zoneName} 小学学位缺口（2022年起）", proposal.GetProperty("name").GetString());
        var id = proposal.GetProperty("id").GetGuid();
        var schedule = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/facilities/projects/{id}/schedule");
        Assert.Empty(schedule.GetProperty("flags").EnumerateArray());

        // No approval before the school is chosen; a school of another zone is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await suite.Gateway.ApproveAsync(id)).StatusCode);
        var elsewhere = await suite.Gateway.RegisterSchoolAsync("红桥区别区学校");
        await suite.Gateway.WaitUntilKnownAsync("facilities", elsewhere.Id);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await suite.Gateway.PutAsJsonAsync($"/api/facilities/projects/{id}/school", new { schoolId = elsewhere.Id })).StatusCode);
        var offered = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/facilities/projects/{id}/schools");
        Assert.Equal([school], offered!.Select(s => s.GetProperty("id").GetGuid()));

        await SuiteApi.EnsureAsync(await suite.Gateway.PutAsJsonAsync($"/api/facilities/projects/{id}/school", new { schoolId = school }));
        await SuiteApi.EnsureAsync(await suite.Gateway.ApproveAsync(id, "2021-03-01"));
        await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(id, "2021-09-01"));

        await Eventually.Until(() => ShortfallAsync(zone), shortfall => !shortfall,
            "the shortfall to disappear from Planning's capacity analysis");
        var requirements = await Eventually.Until(
            () => suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/workforce/staffing/requirements?districtCode={District}")!,
            r => r!.Count(x => x.GetProperty("projectId").GetGuid() == id) == 2, "Workforce to receive the staffing requirements");
        Assert.Equal(["approved", "commissioned"], requirements!.Where(r => r.GetProperty("projectId").GetGuid() == id)
            .Select(r => r.GetProperty("milestone").GetString()).Order(StringComparer.Ordinal));
    }
}
