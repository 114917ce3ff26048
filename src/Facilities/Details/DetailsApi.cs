using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.Facilities.Details;

public sealed record DetailsRequest(
    string? Type, [property: Bounds(0, 9_999_999.99)] decimal? FloorArea, [property: Bounds(0, 9_999_999.99)] decimal? LandArea,
    [property: Bounds(0, 9_999_999.99)] decimal? Budget, [property: Bounds(0, 9_999_999.99)] Dictionary<string, decimal>? Funding,
    string? ResponsibleUnit, string? Contractor);

public sealed record ProjectDetails(
    Guid ProjectId, string Type, string TypeName, decimal? FloorArea, decimal? LandArea, decimal? Budget, IReadOnlyDictionary<string, decimal> Funding,
    string? ResponsibleUnit, string? Contractor);

/// <summary>A project's type (新建, 改扩建, 迁建, 接收配套, 校舍改造, 设备), floor and land area (m²), budget (万元) by funding source, responsible unit and contractor.</summary>
public static class DetailsApi
{
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        ["new_build"] = "新建", ["expansion"] = "改扩建", ["relocation"] = "迁建", ["developer_handover"] = "接收配套", ["renovation"] = "校舍改造", ["equipment"] = "设施设备",
    };

    private sealed record Row(Guid ProjectId, string Type, decimal? FloorArea, decimal? LandArea, decimal? Budget, string? ResponsibleUnit, string? Contractor);

    public static IEndpointRouteBuilder MapDetailsApi(this IEndpointRouteBuilder app)
    {
        var details = app.MapGroup("/projects/{id:guid}/details").WithTags("Projects");
        details.MapGet("/", async Task<Results<Ok<ProjectDetails>, NotFound>> (Guid id, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return await FindAsync(connection, id, cancellationToken) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
        });
        details.MapPut("/", PutAsync);
        return app;
    }

    /// <summary>Sets the details; the funding sources may not add up to more than the budget.</summary>
    private static async Task<Results<Ok<ProjectDetails>, NotFound, ValidationProblem>> PutAsync(
        Guid id, DetailsRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.OneOf("type", request.Type, Types);
        foreach (var (field, value) in new[] { ("floorArea", request.FloorArea), ("landArea", request.LandArea) })
            if (value is <= 0)
                validation.Add(field, "must be above 0 m².");
        if (request.Budget is <= 0)
            validation.Add("budget", "must be above 0 万元.");
        var funding = request.Funding ?? [];
        if (funding.Count > 10 || funding.Any(f => string.IsNullOrWhiteSpace(f.Key) || f.Key.Length > 50 || f.Value <= 0))
            validation.Add("funding", "lists at most 10 sources (财政资金, 专项债, …), each with an amount above 0 万元.");
        else if (funding.Values.Sum() > (request.Budget ?? decimal.MaxValue))
            validation.Add("funding", $"adds up to {funding.Values.Sum():0.##} 万元, more than the budget of {request.Budget:0.##} 万元.");
        foreach (var (field, value) in new[] { ("responsibleUnit", request.ResponsibleUnit), ("contractor", request.Contractor) })
            if (value?.Length > 200)
                validation.Add(field, "must be at most 200 characters.");
        if (!validation.IsValid)
            return validation.Problem();

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO project_details (project_id, type, floor_area, land_area, budget, responsible_unit, contractor)
            SELECT id, @Type, @FloorArea, @LandArea, @Budget, @ResponsibleUnit, @Contractor FROM projects WHERE id = @id
            ON CONFLICT (project_id) DO UPDATE SET type = excluded.type, floor_area = excluded.floor_area, land_area = excluded.land_area,
                budget = excluded.budget, responsible_unit = excluded.responsible_unit, contractor = excluded.contractor
            """, new { id, request.Type, request.FloorArea, request.LandArea, request.Budget, request.ResponsibleUnit, request.Contractor }, transaction, cancellationToken: cancellationToken));
        if (written == 0)
            return TypedResults.NotFound();
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM project_funding WHERE project_id = @id;
            INSERT INTO project_funding (project_id, source, amount) SELECT @id, s, a FROM unnest(@sources, @amounts) AS f (s, a);
            """, new { id, sources = funding.Keys.Select(k => k.Trim()).ToArray(), amounts = funding.Values.ToArray() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await FindAsync(connection, id, cancellationToken))!);
    }

    private static async Task<ProjectDetails?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT project_id AS ProjectId, type, floor_area AS FloorArea, land_area AS LandArea, budget, responsible_unit AS ResponsibleUnit, contractor
            FROM project_details WHERE project_id = @id
            """, new { id }, cancellationToken: cancellationToken));
        if (row is null)
            return null;
        var funding = (await connection.QueryAsync<(string Source, decimal Amount)>(new CommandDefinition(
            "SELECT source, amount FROM project_funding WHERE project_id = @id ORDER BY amount DESC", new { id }, cancellationToken: cancellationToken)))
            .ToDictionary(f => f.Source, f => f.Amount);
        return new ProjectDetails(row.ProjectId, row.Type, Types[row.Type], row.FloorArea, row.LandArea, row.Budget, funding, row.ResponsibleUnit, row.Contractor);
    }
}
