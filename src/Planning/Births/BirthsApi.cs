using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Areas;

namespace Platform.Planning.Births;

public sealed record BirthPreview(string DistrictCode, Guid? ZoneId, int Year, int Births, string Change) : IPreviewRow;

public static class BirthsApi
{
    private static readonly SheetUpload<BirthRecord, BirthPreview> Upload = new(
        BirthImport.Columns,
        Read: async (connection, import, cancellationToken) =>
            BirthImport.Read(import, await AreaLookup.LoadAsync(connection, cancellationToken), DateTime.UtcNow.Year),
        Preview: async (connection, records, cancellationToken) =>
        {
            var existing = await BirthQueries.ExistingAsync(connection, records, cancellationToken);
            return records.Select(r => new BirthPreview(r.DistrictCode, r.ZoneId, r.Year, r.Births,
                IPreviewRow.ChangeOf(existing, (r.DistrictCode, r.ZoneId, r.Year), r.Births))).ToList();
        },
        Write: BirthQueries.UpsertAsync);

    public static IEndpointRouteBuilder MapBirthsApi(this IEndpointRouteBuilder app)
    {
        var births = app.MapGroup("/births").WithTags("Births");
        births.MapGet("/", ListAsync);
        births.MapGet("/export", ExportAsync);
        Upload.MapImport(births);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<BirthView>>> ListAsync(string? districtCode, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok(await BirthQueries.ListAsync(connection, districtCode, cancellationToken));
    }

    /// <summary>The births table as .xlsx, in the same columns the import reads, so it can be edited and imported again.</summary>
    private static async Task<FileContentHttpResult> ExportAsync(string? districtCode, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var births = await BirthQueries.ListAsync(connection, districtCode, cancellationToken);
        var workbook = XlsxWriter.Write("出生人口", ["区划代码", "区", "学区", "年份", "出生人口"],
            births.Select(b => (IReadOnlyList<object?>)[b.DistrictCode, b.DistrictName, b.ZoneName, b.Year, b.Births]));
        return TypedResults.File(workbook, XlsxWriter.ContentType, "births.xlsx");
    }
}
