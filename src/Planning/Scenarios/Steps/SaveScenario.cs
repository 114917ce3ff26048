using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.Planning.Forecasts;

namespace Platform.Planning.Scenarios.Steps;

/// <summary>A scenario created, cloned under a new name, or changed: its name unique in its district, its levers checked.</summary>
internal static class SaveScenario
{
    public static async Task<Results<Created<Scenario>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ScenarioRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var scenario = Validate(request, validation, Guid.CreateVersion7(), clonedFrom: null);
        if (scenario is null || !await LeversHoldAsync(dataSource, scenario, validation, cancellationToken))
            return validation.Problem();
        if (await InsertAsync(dataSource, scenario, cancellationToken) is { } problem)
            return problem;
        return TypedResults.Created($"/scenarios/{scenario.Id}", scenario);
    }

    public static async Task<Results<Created<Scenario>, NotFound, ValidationProblem, ProblemHttpResult>> CloneAsync(
        Guid id, CloneRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.Text("name", request.Name, 100);
        if (!validation.IsValid)
            return validation.Problem();
        var original = await ScenarioStore.FindAsync(dataSource, id, cancellationToken);
        if (original is null)
            return TypedResults.NotFound();
        var clone = original with { Id = Guid.CreateVersion7(), Name = name, ClonedFrom = original.Id };
        if (await InsertAsync(dataSource, clone, cancellationToken) is { } problem)
            return problem;
        return TypedResults.Created($"/scenarios/{clone.Id}", clone);
    }

    public static async Task<Results<Ok<Scenario>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ScenarioRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var existing = await ScenarioStore.FindAsync(dataSource, id, cancellationToken);
        if (existing is null)
            return TypedResults.NotFound();
        var scenario = Validate(request with { DistrictCode = existing.DistrictCode }, validation, id, existing.ClonedFrom);
        if (scenario is null || !await LeversHoldAsync(dataSource, scenario, validation, cancellationToken))
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        try
        {
            await ScenarioStore.UpdateAsync(connection, scenario, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return NameTaken();
        }
        return TypedResults.Ok(scenario);
    }

    private static Scenario? Validate(ScenarioRequest request, Validation validation, Guid id, Guid? clonedFrom)
    {
        var name = validation.Text("name", request.Name, 100);
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        var levers = (request.Levers ?? new ForecastRequest(null, null, null, null, null, null, null, null, null, null)) with
        {
            DistrictCode = null,
            BaseYear = null,
            Level = null,
        };
        ForecastPipeline.Settings(levers, validation, "levers.");
        return validation.IsValid ? new Scenario(id, district, name, clonedFrom, levers) : null;
    }

    private static async Task<bool> LeversHoldAsync(
        Database dataSource, Scenario scenario, Validation validation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await LeverRecords.CheckAsync(connection, scenario.DistrictCode, scenario.Levers, validation, cancellationToken);
        return validation.IsValid;
    }

    /// <returns>null when saved; otherwise why not (the name is taken, or the district is unknown).</returns>
    private static async Task<ProblemHttpResult?> InsertAsync(
        Database dataSource, Scenario scenario, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        try
        {
            await ScenarioStore.InsertAsync(connection, scenario, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return NameTaken();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return TypedResults.Problem(title: new UserText("该区不存在。", "The district is unknown.").ToString(),
                detail: new UserText($"{scenario.DistrictCode} 不是已知的区划代码（如红桥区为 120106）。",
                    $"{scenario.DistrictCode} is not a known district code (e.g. 120106 for 红桥区).").ToString(),
                statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = "districtCode" });
        }
        return null;
    }

    private static ProblemHttpResult NameTaken() =>
        TypedResults.Problem(title: PlanningTexts.NameTaken.ToString(),
            detail: new UserText("本区已有同名的方案。", "The district has a scenario by this name already.").ToString(),
            statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["field"] = "name" });
}
