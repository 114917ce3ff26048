using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.Planning.Population;

/// <summary>Resident population by district, year and single year of age.</summary>
internal static class PopulationStore
{
    public static Task<List<PopulationView>> ListAsync(
        NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        connection.ListAsync<PopulationView>("""
            SELECT p.district_code AS DistrictCode, d.name AS DistrictName, p.year, p.age, p.persons
            FROM population p
            JOIN districts d ON d.code = p.district_code
            WHERE @districtCode::text IS NULL OR p.district_code = @districtCode
            ORDER BY p.district_code, p.year, p.age
            """, new { districtCode }, cancellationToken);

    /// <summary>The persons stored for these records' district, year and age.</summary>
    public static async Task<Dictionary<(string DistrictCode, int Year, int Age), int>> StoredAsync(
        NpgsqlConnection connection, IReadOnlyList<PopulationRecord> records, CancellationToken cancellationToken) =>
        (await connection.ListAsync<PopulationRecord>("""
            SELECT p.district_code AS DistrictCode, p.year, p.age, p.persons
            FROM population p
            JOIN unnest(@codes, @years, @ages) AS wanted (code, year, age)
              ON p.district_code = wanted.code AND p.year = wanted.year AND p.age = wanted.age
            """, Columns(records), cancellationToken))
        .ToDictionary(p => (p.DistrictCode, p.Year, p.Age), p => p.Persons);

    public static Task<int> WriteAsync(
        NpgsqlTransaction transaction, IReadOnlyList<PopulationRecord> records, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO population (district_code, year, age, persons)
            SELECT *
            FROM unnest(@codes, @years, @ages, @persons)
            ON CONFLICT (district_code, year, age) DO UPDATE
                SET persons = excluded.persons, updated_at = now()
            WHERE population.persons <> excluded.persons
            """, Columns(records), cancellationToken);

    private static object Columns(IReadOnlyList<PopulationRecord> records) => new
    {
        codes = records.Select(r => r.DistrictCode).ToArray(),
        years = records.Select(r => r.Year).ToArray(),
        ages = records.Select(r => r.Age).ToArray(),
        persons = records.Select(r => r.Persons).ToArray(),
    };
}
