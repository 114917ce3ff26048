using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Planning.Forecasts;
using Platform.Planning.Scenarios.Steps;

namespace Platform.Planning.Scenarios;

/// <summary>
/// Named scenarios of a district: saved forecast levers that can be cloned, changed, run, compared side by side and
/// adopted as the district's official forecast. One file per step, in Steps/.
/// </summary>
public static class ScenariosApi
{
    public static IEndpointRouteBuilder MapScenariosApi(this IEndpointRouteBuilder app)
    {
        var scenarios = app.MapGroup("/scenarios").WithTags("Scenarios");
        scenarios.MapPost("/", SaveScenario.CreateAsync)
            .Describe("新建方案", "A named scenario of a district: forecast levers to run and compare.");
        scenarios.MapGet("/", ListAsync)
            .Describe("区内方案", "The scenarios of a district, or of every district in the caller's scope.");
        scenarios.MapGet("/{id:guid}", GetAsync)
            .Describe("方案", "A scenario with its levers.");
        scenarios.MapPut("/{id:guid}", SaveScenario.UpdateAsync)
            .Describe("修改方案", "A scenario's name and levers changed; its district stays.");
        scenarios.MapPost("/{id:guid}/clone", SaveScenario.CloneAsync)
            .Describe("复制方案", "A copy of a scenario under a new name, to change without losing the original.");
        scenarios.MapPost("/{id:guid}/capacity", CapacityAsync).ComputesOnly()
            .Describe("方案的学位供需分析", "The scenario's forecast against the places its levers leave, by zone, stage, year.");
        scenarios.MapPost("/compare", CompareAsync).ComputesOnly()
            .Describe("方案比较", "Two to six scenarios side by side: demand, places, shortfall and surplus, and warnings.");
        scenarios.MapPost("/compare/export", ExportComparisonAsync).ComputesOnly()
            .Describe("导出方案比较", "The comparison of two to six scenarios, as an Excel workbook.");
        scenarios.MapPost("/{id:guid}/adopt/preview", AdoptScenario.PreviewAsync).ComputesOnly()
            .Describe("采纳前预览", "What adopting would publish: each zone and stage short, from when and by how much.");
        scenarios.MapPost("/{id:guid}/adopt", AdoptScenario.HandleAsync)
            .Describe("采纳方案", "The scenario's forecast becomes the district's official one; shortfalls are announced.");
        app.MapGet("/official-forecast", OfficialForecastAsync).WithTags("Scenarios")
            .Describe("官方预测", "The district's official forecast: the scenario adopted, when and by whom.");
        return app;
    }

    private static async Task<Results<Ok<OfficialForecast>, NoContent>> OfficialForecastAsync(
        string districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await ScenarioStore.OfficialForecastAsync(connection, districtCode, cancellationToken) is { } official
            ? TypedResults.Ok(official)
            : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Scenario>, NotFound>> GetAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken) =>
        await ScenarioStore.FindAsync(dataSource, id, cancellationToken) is { } scenario
            ? TypedResults.Ok(scenario)
            : TypedResults.NotFound();

    private static async Task<Ok<List<Scenario>>> ListAsync(
        string? districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await ScenarioStore.ListAsync(connection, districtCode, cancellationToken));
    }

    private static async Task<Results<Ok<CapacityResult>, NotFound, ValidationProblem, ProblemHttpResult>> CapacityAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken) =>
        await ScenarioCapacity.RunAsync(id, dataSource, cancellationToken) switch
        {
            null => TypedResults.NotFound(),
            ({ } _, { } result, _) => TypedResults.Ok(result),
            (_, _, var problem) => problem!,
        };

    private static async Task<Results<Ok<IReadOnlyList<ScenarioComparison>>, ProblemHttpResult>> CompareAsync(
        CompareRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken) =>
        Answer.Json(await CompareScenarios.CompareAsync(request, scope, dataSource, cancellationToken));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportComparisonAsync(
        CompareRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken) =>
        Answer.Xlsx(await CompareScenarios.CompareAsync(request, scope, dataSource, cancellationToken), CompareScenarios.Sheet);
}
