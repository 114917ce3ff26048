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
        // A fixed table of the downloads the pages link to, each to one route of one service. Route values are
        // typed and only named query values go on, encoded: nothing in the request chooses the host or the path.
        files.MapGet("/planning/plans/{id}/progress/export", (PlanId id, ServiceFiles export) =>
            export.GetAsync("planning", $"/plans/{id}/progress/export"));
        files.MapGet("/workforce/establishment/export", (DistrictCode districtCode, ServiceFiles export) =>
            export.GetAsync("workforce", "/establishment/export" + Query(("districtCode", districtCode))));
        files.MapGet("/workforce/training/status/export",
            (DistrictCode districtCode, Guid? schoolId, ServiceFiles export) => export.GetAsync("workforce",
                "/training/status/export" + Query(("districtCode", districtCode), ("schoolId", schoolId))));
        files.MapGet("/workforce/rotation/plans/{id:guid}/export", (Guid id, ServiceFiles export) =>
            export.GetAsync("workforce", $"/rotation/plans/{id}/export"));
        files.MapGet("/workforce/rounds/{id:guid}/export", (Guid id, ServiceFiles export) =>
            export.GetAsync("workforce", $"/rounds/{id}/export"));
        files.MapGet("/facilities/portfolio/export", (DistrictCode districtCode, ServiceFiles export) =>
            export.GetAsync("facilities", "/portfolio/export" + Query(("districtCode", districtCode))));
        files.MapGet("/facilities/portfolio/projects/export", (DistrictCode districtCode, ServiceFiles export) =>
            export.GetAsync("facilities", "/portfolio/projects/export" + Query(("districtCode", districtCode))));
        files.MapGet("/capacity", (DistrictCode districtCode, int? horizon, ServiceFiles export) =>
            export.PostToPlanningAsync("/forecasts/capacity/export",
                new { districtCode = districtCode.Value, horizon = horizon ?? 5 }));
        files.MapGet("/compare", (Guid[] ids, ServiceFiles export) =>
            export.PostToPlanningAsync("/scenarios/compare/export", new { scenarioIds = ids }));
        files.MapGet("/backtest", (DistrictCode districtCode, int? holdoutYears, ServiceFiles export) =>
            export.PostToPlanningAsync("/forecasts/backtest/export",
                new { districtCode = districtCode.Value, holdoutYears = holdoutYears ?? 3 }));
        signedIn.MapGet("/live/capacity", async (DistrictCode districtCode, string stage, int? horizon, ServiceApi api,
            CancellationToken cancellationToken) =>
        {
            var request = new { districtCode = districtCode.Value, horizon = horizon ?? 5 };
            var answer = await api.PostAsync<Planning.CapacityAnswer>("planning", "/forecasts/capacity", request,
                cancellationToken);
            return answer.Value is { } capacity
                ? Results.Ok(Planning.CapacityView.TrendOf(capacity, stage))
                : Results.StatusCode(answer.Status);
        });
    }

    /// <summary>The values given as an encoded query ("?districtCode=120106"); those not given are left out.</summary>
    private static string Query(params (string Name, object? Value)[] values) => QueryString.Create(values
        .Where(value => value.Value is not null)
        .Select(value => KeyValuePair.Create(value.Name, value.Value!.ToString()))).ToUriComponent();
}
