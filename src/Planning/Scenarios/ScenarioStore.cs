using System.Text.Json;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;
using Platform.Planning.Forecasts;

namespace Platform.Planning.Scenarios;

/// <summary>The scenarios' tables, and the official forecasts and shortfalls adopting one publishes.</summary>
internal static class ScenarioStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Row(Guid Id, string DistrictCode, string Name, Guid? ClonedFrom, string Levers);

    private const string Scenarios = """
        SELECT id, district_code AS DistrictCode, name, cloned_from AS ClonedFrom, levers::text AS Levers
        FROM scenarios
        """;

    public static async Task<List<Scenario>> ListAsync(
        NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        [.. (await connection.ListAsync<Row>($"""
            {Scenarios}
            WHERE @districtCode::text IS NULL OR district_code = @districtCode
            ORDER BY district_code, name
            """, new { districtCode }, cancellationToken)).Select(ToScenario)];

    public static async Task<Scenario?> FindAsync(Database dataSource, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var row = await connection.SingleOrDefaultAsync<Row>($"""
            {Scenarios}
            WHERE id = @id
            """, new { id }, cancellationToken);
        return row is null ? null : ToScenario(row);
    }

    private static Scenario ToScenario(Row row) =>
        new(row.Id, row.DistrictCode, row.Name, row.ClonedFrom, JsonSerializer.Deserialize<ForecastRequest>(row.Levers, Json)!);

    /// <summary>Those of <paramref name="schools"/> and <paramref name="zones"/> that are the district's.</summary>
    public static async Task<HashSet<Guid>> KnownAsync(
        NpgsqlConnection connection, string district, Guid[] schools, Guid[] zones, CancellationToken cancellationToken) =>
        (await connection.ListAsync<Guid>("""
            SELECT id
            FROM schools
            WHERE district_code = @district AND id = ANY(@schools)
            UNION ALL
            SELECT id
            FROM zones
            WHERE district_code = @district AND id = ANY(@zones)
            """, new { district, schools, zones }, cancellationToken)).ToHashSet();

    /// <exception cref="PostgresException">The name is taken in the district, or the district is unknown.</exception>
    public static Task InsertAsync(NpgsqlConnection connection, Scenario scenario, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            INSERT INTO scenarios (id, district_code, name, cloned_from, levers)
            VALUES (@Id, @DistrictCode, @Name, @ClonedFrom, @levers::jsonb)
            """, new
        {
            scenario.Id, scenario.DistrictCode, scenario.Name, scenario.ClonedFrom,
            levers = JsonSerializer.Serialize(scenario.Levers, Json),
        }, cancellationToken);

    /// <exception cref="PostgresException">The name is taken in the district.</exception>
    public static Task UpdateAsync(NpgsqlConnection connection, Scenario scenario, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            UPDATE scenarios
            SET name = @Name, levers = @levers::jsonb, updated_at = now()
            WHERE id = @Id
            """, new { scenario.Id, scenario.Name, levers = JsonSerializer.Serialize(scenario.Levers, Json) }, cancellationToken);

    /// <returns>When the forecast was published, by the database's clock.</returns>
    public static Task<DateTime> InsertOfficialForecastAsync(
        NpgsqlTransaction transaction, Guid forecastId, Scenario scenario, int baseYear, IReadOnlyList<ZoneStageDemand> demand,
        string adoptedBy, CancellationToken cancellationToken) =>
        transaction.ScalarAsync<DateTime>("""
            INSERT INTO official_forecasts (id, district_code, scenario_id, base_year, demand, adopted_by)
            VALUES (@forecastId, @DistrictCode, @Id, @baseYear, @demand::jsonb, @adoptedBy)
            RETURNING published_at
            """, new
        {
            forecastId, scenario.DistrictCode, scenario.Id, baseYear, demand = JsonSerializer.Serialize(demand, Json), adoptedBy,
        }, cancellationToken);

    /// <summary>The district's official forecast: the one adopted last.</summary>
    public static Task<OfficialForecast?> OfficialForecastAsync(
        NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync<OfficialForecast>("""
            SELECT f.id AS ForecastId, f.district_code AS DistrictCode, f.scenario_id AS ScenarioId, s.name AS ScenarioName,
                   f.base_year AS BaseYear, f.published_at AS AdoptedAt, f.adopted_by AS AdoptedBy
            FROM official_forecasts f
            JOIN scenarios s ON s.id = f.scenario_id
            WHERE f.district_code = @districtCode
            ORDER BY f.published_at DESC
            LIMIT 1
            """, new { districtCode }, cancellationToken);

    /// <summary>The shortfalls announced in the district so far, in classes, by zone, stage and year.</summary>
    public static async Task<Dictionary<(Guid Zone, string Stage, int Year), int>> AnnouncedShortfallsAsync(
        NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken) =>
        (await connection.ListAsync<(Guid Zone, string Stage, int Year, int Classes)>("""
            SELECT p.zone_id, p.stage, p.year, p.classes
            FROM published_shortfalls p
            JOIN zones z ON z.id = p.zone_id
            WHERE z.district_code = @districtCode
            """, new { districtCode }, cancellationToken))
        .ToDictionary(a => (a.Zone, a.Stage, a.Year), a => a.Classes);

    public static Task AnnounceShortfallAsync(
        NpgsqlTransaction transaction, PlaceShortfallDetected shortfall, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO published_shortfalls (zone_id, stage, year, places, classes, forecast_id)
            VALUES (@ZoneId, @Stage, @Year, @ShortfallPlaces, @ShortfallClasses, @ForecastId)
            ON CONFLICT (zone_id, stage, year) DO UPDATE
                SET places = excluded.places, classes = excluded.classes, forecast_id = excluded.forecast_id,
                    published_at = now()
            """, shortfall, cancellationToken);
}
