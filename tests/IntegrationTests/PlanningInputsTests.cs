using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>
/// The forecast inputs beyond births and enrolment: population by age, residential developments and zone births,
/// imported through the gateway and used by forecasts. In 武清区 (120114) and 宝坻区 (120115), which no other test uses.
/// </summary>
[Collection(SuiteCollection.Name)]
public class PlanningInputsTests(SuiteFixture suite)
{
    private Task<HttpResponseMessage> UploadAsync(string path, string csv, bool dryRun = false) =>
        suite.Gateway.PostAsync($"{path}?dryRun={dryRun.ToString().ToLowerInvariant()}",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "input.csv" } });

    private async Task<JsonElement> ZonePrimaryAsync(object request) =>
        await (await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts", request)).Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Population_by_age_imports_lists_and_exports_to_a_file_that_imports_unchanged()
    {
        var csv = "区划代码,年份,年龄,人口\n" + string.Join("\n", Enumerable.Range(0, 18).Select(age => $"120114,2024,{age},{3000 + age}"));
        await SuiteApi.EnsureAsync(await UploadAsync("/api/planning/population/import", csv));

        var listed = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/population?districtCode=120114");
        Assert.Equal(Enumerable.Range(0, 18).Select(age => 3000 + age), listed!.Select(p => p.GetProperty("persons").GetInt32()));

        var export = await (await suite.Gateway.GetAsync("/api/planning/population/export?districtCode=120114"))
            .Content.ReadAsByteArrayAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(export), "file", "population.xlsx" } };
        var report = await (await suite.Gateway.PostAsync("/api/planning/population/import?dryRun=true", form))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((18, 0), (report.GetProperty("unchanged").GetInt32(), report.GetProperty("errors").GetArrayLength()));
    }

    [Fact]
    public async Task Housing_is_imported_all_or_nothing_and_the_housing_lever_adds_its_pupils_to_the_zone()
    {
        var (zoneId, _) = await suite.Gateway.SeedSmallSchoolAsync("120114", "武清区住宅测试小学");
        var zoneName = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/districts/120114/zones"))!
            .Single(z => z.GetProperty("id").GetGuid() == zoneId).GetProperty("name").GetString();

        var bad = await UploadAsync("/api/planning/housing/import",
            $"区划代码,项目名称,学区,住宅套数,竣工年份\n120114,运河湾,{zoneName},500,2023\n120114,无名地块,不存在的学区,300,2024\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var rowErrors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowErrors");
        Assert.Equal((3, "学区"), (rowErrors[0].GetProperty("row").GetInt32(), rowErrors[0].GetProperty("column").GetString()));
        Assert.Empty((await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/housing?districtCode=120114"))!);

        await SuiteApi.EnsureAsync(await UploadAsync("/api/planning/housing/import",
            $"区划代码,项目名称,学区,住宅套数,竣工年份\n120114,运河湾,{zoneName},500,2023\n"));

        // 500 dwellings × 0.1 primary pupils each, fully from completion (2023) on; the cohort forecast is 600 a year.
        var housing = new { yieldPerDwelling = new Dictionary<string, double> { ["primary"] = 0.1 }, maturation = new[] { 1.0 } };
        var withHousing = await ZonePrimaryAsync(new { districtCode = "120114", horizon = 3, housing });
        var rows = withHousing.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("unit").GetString() == zoneId.ToString())
            .ToList();
        Assert.Equal([0.0, 50, 50], rows.Select(r => Math.Round(r.GetProperty("fromHousing").GetDouble(), 6)));
        Assert.Equal([600.0, 650, 650], rows.Select(r => Math.Round(r.GetProperty("pupils").GetDouble(), 6)));

        var without = await ZonePrimaryAsync(new { districtCode = "120114", horizon = 3 });
        Assert.All(without.GetProperty("rows").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("fromHousing").GetDouble()));

        var badLever = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts",
            new { districtCode = "120114", housing = new { maturation = new[] { 1.0 } } });
        Assert.Equal(HttpStatusCode.BadRequest, badLever.StatusCode);
        Assert.True((await badLever.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .TryGetProperty("housing.yieldPerDwelling", out _));
    }

    [Fact]
    public async Task A_zones_own_births_replace_the_districts_for_its_schools()
    {
        var (zoneId, schoolId) = await suite.Gateway.SeedSmallSchoolAsync("120115", "宝坻区出生测试小学");
        var before = await ZonePrimaryAsync(new { districtCode = "120115", horizon = 1, level = "school" });
        Assert.Equal(600, before.GetProperty("rows")[0].GetProperty("pupils").GetDouble(), precision: 6);

        // The zone's births: 500 a year until 2015, then 1,000. Grade 1 (100 a year) was 20% of the zone's births, so
        // 2022's grade 1, born in 2016, is 0.2 × 1,000 = 200 rather than the district's 0.1 × 1,000 = 100.
        var csv = "区划代码,学区,年份,出生人口\n"
            + string.Join("\n", Enumerable.Range(2006, 12).Select(y => $"120115,{zoneId},{y},{(y <= 2015 ? 500 : 1000)}"));
        await SuiteApi.EnsureAsync(await UploadAsync("/api/planning/births/import", csv));
        var births = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/births?districtCode=120115");
        Assert.Equal(24, births!.Count); // the district's 12 years and the zone's 12, side by side

        var after = await ZonePrimaryAsync(new { districtCode = "120115", horizon = 1, level = "school" });
        var row = after.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unit").GetString() == schoolId.ToString());
        Assert.Equal(700, row.GetProperty("pupils").GetDouble(), precision: 6);
    }
}
