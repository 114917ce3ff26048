using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Areas;

namespace Platform.Planning.Housing;

/// <summary>Residential developments, the housing input of forecasts: list, xlsx export, and import from CSV or xlsx.</summary>
public static class HousingApi
{
    private static readonly SheetUpload<HousingRecord, HousingPreview> Upload = new(
        HousingImport.Columns,
        Read: async (connection, import, scope, _, cancellationToken) =>
            HousingImport.Read(import, await AreaLookup.LoadAsync(connection, scope, cancellationToken)),
        Preview: async (connection, records, cancellationToken) =>
        {
            var stored = await HousingStore.StoredAsync(connection, records, cancellationToken);
            return [.. records.Select(r => new HousingPreview(r.DistrictCode, r.Name, r.ZoneId, r.Dwellings, r.CompletionYear,
                IPreviewRow.ChangeOf(stored, (r.DistrictCode, r.Name), r)))];
        },
        Write: HousingStore.WriteAsync);

    private static readonly SheetTable<HousingView> Table = new(
        async (connection, filter, cancellationToken) => await HousingStore.ListAsync(connection, filter.DistrictCode, cancellationToken),
        "新建住宅", "housing.xlsx", ["区划代码", "项目名称", "学区", "住宅套数", "竣工年份"],
        h => [h.DistrictCode, h.Name, h.ZoneName, h.Dwellings, h.CompletionYear]);

    public static IEndpointRouteBuilder MapHousingApi(this IEndpointRouteBuilder app)
    {
        var housing = app.MapGroup("/housing").WithTags("Housing");
        Table.Map(housing);
        Upload.MapImport(housing)
            .Describe("导入新建住宅", "Residential developments from a CSV or xlsx file: previewed, then written all or nothing.");
        return app;
    }
}
