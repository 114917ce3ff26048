using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>From imported births and enrolment to a forecast and a back-test, in 南开区 (120104) which no other test uses.</summary>
[Collection(SuiteCollection.Name)]
public class ForecastTests(SuiteFixture suite)
{
    private const string District = "120104";

    [Fact]
    public async Task A_district_forecast_follows_its_history_and_methods_can_be_compared()
    {
        var zoneId = await suite.Gateway.AddZoneAsync(District);
        var registered = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name = "南开区预测小学", districtCode = District, zoneId, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 3, 3, 3, 3, 3, 3 } } },
        });
        await SuiteApi.EnsureAsync(registered);
        var schoolId = (await registered.Content.ReadFromJsonAsync<SchoolDto>())!.Id;

        await suite.Gateway.ImportAsync("/api/planning/births/import",
            "区划代码,年份,出生人口\n" + string.Join("\n", Enumerable.Range(2008, 9).Select(year => $"{District},{year},1000")));
        // Grade 1 took 10% of the births six years before; grade 2 kept 100% (2019), 95% (2020), then 90% (2021) of last year's grade 1.
        await suite.Gateway.ImportAsync("/api/planning/enrolment/import", $"""
            学校编号,年级,学年,在校生数
            {schoolId},一年级,2014,100
            {schoolId},一年级,2015,100
            {schoolId},一年级,2016,100
            {schoolId},一年级,2017,100
            {schoolId},一年级,2018,100
            {schoolId},一年级,2019,100
            {schoolId},一年级,2020,100
            {schoolId},一年级,2021,100
            {schoolId},二年级,2019,100
            {schoolId},二年级,2020,95
            {schoolId},二年级,2021,90
            """);

        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts",
            new { districtCode = District, horizon = 1, level = "school" });
        await SuiteApi.EnsureAsync(response);
        var forecast = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2021, forecast.GetProperty("baseYear").GetInt32());
        var row = Assert.Single(forecast.GetProperty("rows").EnumerateArray());
        // grade 1: 0.1 × 1000 births of 2016 = 100; grade 2: weighted mean (1·1.00 + 2·0.95 + 3·0.90) / 6 × 100 = 93.333
        Assert.Equal(100 + 560.0 / 6, row.GetProperty("pupils").GetDouble(), precision: 6);
        Assert.Equal(4, forecast.GetProperty("warnings").GetArrayLength()); // grades 3 to 6 have no history
        Assert.Equal("南开区预测小学", forecast.GetProperty("names").GetProperty(row.GetProperty("unit").GetString()!).GetString());

        var backTest = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts/backtest",
            new { districtCode = District, holdoutYears = 2 });
        await SuiteApi.EnsureAsync(backTest);
        var ranked = (await backTest.Content.ReadFromJsonAsync<List<JsonElement>>())!;
        Assert.Equal(5, ranked.Count);
        var mapes = ranked.Select(r => r.GetProperty("accuracy").EnumerateArray()
            .Single(a => a.GetProperty("level").GetString() == "district").GetProperty("mape").GetDouble()).ToList();
        Assert.Equal(mapes.Order(), mapes);
        var backTestExport = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts/backtest/export",
            new { districtCode = District, holdoutYears = 2 });
        var backTestSheet = Platform.BuildingBlocks.Spreadsheets.SheetReader.Read(await backTestExport.Content.ReadAsStreamAsync(),
            "backtest.xlsx");
        Assert.Equal(1 + 5 * 3, backTestSheet.Count); // a header, then each method at school, zone and district level
        var chineseNames = new Dictionary<string, string>
        {
            ["mean"] = "平均", ["weightedMean"] = "加权平均", ["median"] = "中位数", ["lastValue"] = "最近值", ["exponentialSmoothing"] = "指数平滑",
        };
        Assert.Equal(["1", chineseNames[ranked[0].GetProperty("settings").GetProperty("method").GetString()!]],
            backTestSheet[1].Cells.Take(2));

        var export = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts/export",
            new { districtCode = District, horizon = 1, level = "school" });
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var sheet = Platform.BuildingBlocks.Spreadsheets.SheetReader.Read(await export.Content.ReadAsStreamAsync(), "forecast.xlsx");
        Assert.Equal(["南开区预测小学", "小学", "2022"], sheet[1].Cells.Take(3)); // names, not ids
    }

    [Fact]
    public async Task Settings_out_of_range_are_each_named()
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts",
            new { districtCode = District, horizon = 16, ratioYears = 2, migrationFactor = 5.0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["horizon", "migrationFactor", "ratioYears"], errors);
        // Values out of bounds are answered first; then the rules (a method and a level of the known ones).
        var unknown = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts",
            new { districtCode = District, method = "guess", level = "street" });
        Assert.Equal(["level", "method"],
            (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_capacity_request_with_a_nameless_school_change_is_refused_before_anything_runs()
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts/capacity",
            new { districtCode = District, schoolChanges = new[] { new { change = "close", year = 2024 } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("schoolChanges[0].schoolId", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_district_without_enrolment_says_what_to_import()
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts", new { districtCode = "120119" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("在校生", await response.Content.ReadAsStringAsync());
    }
}
