using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rounds.Steps;

/// <summary>A school's posts per subject for the round: each at most the posts approved for the school in it.</summary>
internal static class SetPosts
{
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, PostsRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.SchoolId is null)
            validation.Add("schoolId", UserText.Required);
        if (request.Posts is not { Count: > 0 and <= 30 })
            validation.Add("posts", WorkforceTexts.OneTo30Subjects);
        if (!validation.IsValid)
            return validation.Problem();
        var (schoolId, posts) = (request.SchoolId!.Value, request.Posts!);
        return await RoundStore.Change.RunAsync(dataSource, id, RoundStage.Posts, "set_posts", user, async (transaction, round, problems) =>
        {
            var approved = await RoundStore.ApprovedPostsAsync(transaction, schoolId, round.DistrictCode, cancellationToken);
            foreach (var (subject, count) in posts)
                if (count < 0 || count > approved.GetValueOrDefault(subject))
                    problems.Add($"posts.{subject}", new(
                        $"须在 0 到本校{subject}核定岗位数 {approved.GetValueOrDefault(subject)} 之间。",
                        $"must be between 0 and the {approved.GetValueOrDefault(subject)} posts approved for the school in {subject}."));
            if (!problems.IsValid)
                return null;
            await RoundStore.SetPostsAsync(transaction, id, schoolId, posts, cancellationToken);
            var name = await WorkflowEventStore.SchoolNameAsync(transaction, schoolId, cancellationToken);
            var counts = posts.Select(p => $"{p.Key} {p.Value}").ToList();
            return new($"{name}：{string.Join("、", counts)}", $"{name}: {string.Join(", ", counts)}");
        }, cancellationToken);
    }
}
