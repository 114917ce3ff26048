using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Planning.Scenarios.Steps;

/// <summary>
/// Adopts the scenario's forecast as the district's official one: records it and, in the same transaction, writes
/// PlaceDemandForecastPublished and a PlaceShortfallDetected for each shortfall that is new or changed by a class.
/// </summary>
internal static class AdoptScenario
{
    public static async Task<Results<Ok<AdoptionResult>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, SignedInUser user, Database dataSource, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (await ScenarioCapacity.RunAsync(id, dataSource, cancellationToken) is not var (scenario, result, problem))
            return TypedResults.NotFound();
        if (result is null)
            return problem!;

        var forecastId = Guid.CreateVersion7();
        var demand = result.Report.Rows
            .Select(r => new ZoneStageDemand(Guid.Parse(r.Zone), r.Stage, r.Year, Math.Round(r.Demand, 1))).ToList();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var publishedAt = await ScenarioStore.InsertOfficialForecastAsync(
            transaction, forecastId, scenario, result.BaseYear, demand, user.DisplayName, cancellationToken);
        await transaction.EnqueueAsync(new PlaceDemandForecastPublished(forecastId, scenario.DistrictCode, scenario.Id,
            scenario.Name, result.BaseYear, new DateTimeOffset(publishedAt, TimeSpan.Zero), demand), cancellationToken);

        var announced = await ScenarioStore.AnnouncedShortfallsAsync(connection, scenario.DistrictCode, cancellationToken);
        var threshold = Threshold(configuration);
        var shortfalls = Publishing.ShortfallsToAnnounce(
            forecastId, scenario.DistrictCode, result.Report, threshold, announced, result.Names);
        foreach (var shortfall in shortfalls)
        {
            await ScenarioStore.AnnounceShortfallAsync(transaction, shortfall, cancellationToken);
            await transaction.EnqueueAsync(shortfall, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        var published = Publishing.Summaries(result.Report, threshold, shortfalls, result.Names).Where(s => s.Announced).ToList();
        return TypedResults.Ok(new AdoptionResult(forecastId, result.BaseYear, demand.Count, shortfalls.Count,
            result.Report.Rows.Count(r => r.Shortfall >= threshold) - shortfalls.Count, published));
    }

    /// <summary>
    /// What adopting would publish, computed and stored nowhere: every zone and stage the forecast leaves short, from
    /// when and by how much, marked when it would be announced. The planner reads it before confirming.
    /// </summary>
    public static async Task<Results<Ok<AdoptionPreview>, NotFound, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        Guid id, Database dataSource, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (await ScenarioCapacity.RunAsync(id, dataSource, cancellationToken) is not var (scenario, result, problem))
            return TypedResults.NotFound();
        if (result is null)
            return problem!;
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var announced = await ScenarioStore.AnnouncedShortfallsAsync(connection, scenario.DistrictCode, cancellationToken);
        var threshold = Threshold(configuration);
        var toAnnounce = Publishing.ShortfallsToAnnounce(Guid.Empty, scenario.DistrictCode, result.Report, threshold, announced);
        return TypedResults.Ok(new AdoptionPreview(scenario.Id, scenario.Name, result.BaseYear,
            Publishing.Summaries(result.Report, threshold, toAnnounce, result.Names)));
    }

    private static double Threshold(IConfiguration configuration) =>
        configuration.GetValue("Publishing:ShortfallThresholdPlaces", 45.0);
}
