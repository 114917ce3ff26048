using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.IntegrationTests;

/// <summary>
/// The city at a glance: every district in a city user's scope, each stage's tightest year by the same balance the
/// district's dashboard totals, or why the district has none; a district's user sees their own district only.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class CityOverviewTests(DemoSuiteFixture suite)
{
    [Fact]
    public async Task Every_district_is_listed_with_its_dashboards_numbers_or_what_it_lacks()
    {
        await suite.LoadDemoDataAsync(); // four districts with data, the others without
        using var city = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.Viewer));
        var overview = (await city.GetFromJsonAsync<List<DistrictOutlook>>("/api/planning/overview?horizon=5"))!;
        var districts = (await city.GetFromJsonAsync<List<District>>("/api/planning/districts"))!;
        Assert.Equal(districts.Select(d => d.Code), overview.Select(o => o.Code));

        var withData = overview.Where(o => o.BaseYear is not null).ToList();
        Assert.Contains("120106", withData.Select(o => o.Code));
        foreach (var district in withData)
        {
            using var response = await city.PostAsJsonAsync("/api/planning/forecasts/capacity",
                new { districtCode = district.Code, horizon = 5 });
            var rows = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report").GetProperty("rows")
                .EnumerateArray().Select(row => (Stage: row.GetProperty("stage").GetString(), Year: row.GetProperty("year").GetInt32(),
                    Balance: row.GetProperty("balance").GetInt32(), Short: row.GetProperty("shortfall").GetDouble() > 0))
                .ToList();
            Assert.NotEmpty(district.Stages);
            foreach (var stage in district.Stages)
            {
                // Added up here again, zone by zone, as the dashboard's totals row adds the zone table's balances.
                var byYear = rows.Where(r => r.Stage == stage.Stage).GroupBy(r => r.Year)
                    .ToDictionary(year => year.Key, year => year.Sum(r => r.Balance));
                Assert.Equal(byYear.Values.Min(), stage.Balance);
                Assert.Equal(byYear.Where(y => y.Value == stage.Balance).Min(y => y.Key), stage.Year);
                Assert.Equal(rows.Count(r => r.Stage == stage.Stage && r.Year == stage.Year && r.Short), stage.ZonesShort);
            }
        }

        var jizhou = overview.Single(o => o.Code == "120119");
        Assert.Null(jizhou.BaseYear);
        Assert.Empty(jizhou.Stages);
        Assert.Equal("本区还没有在校生数据。", jizhou.Why);
    }

    [Fact]
    public async Task A_districts_user_sees_only_their_own_district()
    {
        using var hongqiao = suite.ClientFor("gateway", suite.TokenFor("120106", Roles.Planner));
        var overview = (await hongqiao.GetFromJsonAsync<List<DistrictOutlook>>("/api/planning/overview"))!;
        Assert.Equal(["120106"], overview.Select(o => o.Code));
    }
}
