using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Areas;

namespace Platform.Planning.Housing;

public sealed record HousingView(string DistrictCode, string Name, Guid ZoneId, string ZoneName, int Dwellings, int CompletionYear);

public sealed record HousingPreview(string DistrictCode, string Name, Guid ZoneId, int Dwellings, int CompletionYear, string Change) : IPreviewRow;

/// <summary>Residential developments, the housing input of forecasts: list, xlsx export, and import from CSV or xlsx.</summary>
public static class HousingApi
{
    private static readonly SheetUpload<HousingRecord, HousingPreview> Upload = new(
        HousingImport.Columns,
        Read: async (connection, import, scope, cancellationToken) => HousingImport.Read(import, await AreaLookup.LoadAsync(connection, scope, cancellationToken)),
        Preview: async (connection, records, cancellationToken) =>
        {
            var existing = (await connection.QueryAsync<HousingRecord>(new CommandDefinition("""
                    SELECT h.district_code AS DistrictCode, h.name, h.zone_id AS ZoneId, h.dwellings, h.completion_year AS CompletionYear
                    FROM housing_developments h JOIN unnest(@codes, @names) AS wanted (code, name) ON h.district_code = wanted.code AND h.name = wanted.name
                    """, Columns(records), cancellationToken: cancellationToken)))
                .ToDictionary(h => (h.DistrictCode, h.Name));
            return records.Select(r => new HousingPreview(r.DistrictCode, r.Name, r.ZoneId, r.Dwellings, r.CompletionYear,
                IPreviewRow.ChangeOf(existing, (r.DistrictCode, r.Name), r))).ToList();
        },
        Write: (transaction, records, cancellationToken) => transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO housing_developments (district_code, name, zone_id, dwellings, completion_year)
            SELECT * FROM unnest(@codes, @names, @zones, @dwellings, @completions)
            ON CONFLICT (district_code, name) DO UPDATE
                SET zone_id = excluded.zone_id, dwellings = excluded.dwellings, completion_year = excluded.completion_year, updated_at = now()
            """, Columns(records), transaction, cancellationToken: cancellationToken)));

    private static readonly SheetTable<HousingView> Table = new((connection, filter, cancellationToken) => ListAsync(connection, filter.DistrictCode, cancellationToken), "新建住宅", "housing.xlsx",
        ["区划代码", "项目名称", "学区", "住宅套数", "竣工年份"], h => [h.DistrictCode, h.Name, h.ZoneName, h.Dwellings, h.CompletionYear]);

    public static IEndpointRouteBuilder MapHousingApi(this IEndpointRouteBuilder app)
    {
        var housing = app.MapGroup("/housing").WithTags("Housing");
        Table.Map(housing);
        Upload.MapImport(housing);
        return app;
    }

    private static async Task<IReadOnlyList<HousingView>> ListAsync(NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<HousingView>(new CommandDefinition("""
            SELECT h.district_code AS DistrictCode, h.name, h.zone_id AS ZoneId, z.name AS ZoneName, h.dwellings, h.completion_year AS CompletionYear
            FROM housing_developments h JOIN zones z ON z.id = h.zone_id
            WHERE @districtCode::text IS NULL OR h.district_code = @districtCode
            ORDER BY h.district_code, h.completion_year, h.name
            """, new { districtCode }, cancellationToken: cancellationToken))).ToList();

    private static object Columns(IReadOnlyList<HousingRecord> records) => new
    {
        codes = records.Select(r => r.DistrictCode).ToArray(),
        names = records.Select(r => r.Name).ToArray(),
        zones = records.Select(r => r.ZoneId).ToArray(),
        dwellings = records.Select(r => r.Dwellings).ToArray(),
        completions = records.Select(r => r.CompletionYear).ToArray(),
    };
}
