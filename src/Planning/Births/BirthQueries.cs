using Dapper;
using Npgsql;

namespace Platform.Planning.Births;

public sealed record BirthView(string DistrictCode, string DistrictName, int Year, int Births);

public static class BirthQueries
{
    public static async Task<IReadOnlyList<BirthView>> ListAsync(NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<BirthView>(new CommandDefinition("""
            SELECT b.district_code AS DistrictCode, d.name AS DistrictName, b.year, b.births
            FROM births b JOIN districts d ON d.code = b.district_code
            WHERE @districtCode::text IS NULL OR b.district_code = @districtCode
            ORDER BY b.district_code, b.year
            """, new { districtCode }, cancellationToken: cancellationToken))).ToList();

    /// <summary>The births already stored for the (district, year) pairs of <paramref name="records"/>.</summary>
    public static async Task<Dictionary<(string, int), int>> ExistingAsync(
        NpgsqlConnection connection, IReadOnlyList<BirthRecord> records, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<BirthRecord>(new CommandDefinition("""
            SELECT b.district_code AS DistrictCode, b.year, b.births
            FROM births b JOIN unnest(@codes, @years) AS wanted (code, year) ON b.district_code = wanted.code AND b.year = wanted.year
            """, new { codes = records.Select(r => r.DistrictCode).ToArray(), years = records.Select(r => r.Year).ToArray() },
            cancellationToken: cancellationToken)))
        .ToDictionary(r => (r.DistrictCode, r.Year), r => r.Births);

    public static Task UpsertAsync(NpgsqlTransaction transaction, IReadOnlyList<BirthRecord> records, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO births (district_code, year, births)
            SELECT * FROM unnest(@codes, @years, @births)
            ON CONFLICT (district_code, year) DO UPDATE SET births = excluded.births, updated_at = now()
            WHERE births.births <> excluded.births
            """,
            new { codes = records.Select(r => r.DistrictCode).ToArray(), years = records.Select(r => r.Year).ToArray(), births = records.Select(r => r.Births).ToArray() },
            transaction, cancellationToken: cancellationToken));
}
