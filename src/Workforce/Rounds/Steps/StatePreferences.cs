using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rounds.Steps;

/// <summary>An unplaced teacher asks for schools, in order, for 跨校竞聘 (and 组织调剂 follows the same order).</summary>
internal static class StatePreferences
{
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, PreferenceRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null)
            validation.Add("teacherId", UserText.Required);
        if (request.SchoolIds is not { Length: > 0 and <= 10 } || request.SchoolIds.Distinct().Count() != request.SchoolIds.Length)
            validation.Add("schoolIds", new("须列出 1 到 10 所不同的学校，第一志愿在前。",
                "must list 1 to 10 different schools, the first preferred."));
        if (!validation.IsValid)
            return validation.Problem();
        var (teacherId, schoolIds) = (request.TeacherId!.Value, request.SchoolIds!);
        return await RoundStore.Change.RunAsync(dataSource, id, RoundStage.CrossSchool, "prefer", user,
            async (transaction, round, problems) =>
        {
            var candidate = (await RoundStore.CandidatesAsync(transaction, id, [teacherId], cancellationToken))
                .GetValueOrDefault(teacherId);
            if (candidate is null)
                problems.Add("teacherId", RoundRules.NotACandidate);
            else if (candidate.PlacedSchoolId is not null)
                problems.Add("teacherId", RoundRules.PlacedAlready);
            var inDistrict = await RoundStore.CountSchoolsInDistrictAsync(
                transaction, schoolIds, round.DistrictCode, cancellationToken);
            if (inDistrict != schoolIds.Length)
                problems.Add("schoolIds", new("须都是本轮所在区的学校。", "must all be schools of the round's district."));
            if (!problems.IsValid)
                return null;
            await RoundStore.SetPreferencesAsync(transaction, id, teacherId, schoolIds, cancellationToken);
            var name = await WorkflowEventStore.TeacherNameAsync(transaction, teacherId, cancellationToken);
            return new($"{name}：{schoolIds.Length} 所学校", $"{name}: {schoolIds.Length} schools");
        }, cancellationToken);
    }
}
