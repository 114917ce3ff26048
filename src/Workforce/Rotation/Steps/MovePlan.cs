using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rotation.Steps;

/// <summary>
/// Moves a plan one step: submit, return (with a note), approve, start (each teacher moves to the receiving school
/// from the reference date) or complete (each teacher returns home at the end of their term, or stays where
/// <c>outcomes</c> says "stayed"). Each move takes effect on its date, not on the day of the click. Submitting,
/// approving and starting check each teacher's eligibility again: one who stopped being eligible since the draft
/// (moved, exempted, rotating in another plan) holds the step up, named with the reason.
/// </summary>
internal static class MovePlan
{
    public static async Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, string step, StepRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!PlanSteps.Moves.TryGetValue(step, out var move))
            return TypedResults.NotFound();
        if (move.NeedsNote)
            validation.Text("note", request.Note, 500);
        var outcomes = new Dictionary<Guid, RotationOutcome>();
        foreach (var (teacherId, outcome) in request.Outcomes ?? [])
            if (Codes.TryParse<RotationOutcome>(outcome, out var parsed))
                outcomes[teacherId] = parsed;
            else
                validation.Add($"outcomes.{teacherId}", new("须为返回或留任。", "must be returned or stayed."));
        if (!validation.IsValid)
            return validation.Problem();
        return await RotationStore.Change.RunAsync(dataSource, id, move.From, step, user, async (transaction, plan, problems) =>
        {
            if (move.RechecksEligibility)
            {
                await RotationStore.LockDistrictAsync(transaction, plan.DistrictCode, cancellationToken);
                var view = (await RotationStore.ViewAsync(transaction.Connection!, id, cancellationToken))!;
                await PlanEligibility.RefuseStaleAsync(transaction.Connection!, plan, view.Assignments, problems, cancellationToken);
                if (move.ChecksQuotas)
                    await RefuseBrokenQuotasAsync(transaction.Connection!, view, problems, cancellationToken);
            }
            if (!problems.IsValid)
                return null;
            if (move.To == PlanStatus.InEffect)
                await RotationStore.PostToHostsAsync(transaction, id, cancellationToken);
            if (move.To == PlanStatus.Completed)
            {
                await RotationStore.SetOutcomesAsync(transaction, id, outcomes, cancellationToken);
                await RotationStore.ReturnAtTermEndAsync(transaction, id, plan.ReferenceDate, cancellationToken);
            }
            await RotationStore.SetStatusAsync(transaction, id, move.To, cancellationToken);
            return request.Note is { } note ? new UserText(note, note) : null;
        }, cancellationToken);
    }

    /// <summary>
    /// A plan that breaks a quota may be kept as a draft (its check flags it) but not approved: each broken quota is
    /// named.
    /// </summary>
    private static async Task RefuseBrokenQuotasAsync(
        NpgsqlConnection connection, PlanView plan, Validation problems, CancellationToken cancellationToken)
    {
        var names = plan.Schools.Any(s => !s.Met)
            ? await SchoolNameStore.InDistrictAsync(connection, plan.DistrictCode, cancellationToken)
            : [];
        foreach (var school in plan.Schools.Where(s => !s.Met))
        {
            var name = Guid.TryParse(school.SchoolId, out var schoolId) ? names.GetValueOrDefault(schoolId) : null;
            problems.Add($"schools.{school.SchoolId}", new UserText($"{name ?? school.SchoolId}：", $"{name ?? school.SchoolId}:")
                + PlanReason.Joined(RotationPlanner.Shortfall(school)));
        }
        if (plan.District is { Met: false } district)
            problems.Add("district", new(
                $"全区交流 {district.Rotated} 人（名额 {district.Required} 人），"
                + $"骨干占比 {district.BackboneShare:P0}（要求 {district.RequiredBackboneShare:P0}）。",
                $"The district rotates {district.Rotated} (quota {district.Required}), {district.BackboneShare:P0} of them backbone "
                + $"({district.RequiredBackboneShare:P0} required)."));
    }
}
