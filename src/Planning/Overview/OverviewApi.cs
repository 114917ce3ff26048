using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;
using Platform.Planning.Areas;
using Platform.Planning.Forecasts;

namespace Platform.Planning.Overview;

/// <summary>
/// The city at a glance, for a user whose scope is the city: every district in their scope with each stage's tightest
/// year over the horizon, by the same capacity analysis and balance as the district's dashboard, or why it has none.
/// </summary>
public static class OverviewApi
{
    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/overview", OverviewAsync).WithTags("Overview")
            .Describe("全市学位概览", "Each district in the caller's scope: each stage's tightest year of places over the horizon.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<DistrictOutlook>>> OverviewAsync(
        [FromQuery, Bounds(1, 15)] int? horizon, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        List<District> districts;
        await using (var connection = await dataSource.OpenAuditedAsync(cancellationToken))
            districts = [.. (await AreaStore.DistrictsAsync(connection, cancellationToken)).Where(d => scope.Covers(d.Code))];
        var outlooks = new List<DistrictOutlook>();
        foreach (var district in districts)
        {
            var request = new ForecastRequest(district.Code, null, null, null, null, horizon ?? 5, null, null, null, null);
            var (capacity, problem) = await ForecastPipeline.CapacityAsync(request, dataSource, cancellationToken);
            outlooks.Add(capacity is null
                ? new DistrictOutlook(district.Code, district.Name, null, [], problem?.ProblemDetails.Title)
                : new DistrictOutlook(district.Code, district.Name, capacity.BaseYear, Tightest(capacity.Report.Rows), null));
        }
        return TypedResults.Ok<IReadOnlyList<DistrictOutlook>>(outlooks);
    }

    /// <summary>Each stage's year with the lowest balance (the first such year), and the zones short then.</summary>
    public static IReadOnlyList<StageOutlook> Tightest(IReadOnlyList<CapacityRow> rows) =>
        [.. SchoolStages.Codes.Where(stage => rows.Any(row => row.Stage == stage)).Select(stage =>
        {
            var (year, balance) = DistrictBalance.ByYear(rows, stage).MinBy(year => year.Balance);
            return new StageOutlook(stage, year, balance, rows.Count(row => row.Stage == stage && row.Year == year && row.Shortfall > 0));
        })];
}
