using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Areas;

namespace Platform.Planning.Births;

public static class BirthsApi
{
    private static readonly SheetUpload<BirthRecord, BirthPreview> Upload = new(
        BirthImport.Columns,
        Read: async (connection, import, scope, today, cancellationToken) =>
            BirthImport.Read(import, await AreaLookup.LoadAsync(connection, scope, cancellationToken), today.Year),
        Preview: async (connection, records, cancellationToken) =>
        {
            var existing = await BirthStore.ExistingAsync(connection, records, cancellationToken);
            return records.Select(r => new BirthPreview(r.DistrictCode, r.ZoneId, r.Year, r.Births,
                IPreviewRow.ChangeOf(existing, (r.DistrictCode, r.ZoneId, r.Year), r.Births))).ToList();
        },
        Write: BirthStore.UpsertAsync);

    private static readonly SheetTable<BirthView> Table = new(
        (connection, filter, cancellationToken) => BirthStore.ListAsync(connection, filter.DistrictCode, cancellationToken),
        "出生人口", "births.xlsx", ["区划代码", "区", "学区", "年份", "出生人口"],
        b => [b.DistrictCode, b.DistrictName, b.ZoneName, b.Year, b.Births]);

    public static IEndpointRouteBuilder MapBirthsApi(this IEndpointRouteBuilder app)
    {
        var births = app.MapGroup("/births").WithTags("Births");
        Table.Map(births);
        Upload.MapImport(births)
            .Describe("导入出生人口", "Births by district, zone and year from a CSV or xlsx file: previewed, then written all or nothing.");
        return app;
    }
}
