using System.Net.Http.Json;
using System.Text.Json;
using Platform.AppHost;

namespace Platform.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "demo";
}

/// <summary>The demo data set, loaded by the AppHost run, on a suite of its own (the other tests need an empty one).</summary>
[Collection(DemoCollection.Name)]
public class DemoDataTests(SuiteFixture suite)
{
    [Fact]
    public async Task The_demo_data_set_loads_once_and_can_be_planned_with()
    {
        await DemoData.LoadAsync(suite.App, CancellationToken.None);
        var schools = (await suite.Gateway.GetFromJsonAsync<List<SchoolDto>>("/api/planning/schools"))!;
        Assert.Equal(["120104", "120105", "120106", "120110"], schools.Select(s => s.DistrictCode).Distinct().Order());
        Assert.Contains(schools, s => s.Name == "天津市耀华中学红桥学校" && s.Stages.Length == 2);
        Assert.Contains(schools, s => s.Name == "天津市实验小学红桥学校" && s.Status == "planned");

        var births = await suite.Gateway.GetFromJsonAsync<List<JsonElement>>("/api/planning/births?districtCode=120106");
        Assert.Equal(Enumerable.Range(2008, 18), births!.Select(b => b.GetProperty("year").GetInt32()));

        var capacity = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts/capacity", new { districtCode = "120106", horizon = 5 });
        await SuiteApi.EnsureAsync(capacity);
        var report = (await capacity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report");
        Assert.NotEmpty(report.GetProperty("rows").EnumerateArray());

        await DemoData.LoadAsync(suite.App, CancellationToken.None); // a second run finds schools and loads nothing
        Assert.Equal(schools.Count, (await suite.Gateway.GetFromJsonAsync<List<SchoolDto>>("/api/planning/schools"))!.Count);
    }
}
