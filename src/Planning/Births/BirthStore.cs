using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.Planning.Births;

/// <summary>A stored births figure; the zone is empty for the district's own series.</summary>
public sealed record BirthView(string DistrictCode, string DistrictName, Guid? ZoneId, string? ZoneName, int Year, int Births);

public static class BirthStore
{
    public static async Task<IReadOnlyList<BirthView>> ListAsync(
        NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        (await connection.ListAsync<BirthView>("""
            SELECT b.district_code AS DistrictCode, d.name AS DistrictName, b.zone_id AS ZoneId, z.name AS ZoneName, b.year, b.births
            FROM births b
            JOIN districts d ON d.code = b.district_code
            LEFT JOIN zones z ON z.id = b.zone_id
            WHERE @districtCode::text IS NULL OR b.district_code = @districtCode
            ORDER BY b.district_code, z.name NULLS FIRST, b.year
            """, new { districtCode }, cancellationToken)).ToList();

    /// <summary>The births already stored for the (district, zone, year) keys of <paramref name="records"/>.</summary>
    public static async Task<Dictionary<(string, Guid?, int), int>> ExistingAsync(
        NpgsqlConnection connection, IReadOnlyList<BirthRecord> records, CancellationToken cancellationToken) =>
        (await connection.ListAsync<BirthRecord>("""
            SELECT b.district_code AS DistrictCode, b.zone_id AS ZoneId, b.year, b.births
            FROM births b
            JOIN unnest(@codes, @zones, @years) AS wanted (code, zone, year)
                ON b.district_code = wanted.code AND b.zone_id IS NOT DISTINCT FROM wanted.zone AND b.year = wanted.year
            """, Columns(records), cancellationToken))
        .ToDictionary(r => (r.DistrictCode, r.ZoneId, r.Year), r => r.Births);

    public static Task UpsertAsync(
        NpgsqlTransaction transaction, IReadOnlyList<BirthRecord> records, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO births (district_code, zone_id, year, births)
            SELECT *
            FROM unnest(@codes, @zones, @years, @births)
            ON CONFLICT (district_code, zone_id, year) DO UPDATE
                SET births = excluded.births, updated_at = now()
            WHERE births.births <> excluded.births
            """, Columns(records), cancellationToken);

    private static object Columns(IReadOnlyList<BirthRecord> records) => new
    {
        codes = records.Select(r => r.DistrictCode).ToArray(),
        zones = records.Select(r => r.ZoneId).ToArray(),
        years = records.Select(r => r.Year).ToArray(),
        births = records.Select(r => r.Births).ToArray(),
    };
}
