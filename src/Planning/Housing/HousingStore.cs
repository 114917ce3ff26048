using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.Planning.Housing;

/// <summary>Residential developments by district and name.</summary>
internal static class HousingStore
{
    public static Task<List<HousingView>> ListAsync(
        NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        connection.ListAsync<HousingView>("""
            SELECT h.district_code AS DistrictCode, h.name, h.zone_id AS ZoneId, z.name AS ZoneName, h.dwellings,
                   h.completion_year AS CompletionYear
            FROM housing_developments h
            JOIN zones z ON z.id = h.zone_id
            WHERE @districtCode::text IS NULL OR h.district_code = @districtCode
            ORDER BY h.district_code, h.completion_year, h.name
            """, new { districtCode }, cancellationToken);

    /// <summary>The developments stored under these records' district and name.</summary>
    public static async Task<Dictionary<(string DistrictCode, string Name), HousingRecord>> StoredAsync(
        NpgsqlConnection connection, IReadOnlyList<HousingRecord> records, CancellationToken cancellationToken) =>
        (await connection.ListAsync<HousingRecord>("""
            SELECT h.district_code AS DistrictCode, h.name, h.zone_id AS ZoneId, h.dwellings,
                   h.completion_year AS CompletionYear
            FROM housing_developments h
            JOIN unnest(@codes, @names) AS wanted (code, name) ON h.district_code = wanted.code AND h.name = wanted.name
            """, Columns(records), cancellationToken))
        .ToDictionary(h => (h.DistrictCode, h.Name));

    public static Task<int> WriteAsync(
        NpgsqlTransaction transaction, IReadOnlyList<HousingRecord> records, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO housing_developments (district_code, name, zone_id, dwellings, completion_year)
            SELECT *
            FROM unnest(@codes, @names, @zones, @dwellings, @completions)
            ON CONFLICT (district_code, name) DO UPDATE
                SET zone_id = excluded.zone_id, dwellings = excluded.dwellings, completion_year = excluded.completion_year,
                    updated_at = now()
            """, Columns(records), cancellationToken);

    private static object Columns(IReadOnlyList<HousingRecord> records) => new
    {
        codes = records.Select(r => r.DistrictCode).ToArray(),
        names = records.Select(r => r.Name).ToArray(),
        zones = records.Select(r => r.ZoneId).ToArray(),
        dwellings = records.Select(r => r.Dwellings).ToArray(),
        completions = records.Select(r => r.CompletionYear).ToArray(),
    };
}
