using Npgsql;
using Platform.BuildingBlocks.Http;
using Platform.Contracts;

namespace Platform.Workforce.Rotation;

/// <summary>
/// Eligibility as it stands now for a plan: each teacher of its district judged on its reference date under its policy,
/// at the school they are at on that day, with the assignments of other plans. A plan is checked again so at each
/// step and each hand edit; the draft's explanations say how it looked when it was generated.
/// </summary>
/// <summary>A plan's district as it stands: each teacher with what makes them ineligible, the schools, the policy.</summary>
internal sealed record PlanPool(
    IReadOnlyDictionary<Guid, (RotationTeacher Teacher, IReadOnlyList<PlanReason> Reasons)> Teachers,
    IReadOnlyDictionary<string, RotationSchool> Schools, RotationPolicy Policy);

internal static class PlanEligibility
{
    public static async Task<PlanPool> NowAsync(NpgsqlConnection connection, PlanRow plan, CancellationToken cancellationToken)
    {
        var (teachers, schools) = await RotationStore.LoadPoolAsync(
            connection, plan.DistrictCode, plan.ReferenceDate, plan.Id, cancellationToken);
        var policy = RotationStore.PolicyOf(plan);
        var byId = schools.ToDictionary(s => s.Id);
        return new(teachers.ToDictionary(t => Guid.Parse(t.Id),
            t => (t, (IReadOnlyList<PlanReason>)RotationPlanner.Ineligibility(t, policy, plan.ReferenceDate, byId))), byId, policy);
    }

    /// <summary>
    /// Each assigned teacher who is no longer eligible, or no longer at the school the plan sends them from, named with
    /// the reason (<c>assignments.{teacherId}</c>).
    /// </summary>
    public static async Task RefuseStaleAsync(
        NpgsqlConnection connection, PlanRow plan, IReadOnlyList<AssignmentView> assignments, Validation problems,
        CancellationToken cancellationToken)
    {
        var now = await NowAsync(connection, plan, cancellationToken);
        foreach (var assignment in assignments)
        {
            IReadOnlyList<PlanReason> reasons = now.Teachers.TryGetValue(assignment.TeacherId, out var found)
                ? found.Teacher.SchoolId == assignment.FromSchoolId.ToString()
                    ? found.Reasons
                    : [new("moved", new($"{plan.ReferenceDate:yyyy-MM-dd} 时已不在{assignment.FromSchool}任教。",
                        $"No longer teaches at {assignment.FromSchool} on {plan.ReferenceDate:yyyy-MM-dd}."))]
                : [new("gone", new("已不在本区教师名单中。", "Is no longer among the district's teachers."))];
            if (reasons.Count > 0)
                problems.Add($"assignments.{assignment.TeacherId}",
                    new UserText($"{assignment.TeacherName}：", $"{assignment.TeacherName}:") + PlanReason.Joined(reasons));
        }
    }
}
