using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;

namespace Platform.Facilities.Details;

/// <summary>
/// A project's type (新建, 改扩建, 迁建, 接收配套, 校舍改造, 设备), floor and land area (m²), budget (万元) by funding
/// source, responsible unit and contractor.
/// </summary>
public static class DetailsApi
{
    public static IEndpointRouteBuilder MapDetailsApi(this IEndpointRouteBuilder app)
    {
        var details = app.MapGroup("/projects/{id:guid}/details").WithTags("Projects");
        details.MapGet("/", GetAsync)
            .Describe("项目基本信息", "A project's type, areas, budget by funding source, responsible unit and contractor.");
        details.MapPut("/", PutAsync)
            .Describe("填写项目基本信息", "Sets a project's details; its funding may not add up to more than its budget.");
        return app;
    }

    private static async Task<Results<Ok<ProjectDetails>, NotFound>> GetAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await DetailsStore.FindAsync(connection, id, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : TypedResults.NotFound();
    }

    /// <summary>Sets the details; the funding sources may not add up to more than the budget.</summary>
    private static async Task<Results<Ok<ProjectDetails>, NotFound, ValidationProblem>> PutAsync(
        Guid id, DetailsRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.OneOf("type", request.Type, ProjectTypes.Names);
        foreach (var (field, value) in new[] { ("floorArea", request.FloorArea), ("landArea", request.LandArea) })
            if (value is <= 0)
                validation.Add(field, new("须大于 0 平方米。", "must be above 0 m²."));
        if (request.Budget is <= 0)
            validation.Add("budget", new("须大于 0 万元。", "must be above 0 万元."));
        var funding = request.Funding ?? [];
        if (funding.Count > 10 || funding.Any(f => string.IsNullOrWhiteSpace(f.Key) || f.Key.Length > 50 || f.Value <= 0))
            validation.Add("funding", new("至多 10 个资金来源（财政资金、专项债……），每项金额须大于 0 万元。",
                "lists at most 10 sources (财政资金, 专项债, …), each with an amount above 0 万元."));
        else if (funding.Values.Sum() > (request.Budget ?? decimal.MaxValue))
            validation.Add("funding", new($"合计 {funding.Values.Sum():0.##} 万元，超过总投资 {request.Budget:0.##} 万元。",
                $"adds up to {funding.Values.Sum():0.##} 万元, more than the budget of {request.Budget:0.##} 万元."));
        foreach (var (field, value) in new[] { ("responsibleUnit", request.ResponsibleUnit), ("contractor", request.Contractor) })
            if (value?.Length > 200)
                validation.Add(field, UserText.AtMost(200));
        if (!validation.IsValid)
            return validation.Problem();

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if (!await DetailsStore.SetAsync(connection, id, request, funding, cancellationToken))
            return TypedResults.NotFound();
        return TypedResults.Ok((await DetailsStore.FindAsync(connection, id, cancellationToken))!);
    }
}
