namespace Platform.Web.Api;

/// <summary>
/// Downloads for the signed-in user: a service's own xlsx exports (GET …/export), the capacity analysis as xlsx, and
/// the dashboard's chart data for the page to poll, so a change elsewhere shows without a reload.
/// </summary>
public static class FileEndpoints
{
    public static void MapExportEndpoints(this WebApplication app)
    {
        var files = app.MapGroup("").RequireAuthorization();
        files.MapGet("/files/{service}/{**path}", async (string service, string path, HttpContext context, ServiceApi api) =>
        {
            if (!ServiceApi.Services.Contains(service) || !path.EndsWith("export", StringComparison.Ordinal))
                return Results.NotFound();
            return await FileAsync(await api.SendAsync(service, new HttpRequestMessage(HttpMethod.Get, $"/{path}{context.Request.QueryString}"), context.RequestAborted));
        });
        // Planning's computed exports are POSTs with the request as body.
        files.MapGet("/files/capacity", (string districtCode, int? horizon, HttpContext context, ServiceApi api) =>
            PlanningFileAsync(api, "/forecasts/capacity/export", new { districtCode, horizon = horizon ?? 5 }, context.RequestAborted));
        files.MapGet("/files/compare", (Guid[] ids, HttpContext context, ServiceApi api) =>
            PlanningFileAsync(api, "/scenarios/compare/export", new { scenarioIds = ids }, context.RequestAborted));
        files.MapGet("/files/backtest", (string districtCode, int? holdoutYears, HttpContext context, ServiceApi api) =>
            PlanningFileAsync(api, "/forecasts/backtest/export", new { districtCode, holdoutYears = holdoutYears ?? 3 }, context.RequestAborted));
        files.MapGet("/live/capacity", async (string districtCode, string stage, int? horizon, ServiceApi api, CancellationToken cancellationToken) =>
        {
            var answer = await api.PostAsync<Planning.CapacityAnswer>("planning", "/forecasts/capacity", new { districtCode, horizon = horizon ?? 5 }, cancellationToken);
            return answer.Value is { } capacity ? Results.Ok(Planning.CapacityView.TrendOf(capacity, stage)) : Results.StatusCode(answer.Status);
        });
    }

    private static async Task<IResult> PlanningFileAsync(ServiceApi api, string path, object request, CancellationToken cancellationToken) =>
        await FileAsync(await api.SendAsync("planning", new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(request) }, cancellationToken));

    private static async Task<IResult> FileAsync(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                return Results.StatusCode((int)response.StatusCode);
            var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "export.xlsx";
            return Results.File(await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.ToString(), name.Trim('"'));
        }
    }
}
