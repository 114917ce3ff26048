using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Planning.SampleData;

/// <summary>
/// The sample-data marker: which districts hold demonstration data. The demo loader marks the districts it fills;
/// a bureau clears a district's mark once its own data replaces the sample.
/// </summary>
public static class SampleDataApi
{
    public static IEndpointRouteBuilder MapSampleDataApi(this IEndpointRouteBuilder app)
    {
        var sample = app.MapGroup("/sample-data").WithTags("Sample data");
        sample.MapGet("/", ListAsync)
            .Describe("示例数据标记", "The districts in the caller's scope that hold demonstration data.");
        sample.MapPut("/", MarkAsync)
            .Describe("标记示例数据", "Marks districts as holding demonstration data, with a note.");
        sample.MapDelete("/{districtCode}", ClearAsync)
            .Describe("清除示例数据标记", "Clears a district's mark once its own data replaces the sample.");
        return app;
    }

    private static async Task<Ok<List<SampleDistrict>>> ListAsync(
        DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await SampleDataStore.ListAsync(connection, scope.Prefix, cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound>> ClearAsync(
        string districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await SampleDataStore.ClearAsync(connection, districtCode, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }

    private static async Task<Results<NoContent, ValidationProblem>> MarkAsync(
        SampleDataRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var note = validation.Text("note", request.Note, 500);
        if (request.DistrictCodes is not { Length: > 0 and <= 100 } || request.DistrictCodes.Any(string.IsNullOrWhiteSpace))
            validation.Add("districtCodes",
                new("须列出 1 到 100 个区划代码，且不能有空项。", "must list 1 to 100 district codes, none empty."));
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var unknown = await SampleDataStore.UnknownDistrictsAsync(connection, request.DistrictCodes ?? [], cancellationToken);
        if (unknown.Count > 0)
            validation.Add("districtCodes", new($"中有未知的区划代码：{string.Join("、", unknown)}。",
                $"are not known districts: {string.Join(", ", unknown)}."));
        else if (request.DistrictCodes?.FirstOrDefault(code => !scope.Covers(code)) is { } outside)
            validation.Add("districtCodes", new($"{outside} 不在您的管辖范围（{scope.Code}）内。",
                $"{outside} is outside your district scope ({scope.Code})."));
        if (!validation.IsValid)
            return validation.Problem();
        await SampleDataStore.MarkAsync(connection, [.. request.DistrictCodes!.Distinct()], note, cancellationToken);
        return TypedResults.NoContent();
    }
}
