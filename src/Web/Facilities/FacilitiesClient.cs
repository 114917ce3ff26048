using Platform.BuildingBlocks.Schools;
using Platform.Contracts;
using Platform.Web.Api;

namespace Platform.Web.Facilities;

/// <summary>
/// Facilities as the UI calls it, as the signed-in user: the only place that knows its addresses. It answers the
/// service's own records (Platform.Contracts); a change answers null, or the service's problem in words to show.
/// </summary>
public sealed class FacilitiesClient(ServiceApi api, ServiceFiles files)
{
    private const string Service = "facilities";

    public Task<ApiAnswer<PortfolioView>> PortfolioAsync(string districtCode, CancellationToken cancellationToken) =>
        api.GetAsync<PortfolioView>(Service, $"/portfolio?districtCode={Uri.EscapeDataString(districtCode)}", cancellationToken);

    /// <summary>The projects of the districts in the user's scope, newest first.</summary>
    public Task<ApiAnswer<List<Project>>> ProjectsAsync(CancellationToken cancellationToken) =>
        api.GetAsync<List<Project>>(Service, "/projects", cancellationToken);

    public Task<ApiAnswer<Project>> ProjectAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<Project>(Service, $"/projects/{id}", cancellationToken);

    public Task<ApiAnswer<ScheduleView>> ScheduleAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<ScheduleView>(Service, $"/projects/{id}/schedule", cancellationToken);

    /// <summary>The schools a proposal may be built at, as Facilities decides.</summary>
    public Task<ApiAnswer<List<KnownSchool>>> ChoosableSchoolsAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<List<KnownSchool>>(Service, $"/projects/{id}/schools", cancellationToken);

    public Task<string?> ChooseSchoolAsync(Guid id, Guid? schoolId, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Put, $"/projects/{id}/school", new { schoolId }, cancellationToken);

    /// <summary>立项 today on its document.</summary>
    public Task<string?> ApproveAsync(Guid id, string? documentReference, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/projects/{id}/approve", new { documentReference }, cancellationToken);

    /// <summary>Plans the gates' dates; the first plan of a gate stays its baseline.</summary>
    public Task<string?> PlanAsync(Guid id, IReadOnlyDictionary<string, DateOnly> milestones, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Put, $"/projects/{id}/plan", new { milestones }, cancellationToken);

    public Task<string?> RecordEstimateAsync(
        Guid id, string? kind, decimal? amount, DateOnly? date, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/projects/{id}/estimates", new { kind, amount, date }, cancellationToken);

    /// <summary>Earned value on today's status (万元).</summary>
    public Task<string?> RecordEarnedValueAsync(Guid id, decimal? plannedValue, decimal? earnedValue, decimal? actualCost,
        CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Put, $"/projects/{id}/earned-value",
            new { plannedValue, earnedValue, actualCost }, cancellationToken);

    /// <summary>A gate passed on a date, on its document; the service checks the order of the gates.</summary>
    public Task<string?> PassGateAsync(
        Guid id, string? gate, DateOnly? date, string? documentReference, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/projects/{id}/gates", new { gate, date, documentReference }, cancellationToken);

    /// <summary>Places arriving per year, as Facilities' xlsx.</summary>
    public Task<IResult> ArrivingSheetAsync(string districtCode) =>
        files.GetAsync(Service, $"/portfolio/export?districtCode={Uri.EscapeDataString(districtCode)}");

    /// <summary>The portfolio's projects with their milestones, as Facilities' xlsx.</summary>
    public Task<IResult> ProjectsSheetAsync(string districtCode) =>
        files.GetAsync(Service, $"/portfolio/projects/export?districtCode={Uri.EscapeDataString(districtCode)}");
}
