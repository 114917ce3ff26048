using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.IntegrationTests;

/// <summary>Scenario levers on a forecast: low and high variants, demand moved between zones, and bad levers. In 滨海新区 (120116).</summary>
[Collection(SuiteCollection.Name)]
public class LeverTests(SuiteFixture suite)
{
    private const string District = "120116";

    private async Task<JsonElement> ForecastAsync(object request)
    {
        var response = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts", request);
        await SuiteApi.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<(string, int), double> Pupils(JsonElement forecast) =>
        forecast.GetProperty("rows").EnumerateArray().ToDictionary(
            r => (r.GetProperty("unit").GetString()!, r.GetProperty("year").GetInt32()), r => r.GetProperty("pupils").GetDouble());

    [Fact]
    public async Task Low_and_high_variants_move_the_central_forecast_by_the_back_tested_error()
    {
        // A school whose grade 1 swings from year to year, so the back-test has an error to measure.
        var zoneId = await suite.Gateway.AddZoneAsync(District);
        var school = await suite.Gateway.PostAsJsonAsync("/api/planning/schools", new
        {
            name = "滨海新区波动小学", districtCode = District, zoneId, ownership = "public", status = "open",
            stages = new[] { new { stage = "primary", classesPerGrade = new[] { 4, 4, 4, 4, 4, 4 } } },
        });
        var schoolId = (await school.Content.ReadFromJsonAsync<SchoolDto>())!.Id;
        int[] intake = [100, 120, 90, 110, 130, 95, 105, 125];
        await suite.Gateway.ImportAsync("/api/planning/births/import", "区划代码,年份,出生人口\n"
            + string.Join("\n", Enumerable.Range(2006, 14).Select(y => $"{District},{y},1000")));
        await suite.Gateway.ImportAsync("/api/planning/enrolment/import", "学校编号,年级,学年,在校生数\n" + string.Join("\n",
            Enumerable.Range(0, 8).Select(i => $"{schoolId},1,{2014 + i},{intake[i]}")));

        var central = await ForecastAsync(new { districtCode = District, horizon = 4, level = "district", variant = "central" });
        var high = await ForecastAsync(new { districtCode = District, horizon = 4, level = "district", variant = "high" });
        var low = await ForecastAsync(new { districtCode = District, horizon = 4, level = "district", variant = "low" });

        Assert.Equal(JsonValueKind.Null, central.GetProperty("variantErrors").ValueKind);
        var errors = high.GetProperty("variantErrors").EnumerateObject().ToDictionary(e => int.Parse(e.Name), e => e.Value.GetDouble());
        Assert.Equal([1, 2, 3, 4], errors.Keys.Order());
        Assert.True(errors[1] > 0, "the swinging intake leaves a back-test error");
        var (c, h, l) = (Pupils(central), Pupils(high), Pupils(low));
        foreach (var ((unit, year), pupils) in c)
        {
            var error = errors[year - 2021];
            Assert.Equal(pupils * (1 + error), h[(unit, year)], precision: 6);
            Assert.Equal(pupils * (1 - error), l[(unit, year)], precision: 6);
        }
    }

    [Fact]
    public async Task Moving_half_a_zones_demand_to_another_zones_school_moves_it_from_that_year_on()
    {
        var (from, _) = await suite.Gateway.SeedSmallSchoolAsync(District, "滨海新区迁出小学");
        var (to, receiving) = await suite.Gateway.SeedSmallSchoolAsync(District, "滨海新区接收小学");

        var moved = Pupils(await ForecastAsync(new
        {
            districtCode = District, horizon = 3,
            demandMoves = new[] { new { fromZoneId = from, toSchoolId = receiving, stage = "primary", share = 0.5, fromYear = 2023 } },
        }));

        Assert.Equal(600, moved[(from.ToString(), 2022)], precision: 6); // before the move
        Assert.Equal(300, moved[(from.ToString(), 2023)], precision: 6);
        Assert.Equal(900, moved[(to.ToString(), 2023)], precision: 6);
        Assert.Equal(900, moved[(to.ToString(), 2024)], precision: 6);
    }

    [Fact]
    public async Task A_birth_series_gives_the_births_after_the_last_registered_year()
    {
        // Births are registered to 2017; 2024's grade 1 was born in 2018: 10% of the series' 2,000 instead of a flat 1,000.
        var (zone, _) = await suite.Gateway.SeedSmallSchoolAsync("120118", "静海区出生序列小学");
        var flat = Pupils(await ForecastAsync(new { districtCode = "120118", horizon = 3 }));
        var birthSeries = new Dictionary<int, int> { [2018] = 2000 };
        var series = Pupils(await ForecastAsync(new { districtCode = "120118", horizon = 3, birthSeries }));

        Assert.Equal(600, flat[(zone.ToString(), 2024)], precision: 6);
        Assert.Equal(700, series[(zone.ToString(), 2024)], precision: 6);
    }

    [Fact]
    public async Task Bad_levers_are_named_and_a_move_is_checked_against_the_district()
    {
        var bad = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts/capacity", new
        {
            districtCode = District, variant = "extreme", facilityProjects = "all",
            demandMoves = new[]
            {
                new { fromZoneId = (Guid?)null, toSchoolId = (Guid?)Guid.NewGuid(), stage = "college", share = 0.5, fromYear = 2024 },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["demandMoves[0].fromZoneId", "demandMoves[0].stage", "facilityProjects", "variant"], fields);

        var (zone, _) = await suite.Gateway.SeedSmallSchoolAsync(District, "滨海新区校验小学");
        var otherDistrictsSchool = await suite.Gateway.RegisterSchoolAsync("红桥区别区小学");
        var unknown = await suite.Gateway.PostAsJsonAsync("/api/planning/forecasts", new
        {
            districtCode = District,
            demandMoves = new[]
            {
                new { fromZoneId = zone, toSchoolId = otherDistrictsSchool.Id, stage = "primary", share = 0.5, fromYear = 2023 },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .TryGetProperty("demandMoves[0].toSchoolId", out _));
    }
}
