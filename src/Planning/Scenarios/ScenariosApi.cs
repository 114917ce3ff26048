using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Planning.Forecasting;
using Platform.Planning.Forecasts;
using Platform.Planning.Schools;

namespace Platform.Planning.Scenarios;

public sealed record ScenarioRequest(string? DistrictCode, string? Name, ForecastRequest? Levers);

public sealed record CloneRequest(string? Name);

public sealed record Scenario(Guid Id, string DistrictCode, string Name, Guid? ClonedFrom, ForecastRequest Levers);

public sealed record CompareRequest(Guid[]? ScenarioIds);

/// <summary>What adopting a scenario published: the demand rows, and the shortfalls announced or left as announced before.</summary>
public sealed record AdoptionResult(Guid ForecastId, int BaseYear, int DemandRows, int ShortfallsAnnounced, int ShortfallsUnchanged);

/// <summary>Totals over a district's zones for one stage and year, as scenarios are compared.</summary>
public sealed record StageYearTotal(string Stage, int Year, double Demand, int Capacity, double Shortfall, double Surplus);

public sealed record ScenarioComparison(Guid Id, string Name, IReadOnlyList<StageYearTotal> Totals, IReadOnlyDictionary<WarningKind, int> Warnings);

/// <summary>Named scenarios of a district: saved forecast levers that can be cloned, changed, run and compared side by side.</summary>
public static class ScenariosApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Row(Guid Id, string DistrictCode, string Name, Guid? ClonedFrom, string Levers);

    private static readonly XlsxSheet<IReadOnlyList<ScenarioComparison>> ComparisonSheet = new("方案比较", "scenarios.xlsx",
        ["方案", "学段", "学年", "需求", "学位", "缺口学位", "富余学位"],
        comparisons => comparisons.SelectMany(c => c.Totals.Select(t => (IReadOnlyList<object?>)[
            c.Name, Stage.All[t.Stage].ChineseName, t.Year, Math.Round(t.Demand, 1), t.Capacity, Math.Round(t.Shortfall, 1), Math.Round(t.Surplus, 1)])));

    public static IEndpointRouteBuilder MapScenariosApi(this IEndpointRouteBuilder app)
    {
        var scenarios = app.MapGroup("/scenarios").WithTags("Scenarios");
        scenarios.MapPost("/", CreateAsync);
        scenarios.MapGet("/", ListAsync);
        scenarios.MapGet("/{id:guid}", GetAsync);
        scenarios.MapPut("/{id:guid}", UpdateAsync);
        scenarios.MapPost("/{id:guid}/clone", CloneAsync);
        scenarios.MapPost("/{id:guid}/capacity", CapacityAsync).ComputesOnly();
        scenarios.MapPost("/compare", async (CompareRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken) =>
            Answer.Json(await CompareAsync(request, scope, dataSource, cancellationToken))).ComputesOnly();
        scenarios.MapPost("/compare/export", async (CompareRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken) =>
            Answer.Xlsx(await CompareAsync(request, scope, dataSource, cancellationToken), ComparisonSheet)).ComputesOnly();
        scenarios.MapPost("/{id:guid}/adopt", AdoptAsync);
        return app;
    }

    private static async Task<Results<Created<Scenario>, ValidationProblem, ProblemHttpResult>> CreateAsync(
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

    private static async Task<Results<Created<Scenario>, NotFound, ValidationProblem, ProblemHttpResult>> CloneAsync(
        Guid id, CloneRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.Text("name", request.Name, 100);
        if (!validation.IsValid)
            return validation.Problem();
        var original = await FindAsync(dataSource, id, cancellationToken);
        if (original is null)
            return TypedResults.NotFound();
        var clone = original with { Id = Guid.CreateVersion7(), Name = name, ClonedFrom = original.Id };
        if (await InsertAsync(dataSource, clone, cancellationToken) is { } problem)
            return problem;
        return TypedResults.Created($"/scenarios/{clone.Id}", clone);
    }

    private static async Task<Results<Ok<Scenario>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ScenarioRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var existing = await FindAsync(dataSource, id, cancellationToken);
        if (existing is null)
            return TypedResults.NotFound();
        var scenario = Validate(request with { DistrictCode = existing.DistrictCode }, validation, id, existing.ClonedFrom);
        if (scenario is null || !await LeversHoldAsync(dataSource, scenario, validation, cancellationToken))
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE scenarios SET name = @Name, levers = @levers::jsonb, updated_at = now() WHERE id = @Id",
                new { scenario.Id, scenario.Name, levers = JsonSerializer.Serialize(scenario.Levers, Json) }, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return NameTaken();
        }
        return TypedResults.Ok(scenario);
    }

    private static async Task<Results<Ok<Scenario>, NotFound>> GetAsync(Guid id, Database dataSource, CancellationToken cancellationToken) =>
        await FindAsync(dataSource, id, cancellationToken) is { } scenario ? TypedResults.Ok(scenario) : TypedResults.NotFound();

    private static async Task<Ok<List<Scenario>>> ListAsync(string? districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, district_code AS DistrictCode, name, cloned_from AS ClonedFrom, levers::text AS Levers
            FROM scenarios WHERE @districtCode::text IS NULL OR district_code = @districtCode ORDER BY district_code, name
            """, new { districtCode }, cancellationToken: cancellationToken));
        return TypedResults.Ok(rows.Select(ToScenario).ToList());
    }

    /// <summary>The scenario's capacity analysis: its forecast against the places its levers leave.</summary>
    private static async Task<Results<Ok<CapacityResult>, NotFound, ValidationProblem, ProblemHttpResult>> CapacityAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        var scenario = await FindAsync(dataSource, id, cancellationToken);
        if (scenario is null)
            return TypedResults.NotFound();
        var (result, problem) = await ForecastPipeline.CapacityAsync(scenario.Levers with { DistrictCode = scenario.DistrictCode }, dataSource, cancellationToken);
        if (result is null)
            return problem!;
        return TypedResults.Ok(result);
    }

    /// <summary>
    /// Adopts the scenario's forecast as the district's official one: records it and, in the same transaction, writes
    /// PlaceDemandForecastPublished and a PlaceShortfallDetected for each shortfall that is new or changed by a class.
    /// </summary>
    private static async Task<Results<Ok<AdoptionResult>, NotFound, ValidationProblem, ProblemHttpResult>> AdoptAsync(
        Guid id, Database dataSource, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var scenario = await FindAsync(dataSource, id, cancellationToken);
        if (scenario is null)
            return TypedResults.NotFound();
        var (result, problem) = await ForecastPipeline.CapacityAsync(scenario.Levers with { DistrictCode = scenario.DistrictCode }, dataSource, cancellationToken);
        if (result is null)
            return problem!;

        var forecastId = Guid.CreateVersion7();
        var demand = result.Report.Rows.Select(r => new ZoneStageDemand(Guid.Parse(r.Zone), r.Stage, r.Year, Math.Round(r.Demand, 1))).ToList();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var publishedAt = await connection.ExecuteScalarAsync<DateTime>(new CommandDefinition("""
            INSERT INTO official_forecasts (id, district_code, scenario_id, base_year, demand) VALUES (@forecastId, @DistrictCode, @Id, @baseYear, @demand::jsonb)
            RETURNING published_at
            """, new { forecastId, scenario.DistrictCode, scenario.Id, baseYear = result.BaseYear, demand = JsonSerializer.Serialize(demand, Json) },
            transaction, cancellationToken: cancellationToken));
        await transaction.EnqueueAsync(new PlaceDemandForecastPublished(
            forecastId, scenario.DistrictCode, scenario.Id, scenario.Name, result.BaseYear, new DateTimeOffset(publishedAt, TimeSpan.Zero), demand), cancellationToken);

        var announced = (await connection.QueryAsync<(Guid Zone, string Stage, int Year, int Classes)>(new CommandDefinition(
                "SELECT p.zone_id, p.stage, p.year, p.classes FROM published_shortfalls p JOIN zones z ON z.id = p.zone_id WHERE z.district_code = @DistrictCode",
                scenario, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(a => (a.Zone, a.Stage, a.Year), a => a.Classes);
        var threshold = configuration.GetValue("Publishing:ShortfallThresholdPlaces", 45.0);
        var shortfalls = Publishing.ShortfallsToAnnounce(forecastId, scenario.DistrictCode, result.Report, threshold, announced);
        foreach (var shortfall in shortfalls)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO published_shortfalls (zone_id, stage, year, places, classes, forecast_id)
                VALUES (@ZoneId, @Stage, @Year, @ShortfallPlaces, @ShortfallClasses, @ForecastId)
                ON CONFLICT (zone_id, stage, year) DO UPDATE
                    SET places = excluded.places, classes = excluded.classes, forecast_id = excluded.forecast_id, published_at = now()
                """, shortfall, transaction, cancellationToken: cancellationToken));
            await transaction.EnqueueAsync(shortfall, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new AdoptionResult(forecastId, result.BaseYear, demand.Count, shortfalls.Count,
            result.Report.Rows.Count(r => r.Shortfall >= threshold) - shortfalls.Count));
    }

    /// <summary>Two to six scenarios side by side: demand, places, shortfall and surplus per stage and year, and their warnings.</summary>
    private static async Task<(IReadOnlyList<ScenarioComparison>? Comparisons, ProblemHttpResult? Problem)> CompareAsync(
        CompareRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.ScenarioIds is not { Length: >= 2 and <= 6 })
            validation.Add("scenarioIds", "must list 2 to 6 scenarios.");
        if (!validation.IsValid)
            return (null, validation.AsProblem());

        var comparisons = new List<ScenarioComparison>();
        foreach (var id in request.ScenarioIds!.Distinct())
        {
            var scenario = await FindAsync(dataSource, id, cancellationToken);
            if (scenario is null || !scope.Covers(scenario.DistrictCode))
            {
                validation.Add("scenarioIds", $"{id} is not a scenario.");
                return (null, validation.AsProblem());
            }
            var (result, problem) = await ForecastPipeline.CapacityAsync(scenario.Levers with { DistrictCode = scenario.DistrictCode }, dataSource, cancellationToken);
            if (result is null)
                return (null, problem);
            comparisons.Add(new ScenarioComparison(scenario.Id, scenario.Name,
                result.Report.Rows.GroupBy(r => (r.Stage, r.Year)).OrderBy(g => g.Key.Stage, StringComparer.Ordinal).ThenBy(g => g.Key.Year)
                    .Select(g => new StageYearTotal(g.Key.Stage, g.Key.Year, g.Sum(r => r.Demand), g.Sum(r => r.Capacity), g.Sum(r => r.Shortfall), g.Sum(r => r.Surplus)))
                    .ToList(),
                Enum.GetValues<WarningKind>().ToDictionary(kind => kind, kind => result.Report.Warnings.Count(w => w.Kind == kind))));
        }
        return (comparisons, null);
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

    private static async Task<bool> LeversHoldAsync(Database dataSource, Scenario scenario, Validation validation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await LeverRecords.CheckAsync(connection, scenario.DistrictCode, scenario.Levers, validation, cancellationToken);
        return validation.IsValid;
    }

    /// <returns>null when saved; otherwise why not (the name is taken, or the district is unknown).</returns>
    private static async Task<ProblemHttpResult?> InsertAsync(Database dataSource, Scenario scenario, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO scenarios (id, district_code, name, cloned_from, levers) VALUES (@Id, @DistrictCode, @Name, @ClonedFrom, @levers::jsonb)
                """, new { scenario.Id, scenario.DistrictCode, scenario.Name, scenario.ClonedFrom, levers = JsonSerializer.Serialize(scenario.Levers, Json) },
                cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return NameTaken();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return TypedResults.Problem(title: "The district is unknown.", detail: $"{scenario.DistrictCode} is not a known district code (e.g. 120106 for 红桥区).",
                statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["field"] = "districtCode" });
        }
        return null;
    }

    private static async Task<Scenario?> FindAsync(Database dataSource, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT id, district_code AS DistrictCode, name, cloned_from AS ClonedFrom, levers::text AS Levers FROM scenarios WHERE id = @id",
            new { id }, cancellationToken: cancellationToken));
        return row is null ? null : ToScenario(row);
    }

    private static Scenario ToScenario(Row row) =>
        new(row.Id, row.DistrictCode, row.Name, row.ClonedFrom, JsonSerializer.Deserialize<ForecastRequest>(row.Levers, Json)!);

    private static ProblemHttpResult NameTaken() =>
        TypedResults.Problem(title: "The name is taken.", detail: "The district has a scenario by this name already.",
            statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["field"] = "name" });
}
