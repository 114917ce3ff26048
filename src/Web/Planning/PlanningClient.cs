using System.Text.Json.Nodes;
using Platform.Contracts;
using Platform.Web.Api;

namespace Platform.Web.Planning;

/// <summary>
/// Planning as the UI calls it, as the signed-in user: the only place that knows its addresses. It answers the
/// service's own records (Platform.Contracts); where Planning's answer carries more (the forecast's settings), the
/// record of Contracts it derives from.
/// </summary>
public sealed class PlanningClient(ServiceApi api, ServiceFiles files)
{
    private const string Service = "planning";

    /// <summary>The districts in the user's scope.</summary>
    public Task<ApiAnswer<List<District>>> DistrictsAsync(CancellationToken cancellationToken) =>
        api.GetAsync<List<District>>(Service, "/districts", cancellationToken);

    /// <summary>Each district in the user's scope at a glance: each stage's tightest year over the horizon.</summary>
    public Task<ApiAnswer<List<DistrictOutlook>>> OverviewAsync(int horizon, CancellationToken cancellationToken) =>
        api.GetAsync<List<DistrictOutlook>>(Service, $"/overview?horizon={horizon}", cancellationToken);

    /// <summary>Demand against places by zone, stage and year, over the horizon.</summary>
    public Task<ApiAnswer<CapacitySummary>> CapacityAsync(string districtCode, int horizon, CancellationToken cancellationToken) =>
        api.PostAsync<CapacitySummary>(Service, "/forecasts/capacity", new { districtCode, horizon }, cancellationToken);

    /// <summary>How each method would have forecast the years held out, against what happened.</summary>
    public Task<ApiAnswer<List<BackTestRanking>>> BackTestAsync(
        string districtCode, int holdoutYears, CancellationToken cancellationToken) =>
        api.PostAsync<List<BackTestRanking>>(Service, "/forecasts/backtest", new { districtCode, holdoutYears }, cancellationToken);

    public Task<ApiAnswer<List<IndicatorPlan>>> PlansAsync(CancellationToken cancellationToken) =>
        api.GetAsync<List<IndicatorPlan>>(Service, "/plans", cancellationToken);

    public Task<ApiAnswer<PlanProgress>> ProgressAsync(string planId, CancellationToken cancellationToken) =>
        api.GetAsync<PlanProgress>(Service, $"/plans/{Uri.EscapeDataString(planId)}/progress", cancellationToken);

    public Task<ApiAnswer<List<Named>>> ScenariosAsync(string districtCode, CancellationToken cancellationToken) =>
        api.GetAsync<List<Named>>(Service, $"/scenarios?districtCode={Uri.EscapeDataString(districtCode)}", cancellationToken);

    public Task<ApiAnswer<List<ScenarioComparison>>> CompareAsync(
        IReadOnlyCollection<Guid> scenarioIds, CancellationToken cancellationToken) =>
        api.PostAsync<List<ScenarioComparison>>(Service, "/scenarios/compare", new { scenarioIds }, cancellationToken);

    public Task<ApiAnswer<StoredScenario<JsonObject>>> ScenarioAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<StoredScenario<JsonObject>>(Service, $"/scenarios/{id}", cancellationToken);

    /// <summary>Saves a scenario: over the stored one when <paramref name="id"/> is given, else as a new one.</summary>
    public Task<ApiAnswer<StoredScenario<JsonObject>>> SaveScenarioAsync(
        Guid? id, string? districtCode, string? name, JsonObject levers, CancellationToken cancellationToken)
    {
        var body = new { districtCode, name, levers };
        return id is { } stored
            ? api.PutAsync<StoredScenario<JsonObject>>(Service, $"/scenarios/{stored}", body, cancellationToken)
            : api.PostAsync<StoredScenario<JsonObject>>(Service, "/scenarios", body, cancellationToken);
    }

    /// <summary>What adopting the scenario would publish: each zone and stage short, from when and by how much.</summary>
    public Task<ApiAnswer<AdoptionPreview>> PreviewAdoptionAsync(Guid id, CancellationToken cancellationToken) =>
        api.PostAsync<AdoptionPreview>(Service, $"/scenarios/{id}/adopt/preview", new { }, cancellationToken);

    /// <summary>The district's official forecast; no value while none was adopted.</summary>
    public Task<ApiAnswer<OfficialForecast>> OfficialForecastAsync(string districtCode, CancellationToken cancellationToken) =>
        api.GetAsync<OfficialForecast>(Service, $"/official-forecast?districtCode={Uri.EscapeDataString(districtCode)}",
            cancellationToken);

    /// <summary>Publishes the scenario's demand as the district's forecast and announces its shortfalls.</summary>
    public Task<ApiAnswer<AdoptionResult>> AdoptAsync(Guid id, CancellationToken cancellationToken) =>
        api.PostAsync<AdoptionResult>(Service, $"/scenarios/{id}/adopt", new { }, cancellationToken);

    public Task<ApiAnswer<List<Named>>> SchoolsAsync(string districtCode, CancellationToken cancellationToken) =>
        api.GetAsync<List<Named>>(Service, $"/schools?districtCode={Uri.EscapeDataString(districtCode)}", cancellationToken);

    public Task<ApiAnswer<List<Named>>> ZonesAsync(string districtCode, CancellationToken cancellationToken) =>
        api.GetAsync<List<Named>>(Service, $"/districts/{Uri.EscapeDataString(districtCode)}/zones", cancellationToken);

    /// <summary>The districts that hold demonstration data.</summary>
    public async Task<List<string>> SampleDistrictsAsync(CancellationToken cancellationToken) =>
        [.. ((await api.GetAsync<List<SampleDistrict>>(Service, "/sample-data", cancellationToken)).Value ?? [])
            .Select(district => district.DistrictCode)];

    /// <summary>The plan's indicators and their progress, as Planning's xlsx.</summary>
    public Task<IResult> ProgressSheetAsync(string planId) =>
        files.GetAsync(Service, $"/plans/{Uri.EscapeDataString(planId)}/progress/export");

    public Task<IResult> CapacitySheetAsync(string districtCode, int horizon) =>
        files.PostAsync(Service, "/forecasts/capacity/export", new { districtCode, horizon });

    public Task<IResult> ComparisonSheetAsync(Guid[] scenarioIds) =>
        files.PostAsync(Service, "/scenarios/compare/export", new { scenarioIds });

    public Task<IResult> BackTestSheetAsync(string districtCode, int holdoutYears) =>
        files.PostAsync(Service, "/forecasts/backtest/export", new { districtCode, holdoutYears });
}
