using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoSuiteFixture>
{
    public const string Name = "demo";
}

/// <summary>The suite the demo data is loaded into and the browser tests drive: one instance of each service.</summary>
public sealed class DemoSuiteFixture : SuiteFixture
{
    public override int ReplicasOfEachService => 1;
}

/// <summary>The demo data set, loaded by the AppHost run, on a suite of its own (the other tests need an empty one).</summary>
[Collection(DemoCollection.Name)]
public class DemoDataTests(DemoSuiteFixture suite)
{
    [Fact]
    public async Task The_demo_data_set_loads_once_and_can_be_planned_with()
    {
        await suite.LoadDemoDataAsync();
        var schools = (await suite.Gateway.GetFromJsonAsync<List<SchoolDto>>("/api/planning/schools"))!;
        Assert.Equal(["120104", "120105", "120106", "120110"], schools.Select(s => s.DistrictCode).Distinct().Order());
        Assert.Contains(schools, s => s.Name == "天津市耀华中学红桥学校" && s.Stages.Length == 2);
        Assert.Contains(schools, s => s.Name == "天津市实验小学红桥学校" && s.Status == "planned");

        var births = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/births?districtCode=120106");
        Assert.Equal(Enumerable.Range(2008, 18), births!.Select(b => b.GetProperty("year").GetInt32()));

        var capacity = await suite.Gateway.PostAsJsonAsync(
            "/api/planning/forecasts/capacity", new { districtCode = "120106", horizon = 5 });
        await SuiteApi.EnsureAsync(capacity);
        var report = (await capacity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report");
        Assert.NotEmpty(report.GetProperty("rows").EnumerateArray());

        var sample = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/sample-data");
        Assert.Equal(["120104", "120105", "120106", "120110"], sample!.Select(s => s.GetProperty("districtCode").GetString()));

        // The seeds' projects reach Planning's pipeline. Which are in use already depends on today's date; these stay put:
        // two left at 谋划, and 杨桥大街's, approved but stopped before completion.
        string[] expected =
        [
            "天津市第三中学西区扩建项目:proposed", "育才中学扩建工程:proposed",
            "杨桥大街地块规划小学新建工程:approved"
        ];
        await Eventually.Until(() => suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/pipeline")!,
            p => expected.All(e => p!.Any(x =>
                $"{x.GetProperty("name").GetString()}:{x.GetProperty("status").GetString()}" == e)),
            "the demo projects in the pipeline");
        // 第二实验小学中铁国际校区 was registered as planned; its project, in use since 2023, opened it.
        var opened = await Eventually.Until(
            async () => (await suite.Gateway.GetFromJsonAsync<List<SchoolDto>>("/api/planning/schools?districtCode=120105"))!
                .Single(s => s.Name == "第二实验小学中铁国际校区"),
            s => s.Status == "open", "the new school to open");
        Assert.Equal("120105", opened.DistrictCode);
        // 杨桥大街地块规划小学 is running late: its opening slips, and Facilities says so.
        var portfolio = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/facilities/portfolio?districtCode=120105");
        Assert.Contains(portfolio.GetProperty("projects").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "杨桥大街地块规划小学新建工程" && p.GetProperty("slips").GetBoolean());

        // The 高方案 runs with its levers (high variant, housing, proposed projects) and sits above the 中方案.
        var scenarios = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/scenarios?districtCode=120106"))!
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("id").GetGuid());
        var compared = await suite.Gateway.PostAsJsonAsync("/api/planning/scenarios/compare",
            new { scenarioIds = new[] { scenarios["中方案"], scenarios["高方案"] } });
        await SuiteApi.EnsureAsync(compared);
        var demand = (await compared.Content.ReadFromJsonAsync<List<JsonElement>>())!.ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => c.GetProperty("totals").EnumerateArray().Sum(t => t.GetProperty("demand").GetDouble()));
        Assert.True(demand["高方案"] > demand["中方案"],
            $"高方案 {demand["高方案"]:0} should exceed 中方案 {demand["中方案"]:0}");

        // 红桥's 学前三年毛入园率 is computed from the demo's kindergartens and population aged 3-5.
        var progress = await suite.Gateway.GetFromJsonAsync<JsonElement>("/api/planning/plans/hongqiao-15/progress");
        var preschool = progress.GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("target").GetProperty("indicatorCode").GetString() == "preschool_gross_enrolment");
        Assert.Equal(("computed", 2025), (preschool.GetProperty("valueSource").GetString(), preschool.GetProperty("valueYear").GetInt32()));
        Assert.InRange(preschool.GetProperty("value").GetDouble(), 95, 106);

        // About 3,000 teachers, backbone shaped after 红桥's pyramid, and a draft rotation plan per district.
        var teachers = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/workforce/teachers"))!;
        Assert.InRange(teachers.Count, 2800, 3300);
        var backbone = teachers.GroupBy(t => t.GetProperty("backbone").GetString()!)
            .ToDictionary(g => g.Key, g => (double)g.Count() / teachers.Count);
        Assert.InRange(backbone["city"], 0.005, 0.03);
        Assert.InRange(backbone["district"], 0.11, 0.19);
        Assert.InRange(backbone["school"], 0.19, 0.29);
        var plans = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/workforce/rotation/plans"))!;
        Assert.Equal(4, plans.Count);
        var hongqiao = (await suite.Gateway.GetFromJsonAsync<List<JsonElement>>(
            "/api/workforce/rotation/plans?districtCode=120106"))!.Single();
        var plan = await suite.Gateway.GetFromJsonAsync<JsonElement>(
            $"/api/workforce/rotation/plans/{hongqiao.GetProperty("id").GetGuid()}");
        Assert.True(plan.GetProperty("district").GetProperty("rotated").GetInt32() > 0);

        await suite.LoadDemoDataAsync(); // a second run finds schools and loads nothing
        Assert.Equal(schools.Count, (await suite.Gateway.GetFromJsonAsync<List<SchoolDto>>("/api/planning/schools"))!.Count);
    }
}
