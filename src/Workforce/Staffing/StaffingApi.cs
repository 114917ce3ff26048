using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.Workforce.Teachers;

namespace Platform.Workforce.Staffing;

/// <summary>
/// What rotation and establishment know of a school beyond the registry: its strength and group, and its approved
/// posts per subject; and each school's staffing against those posts, with missing 音体美 teachers flagged.
/// </summary>
public static class StaffingApi
{
    public static IEndpointRouteBuilder MapStaffingApi(this IEndpointRouteBuilder app)
    {
        var schools = app.MapGroup("/schools/{id:guid}").WithTags("Staffing");
        schools.MapPut("/profile", PutProfileAsync)
            .Describe("学校强弱与集团", "A school's strength (1 to 5) and its group (集团), as rotation judges them.");
        schools.MapPut("/posts", PutPostsAsync)
            .Describe("核定岗位", "A school's approved posts per subject; 0 removes a subject's posts.");
        app.MapGet("/staffing", ListAsync).WithTags("Staffing")
            .Describe("学校学科配备", "Each school's posts against 在编 teachers by subject, with missing 音体美 teachers.");
        return app;
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> PutProfileAsync(
        Guid id, ProfileRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Required("strength", request.Strength);
        if (request.GroupName?.Length > 100)
            validation.Add("groupName", UserText.AtMost(100));
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var known = await StaffingStore.SetProfileAsync(connection, id, request.Strength!.Value,
            string.IsNullOrWhiteSpace(request.GroupName) ? null : request.GroupName.Trim(), cancellationToken);
        return known ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>Sets the approved posts of the subjects given (0 removes a subject's posts).</summary>
    private static async Task<Results<NoContent, NotFound, ValidationProblem>> PutPostsAsync(
        Guid id, [Bounds(0, 500)] Dictionary<string, int> posts, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        foreach (var (subject, approved) in posts)
        {
            if (!TeacherCodes.Subjects.TryGetValue(subject, out var canonical) || canonical != subject)
                validation.Add(subject, new($"不是可用的学科（可选：{TeacherCodes.SubjectList}）。",
                    $"is not a subject (known: {TeacherCodes.SubjectList})."));
        }
        if (posts.Count is 0 or > 30)
            validation.Add("posts", WorkforceTexts.OneTo30Subjects);
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await StaffingStore.SchoolExistsAsync(transaction, id, cancellationToken))
            return TypedResults.NotFound();
        await StaffingStore.SetPostsAsync(transaction, id, posts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Each open school's posts and 在编 teachers by subject, on a day (today unless <paramref name="asOf"/>).</summary>
    private static async Task<Ok<List<SchoolStaffing>>> ListAsync(
        string? districtCode, DateOnly? asOf, Database dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var rows = await StaffingStore.StaffingAsync(connection, districtCode, asOf ?? clock.Today(), cancellationToken);
        return TypedResults.Ok(rows.GroupBy(r => (r.Id, r.Name, r.Strength, r.GroupName)).Select(school =>
        {
            var subjects = school.Where(r => r.Subject is not null)
                .Select(r => new SubjectStaffing(r.Subject!, r.Approved, r.Actual, r.Actual - r.Approved)).ToList();
            var missing = TeacherCodes.ArtsAndSports.Order()
                .Where(subject => !subjects.Any(s => s.Subject == subject && s.Actual > 0)).ToList();
            return new SchoolStaffing(school.Key.Id, school.Key.Name, school.Key.Strength, school.Key.GroupName, subjects, missing);
        }).ToList());
    }
}
