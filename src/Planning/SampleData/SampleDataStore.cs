using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;

namespace Platform.Planning.SampleData;

/// <summary>The districts marked as holding demonstration data.</summary>
internal static class SampleDataStore
{
    public static Task<List<SampleDistrict>> ListAsync(
        NpgsqlConnection connection, string scopePrefix, CancellationToken cancellationToken) =>
        connection.ListAsync<SampleDistrict>("""
            SELECT district_code AS DistrictCode, note, marked_at AS MarkedAt
            FROM sample_data
            WHERE starts_with(district_code, @scopePrefix)
            ORDER BY district_code
            """, new { scopePrefix }, cancellationToken);

    /// <summary>Those of <paramref name="codes"/> that name no district.</summary>
    public static Task<List<string>> UnknownDistrictsAsync(
        NpgsqlConnection connection, string[] codes, CancellationToken cancellationToken) =>
        connection.ListAsync<string>("""
            SELECT code
            FROM unnest(@codes::text[]) AS code
            WHERE code NOT IN (SELECT code FROM districts)
            """, new { codes }, cancellationToken);

    public static Task MarkAsync(NpgsqlConnection connection, string[] codes, string note, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            INSERT INTO sample_data (district_code, note)
            SELECT unnest(@codes::text[]), @note
            ON CONFLICT (district_code) DO UPDATE
                SET note = excluded.note, marked_at = now()
            """, new { codes, note }, cancellationToken);

    /// <returns>Whether the district was marked.</returns>
    public static async Task<bool> ClearAsync(NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken) =>
        await connection.WriteAsync("""
            DELETE FROM sample_data
            WHERE district_code = @districtCode
            """, new { districtCode }, cancellationToken) > 0;
}
