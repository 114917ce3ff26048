using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.Planning.Forecasts;

namespace Platform.Planning.Scenarios;

/// <summary>A scenario's capacity analysis: its forecast against the places its levers leave.</summary>
internal static class ScenarioCapacity
{
    /// <returns>null for an unknown scenario; otherwise the scenario with its analysis, or why it could not run.</returns>
    public static async Task<(Scenario Scenario, CapacityResult? Result, ProblemHttpResult? Problem)?> RunAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        if (await ScenarioStore.FindAsync(dataSource, id, cancellationToken) is not { } scenario)
            return null;
        var (result, problem) = await ForecastPipeline.CapacityAsync(
            scenario.Levers with { DistrictCode = scenario.DistrictCode }, dataSource, cancellationToken);
        return (scenario, result, problem);
    }
}
