using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>A previewed row says whether importing it adds ("new"), changes ("changed") or repeats ("unchanged") data.</summary>
public interface IPreviewRow
{
    string Change { get; }

    /// <summary>What importing <paramref name="value"/> under <paramref name="key"/> does to what is stored.</summary>
    static string ChangeOf<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> stored, TKey key, TValue value) =>
        !stored.TryGetValue(key, out var current) ? "new"
            : EqualityComparer<TValue>.Default.Equals(current, value) ? "unchanged"
            : "changed";
}

/// <summary>
/// The upload flow every import shares: read the CSV or xlsx file, match its columns, check every row, preview each
/// against what is stored; then, unless it is a dry run, write the whole file in one transaction, or nothing at
/// all when any row is bad. The feature supplies the columns and its read, preview and write steps; its read step
/// takes only rows about districts in the caller's scope, so a row about another district is a bad row, and is given
/// today (Beijing's day, from the service's clock) to check dates against.
/// </summary>
public sealed record SheetUpload<TRecord, TPreview>(
    IReadOnlyList<SheetColumn> Columns,
    Func<NpgsqlConnection, SheetImport, DistrictScope, DateOnly, CancellationToken, Task<IReadOnlyList<TRecord>>> Read,
    Func<NpgsqlConnection, IReadOnlyList<TRecord>, CancellationToken, Task<IReadOnlyList<TPreview>>> Preview,
    Func<NpgsqlTransaction, IReadOnlyList<TRecord>, CancellationToken, Task> Write)
    where TPreview : IPreviewRow
{
    /// <summary>Uploads above this size are refused with 413 before they are read.</summary>
    public const long MaxBytes = SheetReader.MaxFileBytes;

    /// <summary>POST {group}/import with a multipart "file" and ?dryRun=true|false.</summary>
    public RouteHandlerBuilder MapImport(IEndpointRouteBuilder group) =>
        group.MapPost("/import", (IFormFile file, [FromQuery] bool? dryRun, DistrictScope scope, Database dataSource,
                TimeProvider clock, CancellationToken cancellationToken) =>
                RunAsync(file, dryRun ?? false, scope, dataSource, clock.Today(), cancellationToken))
            .DisableAntiforgery() // an API called with a bearer token, not a browser form with cookies
            .WithMetadata(new RequestSizeLimitAttribute(MaxBytes));

    public async Task<Results<Ok<ImportReport<TPreview>>, ProblemHttpResult>> RunAsync(
        IFormFile file, bool dryRun, DistrictScope scope, Database dataSource, DateOnly today, CancellationToken cancellationToken)
    {
        using var slot = await UploadSlots.TakeAsync(cancellationToken);
        if (slot is null)
            return TypedResults.Problem(
                title: new UserText("正在读取其他上传的文件，请稍后再试。", "Other uploads are being read; try again shortly.").ToString(),
                detail: new UserText($"每个服务同时读取至多 {UploadSlots.AtOnce} 个文件。",
                    $"Each service reads at most {UploadSlots.AtOnce} files at once.").ToString(),
                statusCode: StatusCodes.Status429TooManyRequests, extensions: new Dictionary<string, object?> { ["field"] = "file" });
        IReadOnlyList<SheetRow> sheet;
        try
        {
            await using var content = file.OpenReadStream();
            sheet = SheetReader.Read(content, file.FileName);
        }
        catch (SheetFormatException e)
        {
            return TypedResults.Problem(title: new UserText("无法读取文件。", "The file cannot be read.").ToString(),
                detail: e.Reason.ToString(), statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = "file" });
        }

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var import = SheetImport.Match(sheet, Columns);
        var records = await Read(connection, import, scope, today, cancellationToken);
        if (import.Errors.Count > 0 && !dryRun)
            return TypedResults.Problem(
                title: new UserText("文件中有错误行，未导入任何数据。", "The file has bad rows; nothing was imported.").ToString(),
                detail: new UserText($"{Path.GetFileName(file.FileName)} 中有 {import.Errors.Count} 处问题，改正后请重新导入。",
                    $"{import.Errors.Count} problem(s) in {Path.GetFileName(file.FileName)}. Correct them and import the file again.")
                    .ToString(),
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["rowErrors"] = import.Errors });

        var preview = await Preview(connection, records, cancellationToken);
        if (!dryRun)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Write(transaction, records, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return TypedResults.Ok(new ImportReport<TPreview>(
            dryRun, Written: !dryRun, import.Rows.Count,
            preview.Count(p => p.Change == "new"), preview.Count(p => p.Change == "changed"), preview.Count(p => p.Change == "unchanged"),
            import.Errors, import.IgnoredHeaders, preview));
    }
}
