using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rounds.Steps;

/// <summary>组织调剂: the district places the teachers still without a post, by hand or automatically.</summary>
internal static class PlaceTeachers
{
    private static readonly UserText NotUnplaced =
        new("不是本轮尚未受聘的候选教师。", "is not an unplaced candidate of this round.");

    private static readonly UserText TrainingOrReassignment = new("须为待岗培训或转岗。", "must be training or reassignment.");

    private static readonly Dictionary<string, UserText> OutcomeNames = new()
    {
        ["training"] = new("待岗培训", "training"), ["reassignment"] = new("转岗", "reassignment"),
    };

    /// <summary>By hand: an unplaced teacher goes to a school with an open post in their subject.</summary>
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> PlaceAsync(
        Guid id, PlacementRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null)
            validation.Add("teacherId", UserText.Required);
        if (request.SchoolId is null)
            validation.Add("schoolId", UserText.Required);
        if (!validation.IsValid)
            return validation.Problem();
        var (teacherId, schoolId) = (request.TeacherId!.Value, request.SchoolId!.Value);
        return await RoundStore.Change.RunAsync(dataSource, id, RoundStage.Placement, "place", user, async (transaction, _, problems) =>
        {
            var (posts, filled) = await RoundStore.PostsAsync(transaction, id, cancellationToken);
            var candidate = (await RoundStore.CandidatesAsync(transaction, id, [teacherId], cancellationToken))
                .GetValueOrDefault(teacherId);
            if (candidate is null || candidate.PlacedSchoolId is not null || candidate.UnplacedOutcome is not null)
                problems.Add("teacherId", NotUnplaced);
            else if (RoundRules.Open(posts, filled, schoolId.ToString(), candidate.Subject) <= 0)
                problems.Add("schoolId", new($"没有{candidate.Subject}的空缺岗位。", $"has no open post in {candidate.Subject}."));
            if (!problems.IsValid)
                return null;
            await RoundStore.PlaceAllAsync(transaction, id, [(teacherId, schoolId)], RoundStage.Placement, cancellationToken);
            var school = await WorkflowEventStore.SchoolNameAsync(transaction, schoolId, cancellationToken);
            return new($"{candidate!.Name} → {school}", $"{candidate.Name} → {school}");
        }, cancellationToken);
    }

    /// <summary>
    /// Automatically: longest-serving first, by each teacher's preferences, else where most posts in their subject
    /// are open (<see cref="RoundRules.AutoPlace"/>).
    /// </summary>
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> AutoPlaceAsync(
        Guid id, SignedInUser user, Database dataSource, CancellationToken cancellationToken) =>
        await RoundStore.Change.RunAsync(dataSource, id, RoundStage.Placement, "place_automatically", user, async (transaction, _, _) =>
        {
            var (posts, filled) = await RoundStore.PostsAsync(transaction, id, cancellationToken);
            var open = posts.ToDictionary(p => p.Key, p => p.Value - filled.GetValueOrDefault(p.Key));
            var placements = RoundRules.AutoPlace(await RoundStore.UnplacedAsync(transaction, id, cancellationToken), open);
            await RoundStore.PlaceAllAsync(transaction, id,
                placements.Select(p => (Guid.Parse(p.TeacherId), Guid.Parse(p.SchoolId))).ToList(), RoundStage.Placement,
                cancellationToken);
            return new($"{placements.Count} 人", $"{placements.Count} placed");
        }, cancellationToken);

    /// <summary>A teacher left without a post goes to 待岗培训 (training) or 转岗 (reassignment).</summary>
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> SendUnplacedAsync(
        Guid id, UnplacedRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null)
            validation.Add("teacherId", UserText.Required);
        if (request.Outcome is not ("training" or "reassignment"))
            validation.Add("outcome", TrainingOrReassignment);
        if (!validation.IsValid)
            return validation.Problem();
        var (teacherId, outcome) = (request.TeacherId!.Value, request.Outcome!);
        return await RoundStore.Change.RunAsync(dataSource, id, RoundStage.Placement, "unplaced", user, async (transaction, _, problems) =>
        {
            if (await RoundStore.SetUnplacedOutcomeAsync(transaction, id, teacherId, outcome, cancellationToken) == 0)
                problems.Add("teacherId", NotUnplaced);
            var name = await WorkflowEventStore.TeacherNameAsync(transaction, teacherId, cancellationToken);
            return new($"{name}：{OutcomeNames[outcome].Zh}", $"{name}: {OutcomeNames[outcome].En}");
        }, cancellationToken);
    }

    /// <summary>Everyone still neither placed nor sent goes to 待岗培训 or 转岗, in one change.</summary>
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> SendRestAsync(
        Guid id, RestRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.Outcome is not ("training" or "reassignment"))
            validation.Add("outcome", TrainingOrReassignment);
        if (!validation.IsValid)
            return validation.Problem();
        var outcome = request.Outcome!;
        return await RoundStore.Change.RunAsync(dataSource, id, RoundStage.Placement, "unplaced_rest", user,
            async (transaction, _, _) =>
            {
                var count = await RoundStore.SetRestOutcomeAsync(transaction, id, outcome, cancellationToken);
                return new UserText($"{count} 人：{OutcomeNames[outcome].Zh}", $"{count}: {OutcomeNames[outcome].En}");
            },
            cancellationToken);
    }
}
