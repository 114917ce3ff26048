using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.Planning.SampleData;

public sealed record SampleDistrict(string DistrictCode, string Note, DateTime MarkedAt);

public sealed record SampleDataRequest(string[]? DistrictCodes, string? Note);

/// <summary>
/// The sample-data marker: which districts hold demonstration data. The demo loader marks the districts it fills;
/// a bureau clears a district's mark once its own data replaces the sample.
/// </summary>
public static class SampleDataApi
{
    public static IEndpointRouteBuilder MapSampleDataApi(this IEndpointRouteBuilder app)
    {
        var sample = app.MapGroup("/sample-data").WithTags("Sample data");
        sample.MapGet("/", async (DistrictScope scope, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return TypedResults.Ok((await connection.QueryAsync<SampleDistrict>(new CommandDefinition(
                "SELECT district_code AS DistrictCode, note, marked_at AS MarkedAt FROM sample_data WHERE starts_with(district_code, @Prefix) ORDER BY district_code",
                new { scope.Prefix }, cancellationToken: cancellationToken))).ToList());
        });
        sample.MapPut("/", MarkAsync);
        sample.MapDelete("/{districtCode}", async Task<Results<NoContent, NotFound>> (string districtCode, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            var removed = await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM sample_data WHERE district_code = @districtCode", new { districtCode }, cancellationToken: cancellationToken));
            return removed == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
        });
        return app;
    }

    private static async Task<Results<NoContent, ValidationProblem>> MarkAsync(
        SampleDataRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var note = validation.Text("note", request.Note, 500);
        if (request.DistrictCodes is not { Length: > 0 and <= 100 } || request.DistrictCodes.Any(string.IsNullOrWhiteSpace))
            validation.Add("districtCodes", "must list 1 to 100 district codes, none empty.");
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var unknown = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT code FROM unnest(@codes::text[]) AS code WHERE code NOT IN (SELECT code FROM districts)",
            new { codes = request.DistrictCodes ?? [] }, cancellationToken: cancellationToken))).ToList();
        if (unknown.Count > 0)
            validation.Add("districtCodes", $"are not known districts: {string.Join(", ", unknown)}.");
        else if (request.DistrictCodes?.FirstOrDefault(code => !scope.Covers(code)) is { } outside)
            validation.Add("districtCodes", $"{outside} is outside your district scope ({scope.Code}).");
        if (!validation.IsValid)
            return validation.Problem();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO sample_data (district_code, note) SELECT unnest(@codes::text[]), @note
            ON CONFLICT (district_code) DO UPDATE SET note = excluded.note, marked_at = now()
            """, new { codes = request.DistrictCodes!.Distinct().ToArray(), note }, cancellationToken: cancellationToken));
        return TypedResults.NoContent();
    }
}
