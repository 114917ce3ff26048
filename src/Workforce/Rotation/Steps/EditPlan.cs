using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rotation.Steps;

/// <summary>
/// Edits by hand: teachers added, moved or removed while the plan is a draft, with the quota check as it then stands;
/// terms extended while it is in effect.
/// </summary>
internal static class EditPlan
{
    /// <summary>Adds a teacher to a draft plan, or moves them to another school.</summary>
    public static async Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid id, EditRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null)
            validation.Add("teacherId", "is required.");
        if (request.ToSchoolId is null)
            validation.Add("toSchoolId", "is required.");
        if (!validation.IsValid)
            return validation.Problem();
        return await RotationStore.Change.RunAsync(dataSource, id, PlanStatus.Draft, "assign", user,
            (transaction, plan, problems) => AssignAsync(
                transaction, plan, request.TeacherId!.Value, request.ToSchoolId!.Value, problems, cancellationToken),
            cancellationToken);
    }

    private static async Task<string?> AssignAsync(
        NpgsqlTransaction transaction, PlanRow plan, Guid teacherId, Guid toSchoolId, Validation problems,
        CancellationToken cancellationToken)
    {
        var pool = await PlanEligibility.NowAsync(transaction.Connection!, plan, cancellationToken);
        var now = pool.Teachers.GetValueOrDefault(teacherId);
        if (now.Teacher is null)
            problems.Add("teacherId", "is not a teacher of this plan's district.");
        else if (now.Reasons.Count > 0)
            problems.Add("teacherId", $"is not eligible: {string.Join(" ", now.Reasons.Select(r => r.Text))}");
        var district = await RotationStore.DistrictOfOpenSchoolAsync(transaction, toSchoolId, cancellationToken);
        if (district != plan.DistrictCode || pool.Schools.GetValueOrDefault(toSchoolId.ToString()) is not { } destination)
            problems.Add("toSchoolId", "is not an open school of this plan's district.");
        else if (now.Teacher?.SchoolId == toSchoolId.ToString())
            problems.Add("toSchoolId", "is the teacher's own school.");
        else if (now.Teacher is { } movable && pool.Schools.GetValueOrDefault(movable.SchoolId) is { } home
            && RotationPlanner.WhyNotTo(home, destination, movable.Subject,
                await GapAsync(transaction, plan.Id, destination, movable, cancellationToken), pool.Policy) is { } why)
            problems.Add("toSchoolId", why.Text);
        if (!problems.IsValid)
            return null;
        var teacher = now.Teacher!;
        await RotationStore.RemoveAssignmentAsync(transaction, plan.Id, teacherId, cancellationToken);
        var assignment = new Assignment(teacher.Id, teacher.SchoolId, toSchoolId.ToString(), teacher.Subject,
            teacher.Backbone != BackboneLevel.None);
        await RotationStore.InsertAssignmentAsync(
            transaction, plan.Id, assignment, manual: true, RotationStore.PolicyOf(plan).TermYears, cancellationToken);
        return $"{teacher.Name} → {toSchoolId}";
    }

    /// <summary>
    /// The destination's gap in the teacher's subject with the plan's other moves made: a school that sends its own
    /// teacher of the subject away lacks one, as the planner counts it.
    /// </summary>
    private static async Task<int> GapAsync(
        NpgsqlTransaction transaction, Guid planId, RotationSchool destination, RotationTeacher teacher,
        CancellationToken cancellationToken)
    {
        var moves = (await RotationStore.ViewAsync(transaction.Connection!, planId, cancellationToken))!.Assignments
            .Where(a => a.TeacherId.ToString() != teacher.Id && a.Subject == teacher.Subject).ToList();
        var school = Guid.Parse(destination.Id);
        return -destination.SubjectBalance.GetValueOrDefault(teacher.Subject)
            - moves.Count(a => a.ToSchoolId == school) + moves.Count(a => a.FromSchoolId == school);
    }

    public static async Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ProblemHttpResult>> RemoveAsync(
        Guid id, Guid teacherId, SignedInUser user, Database dataSource, CancellationToken cancellationToken) =>
        await RotationStore.Change.RunAsync(dataSource, id, PlanStatus.Draft, "unassign", user, async (transaction, _, problems) =>
        {
            if (await RotationStore.RemoveAssignmentAsync(transaction, id, teacherId, cancellationToken) == 0)
                problems.Add("teacherId", "is not in this plan.");
            return teacherId.ToString();
        }, cancellationToken);

    /// <summary>Extends a teacher's term while the plan is in effect (up to six school years in all).</summary>
    public static async Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ProblemHttpResult>> ExtendAsync(
        Guid id, Guid teacherId, ExtendRequest request, SignedInUser user, Database dataSource,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var years = validation.Required("years", request.Years);
        if (!validation.IsValid)
            return validation.Problem();
        return await RotationStore.Change.RunAsync(dataSource, id, PlanStatus.InEffect, "extend", user, async (transaction, _, problems) =>
        {
            if (await RotationStore.ExtendAsync(transaction, id, teacherId, years, cancellationToken) == 0)
                problems.Add("years", "the teacher is not in this plan, or the term would pass six school years.");
            return $"{teacherId} +{years}";
        }, cancellationToken);
    }
}
