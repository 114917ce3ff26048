using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>
/// What an outside test found (issue 14): a user of one district writing or reading another's records by naming
/// them in a body, by a staff number, or by a text id. Each is now refused as if the record did not exist, and the
/// other district's data is unchanged.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class DistrictOwnershipTests(SuiteFixture suite)
{
    private const string Hongqiao = "120106", Nankai = "120104";

    [Fact]
    public async Task A_staff_number_of_another_district_neither_moves_nor_reveals_its_teacher()
    {
        var nankaiSchool = await RegisterSchoolAsync(Nankai, "南开区工号测试小学");
        var hongqiaoSchool = await RegisterSchoolAsync(Hongqiao, "红桥区工号测试小学");
        var number = $"N{Guid.NewGuid():N}"[..10];
        var nankai = await SaveTeacherAsync(suite.Gateway, number, "南开老师", nankaiSchool);

        using var hongqiaoHr = suite.ClientFor("gateway", suite.TokenFor(Hongqiao, Roles.Hr));
        var csv = $"工号,姓名,性别,出生日期,学校编号,到校时间,任教学科,职称,编制\n{number},红桥老师,男,1985-03-01,{hongqiaoSchool},2012-09-01,语文,一级,在编\n";
        using var preview = await hongqiaoHr.PostAsync("/api/workforce/teachers/import?dryRun=true",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "teachers.csv" } });
        var answer = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 0), (answer.GetProperty("new").GetInt32(), answer.GetProperty("changed").GetInt32()));

        var hongqiao = await SaveTeacherAsync(hongqiaoHr, number, "红桥老师", hongqiaoSchool);
        Assert.NotEqual(nankai, hongqiao);
        var kept = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workforce/teachers/{nankai}");
        Assert.Equal(("南开老师", Nankai, nankaiSchool), (kept.GetProperty("teacher").GetProperty("name").GetString(),
            kept.GetProperty("teacher").GetProperty("districtCode").GetString(),
            kept.GetProperty("teacher").GetProperty("schoolId").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, (await hongqiaoHr.GetAsync($"/api/workforce/teachers/{nankai}")).StatusCode);
    }

    [Fact]
    public async Task A_planner_writes_nothing_into_another_district_nor_the_city()
    {
        using var planner = suite.ClientFor("gateway", suite.TokenFor(Hongqiao, Roles.Planner));
        var nankaiZone = await suite.Gateway.AddZoneAsync(Nankai);
        var ownZone = await planner.AddZoneAsync(Hongqiao);
        var school = new
        {
            name = $"越界学校{Guid.NewGuid():N}"[..10], districtCode = Nankai, zoneId = nankaiZone, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 1, 1, 1, 1, 1, 1 } } },
        };
        Assert.Equal(HttpStatusCode.NotFound, (await planner.PostAsJsonAsync("/api/planning/schools", school)).StatusCode);
        // A school of its own district, named with another district's zone, is refused by the zone.
        var mixed = await planner.PostAsJsonAsync("/api/planning/schools", school with { districtCode = Hongqiao });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);

        var own = await planner.PostAsJsonAsync("/api/planning/schools", school with { districtCode = Hongqiao, zoneId = ownZone });
        await SuiteApi.EnsureAsync(own);
        var ownId = (await own.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
        var moved = await planner.PutAsJsonAsync($"/api/planning/schools/{ownId}", school);
        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
        Assert.Equal(Hongqiao, (await suite.Gateway.GetSchoolAsync(ownId)).DistrictCode);

        foreach (var area in new[] { Nankai, "120000" })
        {
            var observed = await planner.PostAsJsonAsync("/api/planning/indicators/observations", new
            {
                areaCode = area, indicatorCode = "physical_health_good", year = 2024, value = 93.5, source = "越界",
            });
            Assert.Equal(HttpStatusCode.NotFound, observed.StatusCode);
        }
    }

    [Fact]
    public async Task A_plan_of_another_district_is_not_there_by_its_text_id()
    {
        using var hr = suite.ClientFor("gateway", suite.TokenFor(Nankai, Roles.Hr));
        var plans = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/plans"))!;
        var other = plans.First(plan => !new DistrictScope(Nankai).Covers(plan.GetProperty("areaCode").GetString()));
        var id = other.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await suite.Gateway.GetAsync($"/api/planning/plans/{id}/progress")).StatusCode);
        foreach (var path in new[] { $"/plans/{id}/progress", $"/plans/{id}/progress/export" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/api/planning{path}")).StatusCode);
            using var direct = suite.ClientFor("planning", suite.TokenFor(Nankai, Roles.Hr));
            Assert.Equal(HttpStatusCode.NotFound, (await direct.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_nul_character_in_a_query_or_a_body_is_refused_naming_the_field()
    {
        var query = await suite.Gateway.GetAsync("/api/planning/schools?districtCode=120106%00");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        Assert.True((await query.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("districtCode", out _));

        var body = await suite.Gateway.PostAsJsonAsync($"/api/planning/districts/{Hongqiao}/zones",
            new { name = "学区\0", kind = "school_district" });
        Assert.Equal(HttpStatusCode.BadRequest, body.StatusCode);
        Assert.True((await body.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Theory]
    [InlineData(2147483647)]
    [InlineData(-2024)]
    public async Task A_forecast_from_an_impossible_year_is_refused_naming_it(int baseYear)
    {
        using var viewer = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.Viewer));
        var answer = await viewer.PostAsJsonAsync("/api/planning/forecasts", new { districtCode = Hongqiao, baseYear });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("baseYear", out _));
    }

    private async Task<Guid> RegisterSchoolAsync(string district, string name)
    {
        var zoneId = await suite.Gateway.AddZoneAsync(district);
        var registered = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name = $"{name}{Guid.NewGuid():N}"[..16], districtCode = district, zoneId, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 1, 1, 1, 1, 1, 1 } } },
        });
        await SuiteApi.EnsureAsync(registered);
        var schoolId = (await registered.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
        await suite.Gateway.WaitUntilKnownAsync("workforce", schoolId);
        return schoolId;
    }

    private static async Task<Guid> SaveTeacherAsync(HttpClient client, string number, string name, Guid schoolId)
    {
        var saved = await client.PostAsJsonAsync("/api/workforce/teachers", new
        {
            staffNumber = number, name, gender = "男", birthDate = "1985-03-01", schoolId, atSchoolSince = "2012-09-01",
            subjects = new[] { "语文" }, title = "一级", establishment = "在编",
        });
        await SuiteApi.EnsureAsync(saved);
        return (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("teacher").GetProperty("id").GetGuid();
    }
}
