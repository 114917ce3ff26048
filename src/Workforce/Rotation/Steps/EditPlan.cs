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
    public static readonly UserText NotInPlan = new("不在本方案中。", "is not in this plan.");

    /// <summary>Adds a teacher to a draft plan, or moves them to another school.</summary>
    public static async Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid id, EditRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null)
            validation.Add("teacherId", UserText.Required);
        if (request.ToSchoolId is null)
            validation.Add("toSchoolId", UserText.Required);
        if (!validation.IsValid)
            return validation.Problem();
        return await RotationStore.Change.RunAsync(dataSource, id, PlanStatus.Draft, "assign", user,
            (transaction, plan, problems) => AssignAsync(
                transaction, plan, request.TeacherId!.Value, request.ToSchoolId!.Value, problems, cancellationToken),
            cancellationToken);
    }

    private static async Task<UserText?> AssignAsync(
        NpgsqlTransaction transaction, PlanRow plan, Guid teacherId, Guid toSchoolId, Validation problems,
        CancellationToken cancellationToken)
    {
        var pool = await PlanEligibility.NowAsync(transaction.Connection!, plan, cancellationToken);
        var now = pool.Teachers.GetValueOrDefault(teacherId);
        if (now.Teacher is null)
            problems.Add("teacherId", new("不是本方案所在区的教师。", "is not a teacher of this plan's district."));
        else if (now.Reasons.Count > 0)
            problems.Add("teacherId", new UserText("不符合交流条件：", "is not eligible:") + PlanReason.Joined(now.Reasons));
        var district = await RotationStore.DistrictOfOpenSchoolAsync(transaction, toSchoolId, cancellationToken);
        if (district != plan.DistrictCode || pool.Schools.GetValueOrDefault(toSchoolId.ToString()) is not { } destination)
            problems.Add("toSchoolId", new("不是本方案所在区的在办学校。", "is not an open school of this plan's district."));
        else if (now.Teacher?.SchoolId == toSchoolId.ToString())
            problems.Add("toSchoolId", new("是该教师所在的学校。", "is the teacher's own school."));
        else if (now.Teacher is { } movable && pool.Schools.GetValueOrDefault(movable.SchoolId) is { } home
            && RotationPlanner.WhyNotTo(movable, home, destination,
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
        var school = await WorkflowEventStore.SchoolNameAsync(transaction, toSchoolId, cancellationToken);
        return new($"{teacher.Name} → {school}", $"{teacher.Name} → {school}");
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
                problems.Add("teacherId", NotInPlan);
            var name = await WorkflowEventStore.TeacherNameAsync(transaction, teacherId, cancellationToken);
            return new(name, name);
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
                problems.Add("years", new("无法延长：该教师不在本方案中，或延长后期限将超过六个学年。",
                    "cannot be added: the teacher is not in this plan, or the term would pass six school years."));
            var name = await WorkflowEventStore.TeacherNameAsync(transaction, teacherId, cancellationToken);
            return new($"{name} 延长 {years} 年", $"{name} +{years} years");
        }, cancellationToken);
    }
}
