using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>Named scenarios: cloned, changed, run and compared side by side. In 西青区 (120111), which no other test uses.</summary>
[Collection(SuiteCollection.Name)]
public class ScenarioTests(SuiteFixture suite)
{
    private const string District = "120111";

    private async Task<Guid> CreateAsync(string name, object levers)
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/scenarios", new { districtCode = District, name, levers });
        await SuiteApi.EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Scenarios_with_different_levers_compare_side_by_side()
    {
        var (_, schoolId) = await suite.Gateway.SeedSmallSchoolAsync(District, "西青区情景小学");
        var central = await CreateAsync("中方案", new { horizon = 3 });

        var cloned = await suite.Gateway.PostAsJsonAsync($"/api/planning/scenarios/{central}/clone", new { name = "小班化方案" });
        await SuiteApi.EnsureAsync(cloned);
        var smallClasses = (await cloned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var changed = await suite.Gateway.PutAsJsonAsync($"/api/planning/scenarios/{smallClasses}",
            new { name = "小班化方案", levers = new { horizon = 3, classSizeNorms = new Dictionary<string, int> { ["primary"] = 40 } } });
        await SuiteApi.EnsureAsync(changed);
        var closure = await CreateAsync("撤并方案",
            new { horizon = 3, schoolChanges = new[] { new { schoolId, change = "close", year = 2023 } } });

        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/scenarios/compare",
            new { scenarioIds = new[] { central, smallClasses, closure } });
        await SuiteApi.EnsureAsync(response);
        var capacity = (await response.Content.ReadFromJsonAsync<List<JsonElement>>())!.ToDictionary(
            s => s.GetProperty("name").GetString()!,
            s => s.GetProperty("totals").EnumerateArray().Select(t => t.GetProperty("capacity").GetInt32()).ToArray());

        Assert.Equal([270, 270, 270], capacity["中方案"]);     // 6 classes × 45, 2022-2024
        Assert.Equal([240, 240, 240], capacity["小班化方案"]);  // 6 classes × 40
        Assert.Equal([270, 0, 0], capacity["撤并方案"]);        // closed from the 2023 school year

        var export = await suite.Gateway.PostAsJsonAsync("/api/planning/scenarios/compare/export",
            new { scenarioIds = new[] { central, smallClasses, closure } });
        var sheet = Platform.BuildingBlocks.Spreadsheets.SheetReader.Read(await export.Content.ReadAsStreamAsync(), "scenarios.xlsx");
        // Places over or under demand, as the dashboard's totals row and the capacity export's 余缺学位.
        Assert.Equal(["方案", "学段", "学年", "需求", "学位", "余缺学位"], sheet[0].Cells);
        Assert.Equal(["撤并方案", "小学", "2023", "600", "0", "-600"],
            sheet.Single(r => r.Cells[0] == "撤并方案" && r.Cells[2] == "2023").Cells);
    }

    [Fact]
    public async Task Scenario_names_are_unique_and_levers_are_checked()
    {
        await CreateAsync("唯一方案", new { horizon = 5 });
        var again = await suite.Gateway.PostAsJsonAsync("/api/planning/scenarios", new { districtCode = District, name = "唯一方案" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Values out of their bounds are answered first, before the rules are checked.
        Assert.Equal(["levers.birthGrowth", "levers.classSizeNorms", "levers.horizon"], await BadLeversAsync(
            new { horizon = 40, birthGrowth = 3.0, classSizeNorms = new Dictionary<string, int> { ["primary"] = 5 } }));
        Assert.Equal(["levers.schoolChanges[0].change", "levers.schoolChanges[0].schoolId"], await BadLeversAsync(
            new { schoolChanges = new[] { new { change = "move", year = 2024 } } }));

        // A scenario naming a school or zone that is not its district's (unknown, or another district's) is not saved.
        var elsewhere = await suite.Gateway.RegisterSchoolAsync("红桥区方案他区小学");
        Assert.Equal(["levers.demandMoves[0].fromZoneId", "levers.demandMoves[0].toSchoolId", "levers.schoolChanges[0].schoolId",
                "levers.schoolChanges[1].schoolId"],
            await BadLeversAsync(new
            {
                schoolChanges = new[]
                {
                    new { schoolId = Guid.NewGuid(), change = "close", year = 2024 },
                    new { schoolId = elsewhere.Id, change = "close", year = 2024 },
                },
                demandMoves = new[]
                {
                    new { fromZoneId = elsewhere.ZoneId, toSchoolId = elsewhere.Id, stage = "primary", share = 0.5, fromYear = 2024 },
                },
            }));
        Assert.Equal(HttpStatusCode.NotFound,
            (await suite.Gateway.PostAsync($"/api/planning/scenarios/{Guid.NewGuid()}/capacity", null)).StatusCode);
    }

    private async Task<IEnumerable<string>> BadLeversAsync(object levers)
    {
        var bad = await suite.Gateway.PostAsJsonAsync("/api/planning/scenarios", new { districtCode = District, name = "坏方案", levers });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        return (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Order(StringComparer.Ordinal);
    }
}
