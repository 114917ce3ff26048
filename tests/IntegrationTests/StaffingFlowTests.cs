using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Platform.IntegrationTests;

/// <summary>
/// Across the three services: Planning's enrolment and official forecast reach Workforce's establishment; a Facilities
/// project raises staffing requirements at approval and commissioning, which Workforce answers from the district's
/// surplus teachers (committed) or not (a risk). In 河北区 (120105), where no other test of this suite keeps data.
/// </summary>
[Collection(SuiteCollection.Name)]
public class StaffingFlowTests(SuiteFixture suite)
{
    private const string District = "120105";

    [Fact]
    public async Task A_commissioned_project_becomes_a_staffing_plan_or_a_risk_and_the_forecast_becomes_required_teachers()
    {
        // 600 primary pupils in 2021 need ⌈600 / 19⌉ = 32 teachers; the school has 40 在编, so the district has 8 to spare.
        var (_, school) = await suite.Gateway.SeedSmallSchoolAsync(District, "河北区编制小学");
        await suite.Gateway.WaitUntilKnownAsync("workforce", school);
        await suite.Gateway.WaitUntilKnownAsync("facilities", school);
        var csv = new StringBuilder("工号,姓名,性别,出生日期,学校编号,到校时间,任教学科,职称,编制\n");
        for (var i = 1; i <= 40; i++)
            csv.Append($"HB{i:00},教师{i:00},女,1988-03-{1 + i % 28:00},{school},2015-09-01,{(i <= 20 ? "语文" : "数学")},一级,在编\n");
        await suite.Gateway.ImportAsync("/api/workforce/teachers/import", csv.ToString());

        var establishment = await Eventually.Until(
            () => suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workforce/establishment?districtCode={District}"),
            e => e.GetProperty("schools").EnumerateArray().Any(s => s.GetProperty("year").ValueKind == JsonValueKind.Number),
            "Workforce to learn the school's enrolment");
        var row = establishment.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("schoolId").GetGuid() == school);
        Assert.Equal((2021, 32, 40, 8),
            (row.GetProperty("year").GetInt32(), row.GetProperty("required").GetInt32(), row.GetProperty("actual").GetInt32(),
                row.GetProperty("againstRequired").GetInt32()));
        Assert.Equal(["体育", "美术", "音乐"],
            row.GetProperty("missingArtsAndSports").EnumerateArray().Select(s => s.GetString()).Order(StringComparer.Ordinal));

        // A new school (planned in the registry) gets 2 classes (90 places), which need 5 teachers: the 8 to spare cover
        // them at approval and again at commissioning.
        var planned = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name = "河北区新建小学", districtCode = District, zoneId = await suite.Gateway.AddZoneAsync(District), ownership = "public",
            status = "planned",
            openingYear = 2027, stages = new[] { new { stage = "primary", classesPerGrade = new[] { 0, 0, 0, 0, 0, 0 } } },
        });
        var newSchool = (await planned.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
        await suite.Gateway.WaitUntilKnownAsync("facilities", newSchool);
        var small = await suite.Gateway.CreateProjectAsync(newSchool, classesAdded: 2);
        await SuiteApi.EnsureAsync(await suite.Gateway.ApproveAsync(small.Id));
        await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(small.Id));
        // 8 more classes (360 places) at the existing school need 19: more than the district has to spare.
        var large = await suite.Gateway.CreateProjectAsync(school, classesAdded: 8);
        await SuiteApi.EnsureAsync(await suite.Gateway.ApproveAsync(large.Id));

        var requirements = await Eventually.Until(
            () => suite.Gateway.GetFromJsonAsync<List<JsonElement>>($"/api/workforce/staffing/requirements?districtCode={District}")!,
            r => r!.Count == 3, "Workforce to answer three staffing requirements");
        Assert.Equal([("approved", 5, "committed", true), ("approved", 19, "risk", false), ("commissioned", 5, "committed", true)],
            requirements!
                .Select(r => (r.GetProperty("milestone").GetString()!, r.GetProperty("teachersNeeded").GetInt32(),
                    r.GetProperty("outcome").GetString(), r.GetProperty("newSchool").GetBoolean()))
                // events of different projects may be answered in any order
                .OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2));
        // The commissioned classes of the new school (in use from 2026-09-01, with no enrolment yet) are listed as coming,
        // with their 5 teachers: establishment lists planned schools too.
        var coming = await Eventually.Until(
            () => suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workforce/establishment?districtCode={District}"),
            e => e.GetProperty("schools").EnumerateArray()
                .Any(s => s.GetProperty("schoolId").GetGuid() == newSchool && s.GetProperty("coming").GetArrayLength() == 1),
            "Workforce to record the commissioned classes");
        var opening = coming.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("schoolId").GetGuid() == newSchool);
        // No enrolment yet: its requirement is unknown, not 0, and the district's totals leave it out.
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null),
            (opening.GetProperty("required").ValueKind, opening.GetProperty("againstRequired").ValueKind));
        Assert.True(coming.GetProperty("withoutEnrolment").GetInt32() >= 1);
        var classes = opening.GetProperty("coming")[0];
        Assert.Equal((2, 90, "2026-09-01", 5), (classes.GetProperty("classes").GetInt32(), classes.GetProperty("places").GetInt32(),
            classes.GetProperty("inUseFrom").GetString(), classes.GetProperty("teachersNeeded").GetInt32()));
        await using (var workforce = new NpgsqlConnection(suite.ConnectionString("workforcedb")))
        {
            var published = (await workforce.QueryAsync<string>(
                "SELECT message_type FROM outbox_messages WHERE message_type LIKE '%Staffing%'")).ToList();
            Assert.Equal(2, published.Count(t => t.Contains("StaffingPlanCommitted")));
            Assert.Contains(published, t => t.Contains("StaffingRiskRaised"));
        }

        // The official forecast (600 pupils a year) becomes 32 required teachers a year, 8 fewer than today.
        var scenario = await suite.Gateway.PostAsJsonAsync("/api/planning/scenarios",
            new { districtCode = District, name = "编制测试方案", levers = new { horizon = 3 } });
        var scenarioId = (await scenario.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await SuiteApi.EnsureAsync(await suite.Gateway.PostAsync($"/api/planning/scenarios/{scenarioId}/adopt", null));
        var forecast = await Eventually.Until(
            () => suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/workforce/establishment/forecast?districtCode={District}"),
            f => f.GetProperty("years").GetArrayLength() == 3, "Workforce to receive the official forecast");
        Assert.Equal("编制测试方案", forecast.GetProperty("scenarioName").GetString());
        Assert.All(forecast.GetProperty("years").EnumerateArray(),
            y => Assert.Equal((32, -8), (y.GetProperty("required").GetInt32(), y.GetProperty("gap").GetInt32())));
    }
}
