using Platform.BuildingBlocks.Schools;
using Platform.Contracts;
using Platform.Web.Api;

namespace Platform.Web.Workforce;

/// <summary>
/// Workforce as the UI calls it, as the signed-in user: the only place that knows its addresses. It answers the
/// service's own records (Platform.Contracts); a change answers null, or the service's problem in words to show.
/// </summary>
public sealed class WorkforceClient(ServiceApi api, ServiceFiles files)
{
    private const string Service = "workforce";

    /// <summary>The schools Workforce knows, in the user's districts.</summary>
    public Task<ApiAnswer<List<KnownSchool>>> SchoolsAsync(CancellationToken cancellationToken) =>
        api.GetAsync<List<KnownSchool>>(Service, "/schools", cancellationToken);

    public Task<ApiAnswer<List<TeacherView>>> TeachersAsync(string districtCode, CancellationToken cancellationToken) =>
        api.GetAsync<List<TeacherView>>(Service, $"/teachers?districtCode={Escape(districtCode)}", cancellationToken);

    public Task<ApiAnswer<List<TeacherView>>> TeachersOfSchoolAsync(Guid schoolId, CancellationToken cancellationToken) =>
        api.GetAsync<List<TeacherView>>(Service, $"/teachers?schoolId={schoolId}", cancellationToken);

    /// <summary>A teacher with their postings, oldest first.</summary>
    public Task<ApiAnswer<TeacherDetail>> TeacherAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<TeacherDetail>(Service, $"/teachers/{id}", cancellationToken);

    /// <summary>Corrects one posting (its school and first day) for a reason; the service keeps the history whole.</summary>
    public Task<string?> CorrectPostingAsync(
        Guid id, DateOnly? fromDate, Guid? schoolId, DateOnly? newFromDate, string? reason, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/teachers/{id}/postings/correct",
            new { fromDate, schoolId, newFromDate, reason }, cancellationToken);

    /// <summary>Each school's required teachers, approved posts and 在编 teachers, and the district's.</summary>
    public Task<ApiAnswer<DistrictEstablishment>> EstablishmentAsync(string districtCode, CancellationToken cancellationToken) =>
        api.GetAsync<DistrictEstablishment>(Service, $"/establishment?districtCode={Escape(districtCode)}", cancellationToken);

    /// <summary>Each school's teachers done, on track, behind and unable to finish their training hours.</summary>
    public Task<ApiAnswer<List<SchoolTraining>>> TrainingSchoolsAsync(string districtCode, CancellationToken cancellationToken) =>
        api.GetAsync<List<SchoolTraining>>(Service, $"/training/schools?districtCode={Escape(districtCode)}", cancellationToken);

    /// <summary>The teachers of the district, or of one school in it, who can no longer finish a rule in time.</summary>
    public Task<ApiAnswer<List<TeacherTraining>>> TrainingAlertsAsync(
        string districtCode, Guid? schoolId, CancellationToken cancellationToken) =>
        api.GetAsync<List<TeacherTraining>>(Service,
            $"/training/alerts?districtCode={Escape(districtCode)}" + (schoolId is null ? "" : $"&schoolId={schoolId}"),
            cancellationToken);

    /// <summary>The 区管校聘 rounds of a district, newest term first.</summary>
    public Task<ApiAnswer<List<RoundLine>>> RoundsAsync(string districtCode, CancellationToken cancellationToken) =>
        api.GetAsync<List<RoundLine>>(Service, $"/rounds?districtCode={Escape(districtCode)}", cancellationToken);

    public Task<ApiAnswer<RoundView>> RoundAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<RoundView>(Service, $"/rounds/{id}", cancellationToken);

    /// <summary>Opens a round for a term: every 在编 teacher of the district is a candidate.</summary>
    public Task<ApiAnswer<RoundView>> OpenRoundAsync(
        string? districtCode, DateOnly? termFrom, DateOnly? termTo, CancellationToken cancellationToken) =>
        api.PostAsync<RoundView>(Service, "/rounds", new { districtCode, termFrom, termTo }, cancellationToken);

    /// <summary>A school's posts in a subject, held to its approved posts.</summary>
    public Task<string?> SetPostsAsync(Guid id, Guid? schoolId, string subject, int posts, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Put, $"/rounds/{id}/posts",
            new { schoolId, posts = new Dictionary<string, int> { [subject] = posts } }, cancellationToken);

    /// <summary>A school appoints teachers; the service holds each choice to the stage's rule and the open posts.</summary>
    public Task<string?> ChooseAsync(Guid id, Guid schoolId, IReadOnlyList<Guid> teacherIds, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rounds/{id}/choices", new { schoolId, teacherIds }, cancellationToken);

    /// <summary>The schools a teacher asks for in 跨校竞聘, in order.</summary>
    public Task<string?> PreferAsync(Guid id, Guid? teacherId, IReadOnlyList<Guid> schoolIds, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rounds/{id}/preferences", new { teacherId, schoolIds }, cancellationToken);

    /// <summary>组织调剂 by hand: one teacher placed at a school with an open post.</summary>
    public Task<string?> PlaceAsync(Guid id, Guid? teacherId, Guid? schoolId, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rounds/{id}/placements", new { teacherId, schoolId }, cancellationToken);

    /// <summary>组织调剂 for every teacher still unplaced: by preference, then by open posts.</summary>
    public Task<string?> AutoPlaceAsync(Guid id, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rounds/{id}/placements/auto", new { }, cancellationToken);

    /// <summary>One teacher left without a post goes to 待岗培训 ("training") or 转岗 ("reassignment").</summary>
    public Task<string?> SendUnplacedAsync(Guid id, Guid? teacherId, string outcome, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rounds/{id}/unplaced", new { teacherId, outcome }, cancellationToken);

    /// <summary>Everyone still neither placed nor sent on goes to <paramref name="outcome"/>, in one change.</summary>
    public Task<string?> SendRestAsync(Guid id, string outcome, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rounds/{id}/unplaced/rest", new { outcome }, cancellationToken);

    /// <summary>Moves the round on from the stage the user saw; a round moved on meanwhile is a conflict.</summary>
    public Task<string?> AdvanceAsync(Guid id, RoundStage from, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rounds/{id}/advance?from={from.Code()}", new { }, cancellationToken);

    /// <summary>The 交流轮岗 plans of a district, newest first.</summary>
    public Task<ApiAnswer<List<PlanLine>>> PlansAsync(string districtCode, CancellationToken cancellationToken) =>
        api.GetAsync<List<PlanLine>>(Service, $"/rotation/plans?districtCode={Escape(districtCode)}", cancellationToken);

    public Task<ApiAnswer<PlanView>> PlanAsync(Guid id, CancellationToken cancellationToken) =>
        api.GetAsync<PlanView>(Service, $"/rotation/plans/{id}", cancellationToken);

    /// <summary>A draft plan for a year, generated from the district's teachers and schools under Tianjin's policy.</summary>
    public Task<ApiAnswer<PlanView>> GeneratePlanAsync(string? districtCode, int? year, CancellationToken cancellationToken) =>
        api.PostAsync<PlanView>(Service, "/rotation/plans", new { districtCode, year }, cancellationToken);

    /// <summary>
    /// Moves a plan a step (submit, return, approve, start, complete); completing it returns every teacher home but
    /// those <paramref name="staying"/> (留任).
    /// </summary>
    public Task<string?> StepPlanAsync(
        Guid id, string step, IEnumerable<Guid> staying, string? note, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rotation/plans/{id}/{Escape(step)}",
            new { outcomes = staying.ToDictionary(teacherId => teacherId, _ => RotationOutcome.Stayed.Code()), note }, cancellationToken);

    /// <summary>Adds a teacher to a draft plan, sent to a school; the service checks the rules and quotas.</summary>
    public Task<string?> AddAssignmentAsync(Guid id, Guid? teacherId, Guid? toSchoolId, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rotation/plans/{id}/assignments", new { teacherId, toSchoolId }, cancellationToken);

    public Task<string?> RemoveAssignmentAsync(Guid id, Guid teacherId, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Delete, $"/rotation/plans/{id}/assignments/{teacherId}", null, cancellationToken);

    /// <summary>Extends a teacher's term while the plan is in effect; six school years at most in all.</summary>
    public Task<string?> ExtendAssignmentAsync(Guid id, Guid teacherId, int years, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rotation/plans/{id}/assignments/{teacherId}/extend", new { years },
            cancellationToken);

    /// <summary>A teacher goes home before the end of their term, from a day and for a reason.</summary>
    public Task<string?> ReturnEarlyAsync(Guid id, Guid? teacherId, DateOnly? on, string? reason, CancellationToken cancellationToken) =>
        api.ChangeAsync(Service, HttpMethod.Post, $"/rotation/plans/{id}/assignments/{teacherId}/return", new { on, reason },
            cancellationToken);

    public Task<IResult> EstablishmentSheetAsync(string districtCode) =>
        files.GetAsync(Service, $"/establishment/export?districtCode={Escape(districtCode)}");

    /// <summary>Training hours of the district's teachers, or of one school's.</summary>
    public Task<IResult> TrainingSheetAsync(string districtCode, Guid? schoolId) =>
        files.GetAsync(Service, $"/training/status/export?districtCode={Escape(districtCode)}"
            + (schoolId is null ? "" : $"&schoolId={schoolId}"));

    public Task<IResult> RotationPlanSheetAsync(Guid id) => files.GetAsync(Service, $"/rotation/plans/{id}/export");

    public Task<IResult> RoundSheetAsync(Guid id) => files.GetAsync(Service, $"/rounds/{id}/export");

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
