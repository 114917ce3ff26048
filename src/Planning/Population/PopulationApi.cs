using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Areas;

namespace Platform.Planning.Population;

public sealed record PopulationView(string DistrictCode, string DistrictName, int Year, int Age, int Persons);

public sealed record PopulationPreview(string DistrictCode, int Year, int Age, int Persons, string Change) : IPreviewRow;

/// <summary>Resident population by single year of age: list, xlsx export, and import from CSV or xlsx.</summary>
public static class PopulationApi
{
    private static readonly SheetUpload<PopulationRecord, PopulationPreview> Upload = new(
        PopulationImport.Columns,
        Read: async (connection, import, scope, cancellationToken) =>
            PopulationImport.Read(import, await AreaLookup.LoadAsync(connection, scope, cancellationToken), DateTime.UtcNow.Year),
        Preview: async (connection, records, cancellationToken) =>
        {
            var existing = (await connection.QueryAsync<PopulationRecord>(new CommandDefinition("""
                    SELECT p.district_code AS DistrictCode, p.year, p.age, p.persons
                    FROM population p JOIN unnest(@codes, @years, @ages) AS wanted (code, year, age)
                        ON p.district_code = wanted.code AND p.year = wanted.year AND p.age = wanted.age
                    """, Columns(records), cancellationToken: cancellationToken)))
                .ToDictionary(p => (p.DistrictCode, p.Year, p.Age), p => p.Persons);
            return records.Select(r => new PopulationPreview(r.DistrictCode, r.Year, r.Age, r.Persons,
                IPreviewRow.ChangeOf(existing, (r.DistrictCode, r.Year, r.Age), r.Persons))).ToList();
        },
        Write: (transaction, records, cancellationToken) => transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO population (district_code, year, age, persons)
            SELECT * FROM unnest(@codes, @years, @ages, @persons)
            ON CONFLICT (district_code, year, age) DO UPDATE SET persons = excluded.persons, updated_at = now()
            WHERE population.persons <> excluded.persons
            """, Columns(records), transaction, cancellationToken: cancellationToken)));

    private static readonly SheetTable<PopulationView> Table = new((connection, filter, cancellationToken) => ListAsync(connection, filter.DistrictCode, cancellationToken), "分年龄人口", "population.xlsx",
        ["区划代码", "区", "年份", "年龄", "人口"], p => [p.DistrictCode, p.DistrictName, p.Year, p.Age, p.Persons]);

    public static IEndpointRouteBuilder MapPopulationApi(this IEndpointRouteBuilder app)
    {
        var population = app.MapGroup("/population").WithTags("Population");
        Table.Map(population);
        Upload.MapImport(population);
        return app;
    }

    private static async Task<IReadOnlyList<PopulationView>> ListAsync(NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<PopulationView>(new CommandDefinition("""
            SELECT p.district_code AS DistrictCode, d.name AS DistrictName, p.year, p.age, p.persons
            FROM population p JOIN districts d ON d.code = p.district_code
            WHERE @districtCode::text IS NULL OR p.district_code = @districtCode
            ORDER BY p.district_code, p.year, p.age
            """, new { districtCode }, cancellationToken: cancellationToken))).ToList();

    private static object Columns(IReadOnlyList<PopulationRecord> records) => new
    {
        codes = records.Select(r => r.DistrictCode).ToArray(),
        years = records.Select(r => r.Year).ToArray(),
        ages = records.Select(r => r.Age).ToArray(),
        persons = records.Select(r => r.Persons).ToArray(),
    };
}
