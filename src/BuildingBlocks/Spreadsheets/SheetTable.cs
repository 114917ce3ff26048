using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>
/// Which rows of a table: a district's, a school's, or all (a table that has no schools ignores the school); as of a
/// day where rows change with time, such as where teachers teach (today in Beijing unless given; others ignore it).
/// </summary>
public sealed record TableFilter(string? DistrictCode, Guid? SchoolId, DateOnly? AsOf) : IDistrictFilter
{
    public IDistrictFilter For(string districtCode) => this with { DistrictCode = districtCode };
}

/// <summary>
/// A stored table users list and export: GET {group}/?districtCode=&amp;schoolId= answers its rows, and GET {group}/export
/// writes the same rows as .xlsx in the columns the import reads, so an exported file can be edited and imported again.
/// </summary>
public sealed record SheetTable<TRow>(
    Func<NpgsqlConnection, TableFilter, CancellationToken, Task<IReadOnlyList<TRow>>> List,
    string SheetName, string FileName, IReadOnlyList<string> Headers, Func<TRow, IReadOnlyList<object?>> Cells)
{
    public void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/", async (
            [AsParameters] TableFilter filter, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return TypedResults.Ok(await List(connection, filter with { AsOf = filter.AsOf ?? clock.Today() }, cancellationToken));
        }).Describe(SheetName, $"The rows of {FileName}, of one district or of every district in the caller's scope.");
        group.MapGet("/export", async (
            [AsParameters] TableFilter filter, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            var rows = await List(connection, filter with { AsOf = filter.AsOf ?? clock.Today() }, cancellationToken);
            return TypedResults.File(XlsxWriter.Write(SheetName, Headers, rows.Select(Cells)), XlsxWriter.ContentType, FileName);
        }).Describe($"导出{SheetName}", $"The same rows as an Excel workbook, {FileName}.");
    }
}
