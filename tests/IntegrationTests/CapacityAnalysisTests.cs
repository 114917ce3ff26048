using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>
/// Across services: a zone short of places in Planning's capacity analysis gets a project in Facilities; once it is
/// commissioned the shortfall is gone. In 北辰区 (120113), which no other test uses.
/// </summary>
[Collection(SuiteCollection.Name)]
public class CapacityAnalysisTests(SuiteFixture suite)
{
    private const string District = "120113";

    [Fact]
    public async Task Commissioning_in_facilities_removes_the_shortfall_from_the_capacity_analysis()
    {
        var (zoneId, schoolId) = await suite.Gateway.SeedSmallSchoolAsync(District, "北辰区缺位小学");

        var before = await ShortfallAsync(zoneId);
        Assert.Equal((2022, 330.0, 8), before); // 600 - 270 places; ⌈330 / 45⌉ classes

        await suite.Gateway.WaitUntilKnownAsync("facilities", schoolId);
        var project = await suite.Gateway.CreateProjectAsync(schoolId, classesAdded: 8); // 8 × 45 = 360 places
        var commissioned = await suite.Gateway.CommissionAsync(project.Id, "2021-09-01");
        await SuiteApi.EnsureAsync(commissioned);

        await Eventually.Until(() => ShortfallAsync(zoneId), shortfall => shortfall is null,
            "the shortfall to disappear from the capacity analysis");
    }

    /// <summary>The zone's primary shortfall warning (first year, places, classes), or null when there is none.</summary>
    private async Task<(int, double, int)?> ShortfallAsync(Guid zoneId)
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts/capacity",
            new { districtCode = District, horizon = 3 });
        await SuiteApi.EnsureAsync(response);
        var warnings = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("report").GetProperty("warnings")
            .EnumerateArray();
        var shortfall = warnings.FirstOrDefault(w => w.GetProperty("zone").GetString() == zoneId.ToString()
            && w.GetProperty("kind").GetString() == "shortfall");
        return shortfall.ValueKind == JsonValueKind.Undefined
            ? null
            : (shortfall.GetProperty("firstYear").GetInt32(), shortfall.GetProperty("places").GetDouble(),
                shortfall.GetProperty("classes").GetInt32());
    }
}
