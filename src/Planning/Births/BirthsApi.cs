using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Areas;

namespace Platform.Planning.Births;

public sealed record BirthPreview(string DistrictCode, int Year, int Births, string Change);

public static class BirthsApi
{
    /// <summary>Uploads above this size are refused with 413 before they are read.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    public static IEndpointRouteBuilder MapBirthsApi(this IEndpointRouteBuilder app)
    {
        var births = app.MapGroup("/births").WithTags("Births");
        births.MapGet("/", ListAsync);
        births.MapGet("/export", ExportAsync);
        births.MapPost("/import", ImportAsync)
            .DisableAntiforgery() // an API called with a bearer token, not a browser form with cookies
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
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
        var workbook = XlsxWriter.Write("出生人口", ["区划代码", "区", "年份", "出生人口"],
            births.Select(b => (IReadOnlyList<object?>)[b.DistrictCode, b.DistrictName, b.Year, b.Births]));
        return TypedResults.File(workbook, XlsxWriter.ContentType, "births.xlsx");
    }

    /// <summary>
    /// Imports births from a CSV or xlsx file. With dryRun=true nothing is written and the report previews each row
    /// (new, changed or unchanged). Otherwise the file is written whole, or not at all when any row is bad.
    /// </summary>
    private static async Task<Results<Ok<ImportReport<BirthPreview>>, ProblemHttpResult>> ImportAsync(
        IFormFile file, [FromQuery] bool? dryRun, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        IReadOnlyList<SheetRow> sheet;
        try
        {
            await using var content = file.OpenReadStream();
            sheet = SheetReader.Read(content, file.FileName);
        }
        catch (SheetFormatException e)
        {
            return TypedResults.Problem(title: "The file cannot be read.", detail: e.Message, statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = "file" });
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var districts = (await AreasApi.DistrictsAsync(connection, cancellationToken)).Select(d => d.Code).ToHashSet();
        var import = SheetImport.Match(sheet, BirthImport.Columns);
        var records = BirthImport.Read(import, districts, clock.GetUtcNow().Year);
        var existing = await BirthQueries.ExistingAsync(connection, records, cancellationToken);
        var preview = records.Select(r => new BirthPreview(r.DistrictCode, r.Year, r.Births,
            !existing.TryGetValue((r.DistrictCode, r.Year), out var stored) ? "new" : stored == r.Births ? "unchanged" : "changed")).ToList();

        var isDryRun = dryRun ?? false;
        if (import.Errors.Count > 0 && !isDryRun)
            return TypedResults.Problem(
                title: "The file has bad rows; nothing was imported.",
                detail: $"{import.Errors.Count} problem(s) in {file.FileName}. Correct them and import the file again.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["rowErrors"] = import.Errors });

        if (!isDryRun)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await BirthQueries.UpsertAsync(transaction, records, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return TypedResults.Ok(new ImportReport<BirthPreview>(
            isDryRun, Written: !isDryRun, import.Rows.Count,
            preview.Count(p => p.Change == "new"), preview.Count(p => p.Change == "changed"), preview.Count(p => p.Change == "unchanged"),
            import.Errors, import.IgnoredHeaders, preview));
    }
}
