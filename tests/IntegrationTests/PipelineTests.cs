using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>
/// The facility pipeline in capacity analysis, kept from Facilities' project events: proposed, approved, rescheduled,
/// cancelled and commissioned projects, counted by the scenario's choice. In 宁河区 (120117), which no other test uses.
/// </summary>
[Collection(SuiteCollection.Name)]
public class PipelineTests(SuiteFixture suite)
{
    private const string District = "120117";

    private Task<List<JsonElement>> PipelineUntilAsync(Func<List<JsonElement>, bool> condition, string what) =>
        Eventually.Until(() => suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/planning/pipeline?districtCode={District}")!,
            condition!, what);

    /// <summary>Places counted in the zone's primary stage per year 2022-2028, and of them the pipeline's.</summary>
    private async Task<(string Capacity, string Pipeline)> CapacityAsync(Guid zone, string facilityProjects = "approved")
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts/capacity",
            new { districtCode = District, horizon = 7, facilityProjects });
        await SuiteApi.EnsureAsync(response);
        var rows = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report").GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("zone").GetString() == zone.ToString()).OrderBy(r => r.GetProperty("year").GetInt32()).ToList();
        return (string.Join(" ", rows.Select(r => r.GetProperty("capacity").GetInt32())),
            string.Join(" ", rows.Select(r => r.GetProperty("pipelinePlaces").GetInt32())));
    }

    private async Task<JsonElement> ProjectAsync(string method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await suite.Gateway.SendAsync(request);
        await SuiteApi.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_project_counts_by_its_status_and_date_until_it_is_commissioned_once()
    {
        var (zone, school) = await suite.Gateway.SeedSmallSchoolAsync(District, "宁河区扩建小学"); // 270 places
        await suite.Gateway.WaitUntilKnownAsync("facilities", school);
        var created = await ProjectAsync("POST", "/api/facilities/projects",
            new { schoolId = school, name = "宁河区扩建小学扩建工程", classesAdded = 2, plannedInUse = "2027-08-30" });
        var projectId = created.GetProperty("id").GetGuid();
        await PipelineUntilAsync(p =>
            p.Any(x => x.GetProperty("projectId").GetGuid() == projectId && x.GetProperty("status").GetString() == "proposed"),
            "the proposal");

        // approved only: a proposal does not count
        Assert.Equal(("270 270 270 270 270 270 270", "0 0 0 0 0 0 0"), await CapacityAsync(zone));
        // 2 classes × 45 from the 2027 school year
        Assert.Equal(("270 270 270 270 270 360 360", "0 0 0 0 0 90 90"), await CapacityAsync(zone, "proposed"));

        await SuiteApi.EnsureAsync(await suite.Gateway.ApproveAsync(projectId));
        await PipelineUntilAsync(p => p.Any(x => x.GetProperty("status").GetString() == "approved"), "the approval");
        Assert.Equal(("270 270 270 270 270 360 360", "0 0 0 0 0 90 90"), await CapacityAsync(zone));

        // Slips past the autumn start: the places arrive a school year later.
        await ProjectAsync("PUT", $"/api/facilities/projects/{projectId}/schedule", new { plannedInUse = "2027-10-15" });
        await PipelineUntilAsync(p => p.Any(x => x.GetProperty("plannedInUse").GetString() == "2027-10-15"), "the new date");
        Assert.Equal(("270 270 270 270 270 270 360", "0 0 0 0 0 0 90"), await CapacityAsync(zone));

        // Put into use early, from the 2026 school year.
        await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(projectId, "2026-09-01"));
        await PipelineUntilAsync(p => p.All(x => x.GetProperty("projectId").GetGuid() != projectId), "the project to leave the pipeline");
        await Eventually.Until(() => CapacityAsync(zone), c => c.Capacity == "270 270 270 270 360 360 360", "the commissioned places");
        Assert.Equal(("270 270 270 270 360 360 360", "0 0 0 0 0 0 0"), await CapacityAsync(zone, "proposed")); // counted once, as capacity

        var again = await suite.Gateway.ApproveAsync(projectId);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_cancelled_project_leaves_the_pipeline_and_cancelling_needs_a_reason()
    {
        var (zone, school) = await suite.Gateway.SeedSmallSchoolAsync(District, "宁河区撤销小学");
        await suite.Gateway.WaitUntilKnownAsync("facilities", school);
        var projectId = (await ProjectAsync("POST", "/api/facilities/projects",
            new { schoolId = school, name = "宁河区撤销工程", classesAdded = 4, plannedInUse = "2022-09-01" }))
            .GetProperty("id").GetGuid();
        await PipelineUntilAsync(p => p.Any(x => x.GetProperty("projectId").GetGuid() == projectId), "the proposal");
        Assert.Equal(("450 450 450 450 450 450 450", "180 180 180 180 180 180 180"), await CapacityAsync(zone, "proposed"));
        var export = await suite.Gateway.GetAsync($"/api/planning/pipeline/export?districtCode={District}");
        var sheet = Platform.BuildingBlocks.Spreadsheets.SheetReader.Read(await export.Content.ReadAsStreamAsync(), "pipeline.xlsx");
        Assert.Contains(sheet, row => row.Cells is ["宁河区撤销工程", "谋划中", _, "小学", "4", "180", "2022-09-01"]);
        var capacityExport = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts/capacity/export",
            new { districtCode = District, horizon = 3, facilityProjects = "proposed" });
        var capacitySheet = Platform.BuildingBlocks.Spreadsheets.SheetReader.Read(await capacityExport.Content.ReadAsStreamAsync(),
            "capacity.xlsx");
        var headers = capacitySheet[0].Cells.ToList();
        var (places, pipeline) = (headers.IndexOf("学位"), headers.IndexOf("其中在建与储备"));
        Assert.True(places >= 0 && pipeline >= 0, "the export names places and the pipeline's share of them");
        Assert.Contains(capacitySheet, row => (row.Cells[places], row.Cells[pipeline]) == ("450", "180"));

        var noReason = await suite.Gateway.PostAsJsonAsync($"/api/facilities/projects/{projectId}/cancel", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));

        await ProjectAsync("POST", $"/api/facilities/projects/{projectId}/cancel", new { reason = "选址调整" });
        await PipelineUntilAsync(p => p.All(x => x.GetProperty("projectId").GetGuid() != projectId),
            "the cancelled project to leave the pipeline");
        Assert.Equal(("270 270 270 270 270 270 270", "0 0 0 0 0 0 0"), await CapacityAsync(zone, "proposed"));
    }

    [Fact]
    public async Task A_project_building_a_planned_school_opens_it_from_its_year_and_its_places_count_once()
    {
        var (zone, _) = await suite.Gateway.SeedSmallSchoolAsync(District, "宁河区旁边小学"); // 270 places
        var registered = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name = "宁河区新建小学", districtCode = District, zoneId = zone, ownership = "public", status = "planned", openingYear = 2030,
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 2, 2, 2, 2, 2, 2 } } }, // 12 classes, 540 places
        });
        var planned = (await registered.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
        await suite.Gateway.WaitUntilKnownAsync("facilities", planned);
        // the new school opens in 2030, after the horizon
        Assert.Equal(("270 270 270 270 270 270 270", "0 0 0 0 0 0 0"), await CapacityAsync(zone));

        var projectId = (await ProjectAsync("POST", "/api/facilities/projects",
            new { schoolId = planned, name = "宁河区新建小学工程", classesAdded = 12, plannedInUse = "2027-08-30" }))
            .GetProperty("id").GetGuid();
        await SuiteApi.EnsureAsync(await suite.Gateway.ApproveAsync(projectId));
        await PipelineUntilAsync(p =>
            p.Any(x => x.GetProperty("projectId").GetGuid() == projectId && x.GetProperty("status").GetString() == "approved"),
            "the approval");
        // the school's own 540 places, from the project's year: not twice
        Assert.Equal(("270 270 270 270 270 810 810", "0 0 0 0 0 0 0"), await CapacityAsync(zone));

        await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(projectId, "2026-09-01"));
        var opened = await Eventually.Until(() => suite.Gateway.GetSchoolAsync(planned), s => s.Status == "open",
            "Planning to open the new school");
        Assert.Equal(540, opened.Places);
        // open now, from 2026: its places count once
        Assert.Equal(("270 270 270 270 810 810 810", "0 0 0 0 0 0 0"), await CapacityAsync(zone));
    }
}
