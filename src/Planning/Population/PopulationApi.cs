using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Areas;

namespace Platform.Planning.Population;

/// <summary>Resident population by single year of age: list, xlsx export, and import from CSV or xlsx.</summary>
public static class PopulationApi
{
    private static readonly SheetUpload<PopulationRecord, PopulationPreview> Upload = new(
        PopulationImport.Columns,
        Read: async (connection, import, scope, today, cancellationToken) =>
            PopulationImport.Read(import, await AreaLookup.LoadAsync(connection, scope, cancellationToken), today.Year),
        Preview: async (connection, records, cancellationToken) =>
        {
            var stored = await PopulationStore.StoredAsync(connection, records, cancellationToken);
            return [.. records.Select(r => new PopulationPreview(r.DistrictCode, r.Year, r.Age, r.Persons,
                IPreviewRow.ChangeOf(stored, (r.DistrictCode, r.Year, r.Age), r.Persons)))];
        },
        Write: PopulationStore.WriteAsync);

    private static readonly SheetTable<PopulationView> Table = new(
        async (connection, filter, cancellationToken) =>
            await PopulationStore.ListAsync(connection, filter.DistrictCode, cancellationToken),
        "分年龄人口", "population.xlsx", ["区划代码", "区", "年份", "年龄", "人口"],
        p => [p.DistrictCode, p.DistrictName, p.Year, p.Age, p.Persons]);

    public static IEndpointRouteBuilder MapPopulationApi(this IEndpointRouteBuilder app)
    {
        var population = app.MapGroup("/population").WithTags("Population");
        Table.Map(population);
        Upload.MapImport(population)
            .Describe("导入分年龄人口", "Resident population by age from a CSV or xlsx file: previewed, then written all or nothing.");
        return app;
    }
}
