using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Workforce.Teachers;

namespace Platform.Workforce.Staffing;

public sealed record ProfileRequest([property: Bounds(1, 5)] int? Strength, string? GroupName);

/// <summary>A school's staffing in one subject: posts approved (核定) against 在编 teachers whose main subject it is.</summary>
public sealed record SubjectStaffing(string Subject, int Approved, int Actual, int Balance);

/// <param name="MissingArtsAndSports">音乐, 体育 or 美术 with no teacher at the school.</param>
public sealed record SchoolStaffing(Guid SchoolId, string SchoolName, int? Strength, string? GroupName, IReadOnlyList<SubjectStaffing> Subjects, IReadOnlyList<string> MissingArtsAndSports);

/// <summary>
/// What rotation and establishment know of a school beyond the registry: its strength and group, and its approved
/// posts per subject; and each school's staffing against those posts, with missing 音体美 teachers flagged.
/// </summary>
public static class StaffingApi
{
    public static IEndpointRouteBuilder MapStaffingApi(this IEndpointRouteBuilder app)
    {
        var schools = app.MapGroup("/schools/{id:guid}").WithTags("Staffing");
        schools.MapPut("/profile", PutProfileAsync);
        schools.MapPut("/posts", PutPostsAsync);
        app.MapGet("/staffing", ListAsync).WithTags("Staffing");
        return app;
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> PutProfileAsync(
        Guid id, ProfileRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Required("strength", request.Strength);
        if (request.GroupName?.Length > 100)
            validation.Add("groupName", "must be at most 100 characters.");
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO school_profiles (school_id, strength, group_name) SELECT id, @Strength, @GroupName FROM known_schools WHERE id = @id
            ON CONFLICT (school_id) DO UPDATE SET strength = excluded.strength, group_name = excluded.group_name
            """, new { id, request.Strength, GroupName = string.IsNullOrWhiteSpace(request.GroupName) ? null : request.GroupName.Trim() },
            cancellationToken: cancellationToken));
        return written == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    /// <summary>Sets the approved posts of the subjects given (0 removes a subject's posts).</summary>
    private static async Task<Results<NoContent, NotFound, ValidationProblem>> PutPostsAsync(
        Guid id, [Bounds(0, 500)] Dictionary<string, int> posts, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        foreach (var (subject, approved) in posts)
        {
            if (!TeacherCodes.Subjects.TryGetValue(subject, out var canonical) || canonical != subject)
                validation.Add(subject, $"is not a subject (known: {string.Join("、", TeacherCodes.Subjects.Values.Distinct())}).");
        }
        if (posts.Count is 0 or > 30)
            validation.Add("posts", "must give 1 to 30 subjects.");
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM known_schools WHERE id = @id)", new { id }, transaction, cancellationToken: cancellationToken)))
            return TypedResults.NotFound();
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM school_posts WHERE school_id = @id AND subject = ANY(@subjects);
            INSERT INTO school_posts (school_id, subject, approved) SELECT @id, s, a FROM unnest(@subjects, @approved) AS p (s, a) WHERE a > 0;
            """, new { id, subjects = posts.Keys.ToArray(), approved = posts.Values.ToArray() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<SchoolStaffing>>> ListAsync(string? districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid Id, string Name, int? Strength, string? GroupName, string? Subject, int Approved, int Actual)>(new CommandDefinition("""
            WITH actual AS (
                SELECT school_id, subjects[1] AS subject, count(*) AS teachers FROM teachers WHERE establishment = 'in_establishment' GROUP BY 1, 2
            ), subjects AS (
                SELECT school_id, subject FROM school_posts UNION SELECT school_id, subject FROM actual
            )
            SELECT k.id, k.name, p.strength, p.group_name, s.subject, coalesce(sp.approved, 0)::int, coalesce(a.teachers, 0)::int
            FROM known_schools k LEFT JOIN school_profiles p ON p.school_id = k.id
            LEFT JOIN subjects s ON s.school_id = k.id
            LEFT JOIN school_posts sp ON sp.school_id = k.id AND sp.subject = s.subject
            LEFT JOIN actual a ON a.school_id = k.id AND a.subject = s.subject
            WHERE (@districtCode::text IS NULL OR k.district_code = @districtCode) AND k.status = 'open'
            ORDER BY k.name, s.subject
            """, new { districtCode }, cancellationToken: cancellationToken));
        return TypedResults.Ok(rows.GroupBy(r => (r.Id, r.Name, r.Strength, r.GroupName)).Select(school =>
        {
            var subjects = school.Where(r => r.Subject is not null).Select(r => new SubjectStaffing(r.Subject!, r.Approved, r.Actual, r.Actual - r.Approved)).ToList();
            var missing = TeacherCodes.ArtsAndSports.Order().Where(subject => !subjects.Any(s => s.Subject == subject && s.Actual > 0)).ToList();
            return new SchoolStaffing(school.Key.Id, school.Key.Name, school.Key.Strength, school.Key.GroupName, subjects, missing);
        }).ToList());
    }
}
