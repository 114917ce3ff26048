using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace Platform.IntegrationTests;

/// <summary>Adopting a scenario publishes the official forecast and its shortfalls, each once. In 津南区 (120112).</summary>
[Collection(SuiteCollection.Name)]
public class PublishingTests(SuiteFixture suite)
{
    private const string District = "120112";

    [Fact]
    public async Task Adopting_publishes_the_forecast_and_each_shortfall_once_and_again_when_it_changes()
    {
        var (_, schoolId) = await suite.Gateway.SeedSmallSchoolAsync(District, "津南区缺位小学"); // 600 pupils for 270 places
        var created = await suite.Gateway.PostAsJsonAsync("/api/planning/scenarios",
            new { districtCode = District, name = "官方方案", levers = new { horizon = 3 } });
        await SuiteApi.EnsureAsync(created);
        var scenario = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Nothing is official yet; the preview tells what adopting would publish, and publishes nothing.
        var none = await suite.Gateway.GetAsync($"/api/planning/official-forecast?districtCode={District}");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, none.StatusCode);
        var previewed = await suite.Gateway.PostAsync($"/api/planning/scenarios/{scenario}/adopt/preview", null);
        await SuiteApi.EnsureAsync(previewed);
        var preview = (await previewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("shortfalls").EnumerateArray().ToList();
        var zoneShort = Assert.Single(preview); // one zone and stage, short in each of its three years
        Assert.Equal(("primary", 330.0, 8, true),
            (zoneShort.GetProperty("stage").GetString(), zoneShort.GetProperty("places").GetDouble(),
                zoneShort.GetProperty("classes").GetInt32(), zoneShort.GetProperty("announced").GetBoolean()));
        Assert.Equal((0, 0, 0), await SentAsync());

        var first = await AdoptAsync(scenario);
        // What the planner reads afterwards is what the preview listed: one zone and stage published.
        Assert.Equal([zoneShort.GetProperty("zoneName").GetString()],
            first.GetProperty("published").EnumerateArray().Select(p => p.GetProperty("zoneName").GetString()));
        var official = await suite.Gateway.GetFromJsonAsync<JsonElement>($"/api/planning/official-forecast?districtCode={District}");
        Assert.Equal(("官方方案", first.GetProperty("forecastId").GetGuid()),
            (official.GetProperty("scenarioName").GetString(), official.GetProperty("forecastId").GetGuid()));
        Assert.False(string.IsNullOrEmpty(official.GetProperty("adoptedBy").GetString()));
        Assert.Equal((3, 3, 0),
            (first.GetProperty("demandRows").GetInt32(), first.GetProperty("shortfallsAnnounced").GetInt32(),
                first.GetProperty("shortfallsUnchanged").GetInt32()));
        var again = await AdoptAsync(scenario);
        Assert.Equal((0, 3), (again.GetProperty("shortfallsAnnounced").GetInt32(), again.GetProperty("shortfallsUnchanged").GetInt32()));

        // 2 more classes: the gap falls from 330 places (8 classes) to 240 (6 classes) in every year, so all three change.
        await suite.Gateway.WaitUntilKnownAsync("facilities", schoolId);
        var project = await suite.Gateway.CreateProjectAsync(schoolId, classesAdded: 2);
        await SuiteApi.EnsureAsync(await suite.Gateway.CommissionAsync(project.Id, "2021-09-01"));
        var changed = await Eventually.Until(() => AdoptAsync(scenario), result => result.GetProperty("shortfallsAnnounced").GetInt32() > 0,
            "the commissioned capacity to change the shortfalls");
        Assert.Equal(3, changed.GetProperty("shortfallsAnnounced").GetInt32());

        // Every publication reached the broker: a forecast per adoption, and 6 shortfalls (3 first, 3 changed).
        var sent = await Eventually.Until(SentAsync, counts => counts.Unsent == 0 && counts.Shortfalls == 6,
            "the outbox to send the publications");
        Assert.True(sent.Forecasts >= 3);
        var gaps = await ShortfallPayloadsAsync();
        Assert.Equal([240.0, 240.0, 240.0, 330.0, 330.0, 330.0], gaps.Order());
    }

    private async Task<JsonElement> AdoptAsync(Guid scenario)
    {
        var response = await suite.Gateway.PostAsync($"/api/planning/scenarios/{scenario}/adopt", null);
        await SuiteApi.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(int Forecasts, int Shortfalls, int Unsent)> SentAsync()
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString("planningdb"));
        return await connection.QuerySingleAsync<(int, int, int)>("""
            SELECT count(*) FILTER (WHERE message_type LIKE '%PlaceDemandForecastPublished'),
                   count(*) FILTER (WHERE message_type LIKE '%PlaceShortfallDetected'),
                   count(*) FILTER (WHERE sent_at IS NULL)
            FROM outbox_messages
            WHERE payload->>'districtCode' = @District AND message_type LIKE 'Platform.Contracts.Place%'
            """, new { District });
    }

    private async Task<List<double>> ShortfallPayloadsAsync()
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString("planningdb"));
        return (await connection.QueryAsync<double>("""
            SELECT (payload->>'shortfallPlaces')::float8 FROM outbox_messages
            WHERE message_type LIKE '%PlaceShortfallDetected' AND payload->>'districtCode' = @District
            """, new { District })).ToList();
    }
}
