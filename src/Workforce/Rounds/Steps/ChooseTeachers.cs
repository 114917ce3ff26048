using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rounds.Steps;

/// <summary>
/// A school chooses teachers for its open posts: its own in 校内竞聘; in 跨校竞聘, others who asked for it
/// (<see cref="RoundRules.WhyNotChosen"/>).
/// </summary>
internal static class ChooseTeachers
{
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, ChoiceRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.SchoolId is null)
            validation.Add("schoolId", UserText.Required);
        if (request.TeacherIds is not { Length: > 0 and <= 500 })
            validation.Add("teacherIds", new("须列出 1 到 500 名教师。", "must list 1 to 500 teachers."));
        if (!validation.IsValid)
            return validation.Problem();
        var (schoolId, teacherIds) = (request.SchoolId!.Value, request.TeacherIds!);
        return await RoundStore.Change.RunAsync(dataSource, id, [RoundStage.Internal, RoundStage.CrossSchool], _ => "choose", user,
            async (transaction, round, problems) =>
            {
                var (posts, filled) = await RoundStore.PostsAsync(transaction, id, cancellationToken);
                var candidates = await RoundStore.CandidatesAsync(transaction, id, teacherIds, cancellationToken);
                var asked = await RoundStore.AskedForAsync(transaction, id, schoolId, cancellationToken);
                var school = schoolId.ToString();
                foreach (var teacherId in teacherIds)
                {
                    var candidate = candidates.GetValueOrDefault(teacherId);
                    var open = candidate is null ? 0 : RoundRules.Open(posts, filled, school, candidate.Subject);
                    if (RoundRules.WhyNotChosen(round.Stage, candidate, schoolId, asked.Contains(teacherId), open) is { } why)
                        problems.Add($"teacherIds[{teacherId}]", why);
                    else
                        filled[(school, candidate!.Subject)] = filled.GetValueOrDefault((school, candidate.Subject)) + 1;
                }
                if (!problems.IsValid)
                    return null;
                await RoundStore.PlaceAllAsync(
                    transaction, id, teacherIds.Select(t => (t, schoolId)).ToList(), round.Stage, cancellationToken);
                var name = await WorkflowEventStore.SchoolNameAsync(transaction, schoolId, cancellationToken);
                return new($"{name}：{teacherIds.Length} 人", $"{name}: {teacherIds.Length} teachers");
            }, cancellationToken);
    }
}
