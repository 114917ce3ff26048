using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>Plan indicators against 东丽's 14th-plan targets, computed from a small registry. In 东丽区 (120110), which no other test of this
/// suite uses.</summary>
[Collection(SuiteCollection.Name)]
public class IndicatorTests(SuiteFixture suite)
{
    private const string District = "120110";

    private async Task<Guid> KindergartenAsync(Guid zoneId, string name, string ownership)
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name, districtCode = District, zoneId, ownership, status = "open",
            stages = new[] { new { stage = "kindergarten", classesPerGrade = new[] { 2, 2, 2 } } },
        });
        await SuiteApi.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
    }

    [Fact]
    public async Task Computed_and_entered_values_are_judged_against_the_plans_targets()
    {
        var zone = await suite.Gateway.AddZoneAsync(District);
        var publicKindergarten = await KindergartenAsync(zone, "东丽区指标公办园", "public");
        var inclusive = await KindergartenAsync(zone, "东丽区指标普惠园", "inclusive_private");
        var privateKindergarten = await KindergartenAsync(zone, "东丽区指标民办园", "private");
        // 2024: 60 + 30 + 10 pupils in each of the three grades = 300; 104 children of each age 3-5 = 312.
        await suite.Gateway.ImportAsync("/api/planning/enrolment/import", "学校编号,年级,学年,在校生数\n" + string.Join("\n",
            from grade in new[] { "小班", "中班", "大班" }
            from school in new[] { (publicKindergarten, 60), (inclusive, 30), (privateKindergarten, 10) }
            select $"{school.Item1},{grade},2024,{school.Item2}"));
        await suite.Gateway.ImportAsync("/api/planning/population/import",
            "区划代码,年份,年龄,人口\n120110,2024,3,104\n120110,2024,4,104\n120110,2024,5,104\n");
        var entered = await suite.Gateway.PostAsJsonAsync("/api/planning/indicators/observations", new
        {
            areaCode = District, indicatorCode = "physical_health_good", stage = "primary", year = 2024, value = 40.0,
            source = "2024年体质健康监测",
        });
        await SuiteApi.EnsureAsync(entered);

        var progress = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/planning/plans/dongli-14/progress");
        var targets = progress.GetProperty("targets").EnumerateArray().ToDictionary(
            t => (t.GetProperty("target").GetProperty("indicatorCode").GetString()!,
                t.GetProperty("target").GetProperty("stage").GetString()!));

        var preschool = targets[("preschool_gross_enrolment", "")];
        Assert.Equal((96.15, 2024, "computed", "onTrack"),
            (preschool.GetProperty("value").GetDouble(), preschool.GetProperty("valueYear").GetInt32(),
                preschool.GetProperty("valueSource").GetString(), preschool.GetProperty("status").GetString())); // 300 / 312 ≥ 95
        var inclusiveCoverage = targets[("inclusive_kindergarten_coverage", "")];
        // 270 / 300 ≥ 83
        Assert.Equal((90.0, "onTrack"),
            (inclusiveCoverage.GetProperty("value").GetDouble(), inclusiveCoverage.GetProperty("status").GetString()));
        var health = targets[("physical_health_good", "primary")];
        Assert.Equal((40.0, "2024年体质健康监测"), (health.GetProperty("value").GetDouble(), health.GetProperty("valueSource").GetString()));
        // the path from 37.42 (2020) to 60 (2025) is at 37.42 + 22.58 × 4/5 = 55.484 in 2024
        Assert.Equal("behind", health.GetProperty("status").GetString());
        Assert.Equal(55.484, health.GetProperty("expected").GetDouble(), precision: 6);
        Assert.Equal("noData", targets[("disabled_compulsory_enrolment", "")].GetProperty("status").GetString());

        var export = await suite.Gateway.GetAsync("/api/planning/plans/dongli-14/progress/export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_four_plans_are_held_with_their_targets_and_bad_observations_are_named()
    {
        var plans = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/plans");
        Assert.Equal(["dongli-14", "hebei-14", "hongqiao-15", "tianjin-14"],
            plans!.Select(p => p.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        var hebei = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/planning/plans/hebei-14/progress");
        var publicShare = hebei.GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("target").GetProperty("indicatorCode").GetString() == "public_kindergarten_share");
        Assert.Equal((">", 60.0),
            (publicShare.GetProperty("target").GetProperty("targetComparator").GetString(),
                publicShare.GetProperty("target").GetProperty("targetValue").GetDouble()));

        var bad = await suite.Gateway.PostAsJsonAsync("/api/planning/indicators/observations",
            new { areaCode = "129999", indicatorCode = "happiness", stage = "college", year = 2027, source = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["areaCode", "indicatorCode", "source", "stage", "value", "year"], fields); // 2027 is in the future
        // A year out of its bounds is answered before the rules are checked.
        var beyond = await suite.Gateway.PostAsJsonAsync("/api/planning/indicators/observations", new { areaCode = "120106", year = 3000 });
        Assert.Equal(["year"],
            (await beyond.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await suite.Gateway.GetAsync("/api/planning/plans/nowhere-14/progress")).StatusCode);
    }

    [Fact]
    public async Task The_sample_data_marker_takes_known_districts_only_and_can_be_cleared()
    {
        var bad = await suite.Gateway.PutAsJsonAsync("/api/planning/sample-data",
            new { districtCodes = new[] { "120110", "129999", null }, note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["districtCodes", "note"], fields);

        await SuiteApi.EnsureAsync(await suite.Gateway.PutAsJsonAsync("/api/planning/sample-data",
            new { districtCodes = new[] { "120110" }, note = "测试样例" }));
        var marked = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/sample-data");
        Assert.Contains(marked!, m => m.GetProperty("districtCode").GetString() == "120110" && m.GetProperty("note").GetString() == "测试样例");

        Assert.Equal(HttpStatusCode.NoContent, (await suite.Gateway.DeleteAsync("/api/planning/sample-data/120110")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await suite.Gateway.DeleteAsync("/api/planning/sample-data/120110")).StatusCode);
    }
}
