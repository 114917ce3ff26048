using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rounds.Steps;

/// <summary>组织调剂: the district places the teachers still without a post, by hand or automatically.</summary>
internal static class PlaceTeachers
{
    /// <summary>By hand: an unplaced teacher goes to a school with an open post in their subject.</summary>
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> PlaceAsync(
        Guid id, PlacementRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null || request.SchoolId is null)
            validation.Add("teacherId", "teacherId and schoolId are required.");
        if (!validation.IsValid)
            return validation.Problem();
        var (teacherId, schoolId) = (request.TeacherId!.Value, request.SchoolId!.Value);
        return await RoundStore.Change.RunAsync(dataSource, id, RoundStage.Placement, "place", user, async (transaction, _, problems) =>
        {
            var (posts, filled) = await RoundStore.PostsAsync(transaction, id, cancellationToken);
            var candidate = (await RoundStore.CandidatesAsync(transaction, id, [teacherId], cancellationToken))
                .GetValueOrDefault(teacherId);
            if (candidate is null || candidate.PlacedSchoolId is not null || candidate.UnplacedOutcome is not null)
                problems.Add("teacherId", "is not an unplaced candidate of this round.");
            else if (RoundRules.Open(posts, filled, schoolId.ToString(), candidate.Subject) <= 0)
                problems.Add("schoolId", $"has no open post in {candidate.Subject}.");
            if (!problems.IsValid)
                return null;
            await RoundStore.PlaceAllAsync(transaction, id, [(teacherId, schoolId)], RoundStage.Placement, cancellationToken);
            return $"{teacherId} → {schoolId}";
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
            return $"{placements.Count} placed";
        }, cancellationToken);

    /// <summary>A teacher left without a post goes to 待岗培训 (training) or 转岗 (reassignment).</summary>
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> SendUnplacedAsync(
        Guid id, UnplacedRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null)
            validation.Add("teacherId", "is required.");
        if (request.Outcome is not ("training" or "reassignment"))
            validation.Add("outcome", "must be training (待岗培训) or reassignment (转岗).");
        if (!validation.IsValid)
            return validation.Problem();
        var (teacherId, outcome) = (request.TeacherId!.Value, request.Outcome!);
        return await RoundStore.Change.RunAsync(dataSource, id, RoundStage.Placement, "unplaced", user, async (transaction, _, problems) =>
        {
            if (await RoundStore.SetUnplacedOutcomeAsync(transaction, id, teacherId, outcome, cancellationToken) == 0)
                problems.Add("teacherId", "is not an unplaced candidate of this round.");
            return $"{teacherId}: {outcome}";
        }, cancellationToken);
    }

    /// <summary>Everyone still neither placed nor sent goes to 待岗培训 or 转岗, in one change.</summary>
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> SendRestAsync(
        Guid id, RestRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.Outcome is not ("training" or "reassignment"))
            validation.Add("outcome", "must be training (待岗培训) or reassignment (转岗).");
        if (!validation.IsValid)
            return validation.Problem();
        var outcome = request.Outcome!;
        return await RoundStore.Change.RunAsync(dataSource, id, RoundStage.Placement, "unplaced_rest", user,
            async (transaction, _, _) =>
                $"{await RoundStore.SetRestOutcomeAsync(transaction, id, outcome, cancellationToken)}: {outcome}",
            cancellationToken);
    }
}
