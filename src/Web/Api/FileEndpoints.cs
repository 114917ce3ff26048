using Platform.Web.Facilities;
using Platform.Web.Planning;
using Platform.Web.Workforce;

namespace Platform.Web.Api;

/// <summary>
/// Downloads for the signed-in user: a service's own xlsx exports (GET …/export), the capacity analysis as xlsx, and
/// the dashboard's chart data for the page to poll, so a change elsewhere shows without a reload.
/// </summary>
public static class FileEndpoints
{
    public static void MapExportEndpoints(this WebApplication app)
    {
        var signedIn = app.MapGroup("").RequireAuthorization();
        var files = signedIn.MapGroup("/files");
        // A fixed table of the downloads the pages link to, each to one export of a typed client. Route values are
        // typed and only named query values go on: nothing in the request chooses the host or the path.
        files.MapGet("/planning/plans/{id}/progress/export", (PlanId id, PlanningClient planning) =>
            planning.ProgressSheetAsync(id.Value));
        files.MapGet("/workforce/establishment/export", (DistrictCode districtCode, WorkforceClient workforce) =>
            workforce.EstablishmentSheetAsync(districtCode.Value));
        files.MapGet("/workforce/training/status/export", (DistrictCode districtCode, Guid? schoolId, WorkforceClient workforce) =>
            workforce.TrainingSheetAsync(districtCode.Value, schoolId));
        files.MapGet("/workforce/rotation/plans/{id:guid}/export", (Guid id, WorkforceClient workforce) =>
            workforce.RotationPlanSheetAsync(id));
        files.MapGet("/workforce/rounds/{id:guid}/export", (Guid id, WorkforceClient workforce) =>
            workforce.RoundSheetAsync(id));
        files.MapGet("/facilities/portfolio/export", (DistrictCode districtCode, FacilitiesClient facilities) =>
            facilities.ArrivingSheetAsync(districtCode.Value));
        files.MapGet("/facilities/portfolio/projects/export", (DistrictCode districtCode, FacilitiesClient facilities) =>
            facilities.ProjectsSheetAsync(districtCode.Value));
        files.MapGet("/capacity", (DistrictCode districtCode, int? horizon, PlanningClient planning) =>
            planning.CapacitySheetAsync(districtCode.Value, horizon ?? 5));
        files.MapGet("/compare", (Guid[] ids, PlanningClient planning) => planning.ComparisonSheetAsync(ids));
        files.MapGet("/backtest", (DistrictCode districtCode, int? holdoutYears, PlanningClient planning) =>
            planning.BackTestSheetAsync(districtCode.Value, holdoutYears ?? 3));
        signedIn.MapGet("/live/capacity", LiveCapacityAsync);
    }

    /// <summary>One stage's capacity trend, for the dashboard's chart to poll.</summary>
    private static async Task<IResult> LiveCapacityAsync(DistrictCode districtCode, string stage, int? horizon,
        PlanningClient planning, CancellationToken cancellationToken)
    {
        var answer = await planning.CapacityAsync(districtCode.Value, horizon ?? 5, cancellationToken);
        return answer.Value is { } capacity
            ? Results.Ok(CapacityView.TrendOf(capacity, stage))
            : Results.StatusCode(answer.Status);
    }
}
