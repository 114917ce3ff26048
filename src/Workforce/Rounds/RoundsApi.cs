using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Workforce.Rounds;

public sealed record OpenRoundRequest(string? DistrictCode, DateOnly? TermFrom, DateOnly? TermTo);

public sealed record PostsRequest(Guid? SchoolId, [property: Bounds(0, 500)] Dictionary<string, int>? Posts);

public sealed record ChoiceRequest(Guid? SchoolId, Guid[]? TeacherIds);

public sealed record PreferenceRequest(Guid? TeacherId, Guid[]? SchoolIds);

public sealed record PlacementRequest(Guid? TeacherId, Guid? SchoolId);

public sealed record UnplacedRequest(Guid? TeacherId, string? Outcome);

public sealed record RoundPost(Guid SchoolId, string SchoolName, string Subject, int Posts, int Filled);

/// <param name="Preferences">The schools the teacher asked for in 跨校竞聘, the first preferred.</param>
public sealed record RoundCandidate(Guid TeacherId, string Name, Guid HomeSchoolId, string Subject, Guid? PlacedSchoolId, string? PlacedIn, string? UnplacedOutcome,
    Guid[] Preferences);

/// <summary>A round as the list of a district's rounds shows it.</summary>
public sealed record RoundLine(Guid Id, string DistrictCode, DateOnly TermFrom, DateOnly TermTo, string Stage);

public sealed record RoundView(Guid Id, string DistrictCode, DateOnly TermFrom, DateOnly TermTo, string Stage,
    IReadOnlyList<RoundPost> Posts, IReadOnlyList<RoundCandidate> Candidates, IReadOnlyList<WorkflowEvent> Events);

/// <summary>
/// 区管校聘 rounds. The district opens a round for a term; every 在编 teacher of the district is a candidate. Steps:
/// posts per school and subject (within the approved posts), 校内竞聘 (schools choose their own teachers), 跨校竞聘
/// (teachers ask for schools; schools choose among those who asked), 组织调剂 (the district places the rest, by hand or
/// automatically), then whoever is left goes to 待岗培训 or 转岗, and closing turns the placements into appointments.
/// Every step is recorded with what, when and who: the signed-in user.
/// </summary>
public static class RoundsApi
{
    private sealed record RoundRow(Guid Id, string DistrictCode, DateOnly TermFrom, DateOnly TermTo, string Stage);

    public static IEndpointRouteBuilder MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var rounds = app.MapGroup("/rounds").WithTags("Appointment rounds");
        rounds.MapPost("/", OpenAsync);
        rounds.MapGet("/", async (string? districtCode, DistrictScope scope, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return TypedResults.Ok((await connection.QueryAsync<RoundLine>(new CommandDefinition("""
                SELECT id, district_code AS DistrictCode, term_from AS TermFrom, term_to AS TermTo, stage FROM rounds
                WHERE starts_with(district_code, @Prefix) AND (@districtCode::text IS NULL OR district_code = @districtCode)
                ORDER BY term_from DESC, created_at DESC
                """, new { scope.Prefix, districtCode }, cancellationToken: cancellationToken))).ToList());
        });
        rounds.MapGet("/{id:guid}", async Task<Results<Ok<RoundView>, NotFound>> (Guid id, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return await ViewAsync(connection, id, cancellationToken) is { } round ? TypedResults.Ok(round) : TypedResults.NotFound();
        });
        rounds.MapGet("/{id:guid}/export", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            if (await ViewAsync(connection, id, cancellationToken) is not { } round)
                return TypedResults.NotFound();
            var schools = (await connection.QueryAsync<(Guid Id, string Name)>(new CommandDefinition(
                "SELECT id, name FROM known_schools WHERE district_code = @DistrictCode", round, cancellationToken: cancellationToken))).ToDictionary(s => s.Id, s => s.Name);
            return RoundSheet.File((round, schools));
        });
        rounds.MapPut("/{id:guid}/posts", SetPostsAsync);
        rounds.MapPost("/{id:guid}/choices", ChooseAsync);
        rounds.MapPost("/{id:guid}/preferences", PreferAsync);
        rounds.MapPost("/{id:guid}/placements", PlaceAsync);
        rounds.MapPost("/{id:guid}/placements/auto", AutoPlaceAsync);
        rounds.MapPost("/{id:guid}/unplaced", UnplacedAsync);
        rounds.MapPost("/{id:guid}/advance", AdvanceAsync);
        return app;
    }

    /// <summary>Where a candidate went: the stage that placed them, or what became of them unplaced.</summary>
    private static readonly Dictionary<string, string> OutcomeNames = new()
    {
        ["internal"] = "校内竞聘", ["cross_school"] = "跨校竞聘", ["placement"] = "组织调剂", ["training"] = "待岗培训", ["reassignment"] = "转岗",
    };

    /// <summary>Every candidate of a round and where they went, with schools by name.</summary>
    private static readonly XlsxSheet<(RoundView Round, Dictionary<Guid, string> Schools)> RoundSheet = new("区管校聘", "appointment-round.xlsx",
        ["教师", "学科", "原学校", "志愿学校", "受聘学校", "结果"],
        export => export.Round.Candidates.Select(c => (IReadOnlyList<object?>)[c.Name, c.Subject, export.Schools.GetValueOrDefault(c.HomeSchoolId),
            string.Join("、", c.Preferences.Select(p => export.Schools.GetValueOrDefault(p))),
            c.PlacedSchoolId is { } placed ? export.Schools.GetValueOrDefault(placed) : null,
            OutcomeNames.GetValueOrDefault(c.PlacedIn ?? c.UnplacedOutcome ?? "", "")]));

    private static async Task<Results<Created<RoundView>, ValidationProblem>> OpenAsync(
        OpenRoundRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        if (request.TermFrom is null || request.TermTo is null || request.TermTo <= request.TermFrom || request.TermTo > request.TermFrom.Value.AddYears(6))
            validation.Add("termTo", "termFrom and termTo are required; a term ends after it starts and lasts at most six years.");
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO rounds (id, district_code, term_from, term_to, stage) VALUES (@id, @district, @TermFrom, @TermTo, 'posts')",
            new { id, district, request.TermFrom, request.TermTo }, transaction, cancellationToken: cancellationToken));
        var candidates = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO round_candidates (round_id, teacher_id, home_school_id, subject)
            SELECT @id, id, school_id, subjects[1] FROM teachers WHERE district_code = @district AND establishment = 'in_establishment'
            """, new { id, district }, transaction, cancellationToken: cancellationToken));
        if (candidates == 0)
        {
            validation.Add("districtCode", "has no 在编 teachers: import them first (POST /teachers/import).");
            return validation.Problem();
        }
        await Events.RecordAsync(transaction, id, "open", user, $"{candidates} candidates", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/rounds/{id}", (await ViewAsync(connection, id, cancellationToken))!);
    }

    /// <summary>A school's posts per subject for the round: each at most the posts approved for the school in that subject.</summary>
    private static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> SetPostsAsync(
        Guid id, PostsRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.SchoolId is null)
            validation.Add("schoolId", "is required.");
        if (request.Posts is not { Count: > 0 and <= 30 })
            validation.Add("posts", "must give 1 to 30 subjects.");
        if (!validation.IsValid)
            return validation.Problem();
        return await Change.RunAsync(dataSource, id, "posts", "set_posts", user, async (transaction, round, problems) =>
        {
            var approved = (await transaction.Connection!.QueryAsync<(string Subject, int Approved)>(new CommandDefinition("""
                SELECT p.subject, p.approved FROM school_posts p JOIN known_schools k ON k.id = p.school_id
                WHERE p.school_id = @SchoolId AND k.district_code = @district
                """, new { request.SchoolId, district = round.DistrictCode }, transaction, cancellationToken: cancellationToken))).ToDictionary(a => a.Subject, a => a.Approved);
            foreach (var (subject, posts) in request.Posts!)
                if (posts < 0 || posts > approved.GetValueOrDefault(subject))
                    problems.Add($"posts.{subject}", $"must be between 0 and the {approved.GetValueOrDefault(subject)} posts approved for the school in {subject}.");
            if (!problems.IsValid)
                return null;
            await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
                INSERT INTO round_posts (round_id, school_id, subject, posts) SELECT @id, @SchoolId, s, n FROM unnest(@subjects, @posts) AS x (s, n)
                ON CONFLICT (round_id, school_id, subject) DO UPDATE SET posts = excluded.posts
                """, new { id, request.SchoolId, subjects = request.Posts!.Keys.ToArray(), posts = request.Posts.Values.ToArray() }, transaction, cancellationToken: cancellationToken));
            return $"{request.SchoolId}: {string.Join(", ", request.Posts.Select(p => $"{p.Key} {p.Value}"))}";
        }, cancellationToken);
    }

    /// <summary>
    /// A school chooses teachers for its open posts: its own in 校内竞聘; in 跨校竞聘, others who asked for it. Each must
    /// be unplaced, and the school must have an open post in their subject.
    /// </summary>
    private static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> ChooseAsync(
        Guid id, ChoiceRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.SchoolId is null)
            validation.Add("schoolId", "is required.");
        if (request.TeacherIds is not { Length: > 0 and <= 500 })
            validation.Add("teacherIds", "must list 1 to 500 teachers.");
        if (!validation.IsValid)
            return validation.Problem();
        return await Change.RunAsync(dataSource, id, ["internal", "cross_school"], _ => "choose", user, async (transaction, round, problems) =>
        {
            var (posts, filled) = await PostsAsync(transaction, id, cancellationToken);
            var candidates = await CandidatesAsync(transaction, id, request.TeacherIds!, cancellationToken);
            var asked = (await transaction.Connection!.QueryAsync<Guid>(new CommandDefinition(
                "SELECT teacher_id FROM round_preferences WHERE round_id = @id AND school_id = @SchoolId", new { id, request.SchoolId }, transaction, cancellationToken: cancellationToken))).ToHashSet();
            var school = request.SchoolId!.Value.ToString();
            foreach (var teacherId in request.TeacherIds!)
            {
                var key = $"teacherIds[{teacherId}]";
                if (!candidates.TryGetValue(teacherId, out var candidate))
                    problems.Add(key, "is not a candidate of this round.");
                else if (candidate.PlacedSchoolId is not null || candidate.UnplacedOutcome is not null)
                    problems.Add(key, "has been placed already.");
                else if (round.Stage == "internal" && candidate.HomeSchoolId != request.SchoolId)
                    problems.Add(key, "is not the school's own teacher: in 校内竞聘 a school chooses among its own.");
                else if (round.Stage == "cross_school" && !asked.Contains(teacherId))
                    problems.Add(key, "did not ask for this school: in 跨校竞聘 a school chooses among those who asked for it.");
                else if (RoundRules.Open(posts, filled, school, candidate.Subject) <= 0)
                    problems.Add(key, $"teaches {candidate.Subject}, and the school has no open post in it.");
                else
                    filled[(school, candidate.Subject)] = filled.GetValueOrDefault((school, candidate.Subject)) + 1;
            }
            if (!problems.IsValid)
                return null;
            await PlaceAllAsync(transaction, id, request.TeacherIds!.Select(t => (t, request.SchoolId!.Value)), round.Stage, cancellationToken);
            return $"{request.SchoolId}: {request.TeacherIds!.Length} teachers";
        }, cancellationToken);
    }

    /// <summary>An unplaced teacher asks for schools, in order, for 跨校竞聘 (and 组织调剂 follows the same order).</summary>
    private static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> PreferAsync(
        Guid id, PreferenceRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null)
            validation.Add("teacherId", "is required.");
        if (request.SchoolIds is not { Length: > 0 and <= 10 } || request.SchoolIds.Distinct().Count() != request.SchoolIds.Length)
            validation.Add("schoolIds", "must list 1 to 10 different schools, the first preferred.");
        if (!validation.IsValid)
            return validation.Problem();
        return await Change.RunAsync(dataSource, id, "cross_school", "prefer", user, async (transaction, round, problems) =>
        {
            var candidate = (await CandidatesAsync(transaction, id, [request.TeacherId!.Value], cancellationToken)).GetValueOrDefault(request.TeacherId.Value);
            if (candidate is null)
                problems.Add("teacherId", "is not a candidate of this round.");
            else if (candidate.PlacedSchoolId is not null)
                problems.Add("teacherId", "has been placed already.");
            var inDistrict = await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*)::int FROM known_schools WHERE id = ANY(@SchoolIds) AND district_code = @district", new { request.SchoolIds, district = round.DistrictCode },
                transaction, cancellationToken: cancellationToken));
            if (inDistrict != request.SchoolIds!.Length)
                problems.Add("schoolIds", "must all be schools of the round's district.");
            if (!problems.IsValid)
                return null;
            await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
                DELETE FROM round_preferences WHERE round_id = @id AND teacher_id = @TeacherId;
                INSERT INTO round_preferences (round_id, teacher_id, rank, school_id) SELECT @id, @TeacherId, r, s FROM unnest(@ranks, @SchoolIds) AS x (r, s);
                """, new { id, request.TeacherId, ranks = Enumerable.Range(1, request.SchoolIds.Length).ToArray(), request.SchoolIds }, transaction, cancellationToken: cancellationToken));
            return $"{request.TeacherId}: {request.SchoolIds.Length} schools";
        }, cancellationToken);
    }

    /// <summary>组织调剂 by hand: the district places an unplaced teacher in a school with an open post in their subject.</summary>
    private static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> PlaceAsync(
        Guid id, PlacementRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null || request.SchoolId is null)
            validation.Add("teacherId", "teacherId and schoolId are required.");
        if (!validation.IsValid)
            return validation.Problem();
        return await Change.RunAsync(dataSource, id, "placement", "place", user, async (transaction, _, problems) =>
        {
            var (posts, filled) = await PostsAsync(transaction, id, cancellationToken);
            var candidate = (await CandidatesAsync(transaction, id, [request.TeacherId!.Value], cancellationToken)).GetValueOrDefault(request.TeacherId.Value);
            if (candidate is null || candidate.PlacedSchoolId is not null || candidate.UnplacedOutcome is not null)
                problems.Add("teacherId", "is not an unplaced candidate of this round.");
            else if (RoundRules.Open(posts, filled, request.SchoolId!.Value.ToString(), candidate.Subject) <= 0)
                problems.Add("schoolId", $"has no open post in {candidate.Subject}.");
            if (!problems.IsValid)
                return null;
            await PlaceAllAsync(transaction, id, [(request.TeacherId.Value, request.SchoolId!.Value)], "placement", cancellationToken);
            return $"{request.TeacherId} → {request.SchoolId}";
        }, cancellationToken);
    }

    /// <summary>组织调剂 automatically: longest-serving first, by each teacher's preferences, else where most posts in their subject are open.</summary>
    private static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> AutoPlaceAsync(
        Guid id, SignedInUser user, Database dataSource, CancellationToken cancellationToken) =>
        await Change.RunAsync(dataSource, id, "placement", "place_automatically", user, async (transaction, _, _) =>
        {
            var (posts, filled) = await PostsAsync(transaction, id, cancellationToken);
            var open = posts.ToDictionary(p => p.Key, p => p.Value - filled.GetValueOrDefault(p.Key));
            var unplaced = await transaction.Connection!.QueryAsync<(Guid TeacherId, string Subject, string? Preferences)>(new CommandDefinition("""
                SELECT c.teacher_id, c.subject, (SELECT string_agg(p.school_id::text, ',' ORDER BY p.rank) FROM round_preferences p
                                                 WHERE p.round_id = c.round_id AND p.teacher_id = c.teacher_id)
                FROM round_candidates c JOIN teachers t ON t.id = c.teacher_id
                WHERE c.round_id = @id AND c.placed_school_id IS NULL AND c.unplaced_outcome IS NULL
                ORDER BY t.hired_on NULLS LAST, t.staff_number
                """, new { id }, transaction, cancellationToken: cancellationToken));
            var placements = RoundRules.AutoPlace(
                unplaced.Select(u => new Unplaced(u.TeacherId.ToString(), u.Subject, u.Preferences?.Split(',') ?? [])).ToList(), open);
            await PlaceAllAsync(transaction, id, placements.Select(p => (Guid.Parse(p.TeacherId), Guid.Parse(p.SchoolId))), "placement", cancellationToken);
            return $"{placements.Count} placed";
        }, cancellationToken);

    /// <summary>A teacher left without a post goes to 待岗培训 (training) or 转岗 (reassignment).</summary>
    private static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> UnplacedAsync(
        Guid id, UnplacedRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null)
            validation.Add("teacherId", "is required.");
        if (request.Outcome is not ("training" or "reassignment"))
            validation.Add("outcome", "must be training (待岗培训) or reassignment (转岗).");
        if (!validation.IsValid)
            return validation.Problem();
        return await Change.RunAsync(dataSource, id, "placement", "unplaced", user, async (transaction, _, problems) =>
        {
            if (await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
                    UPDATE round_candidates SET unplaced_outcome = @Outcome WHERE round_id = @id AND teacher_id = @TeacherId AND placed_school_id IS NULL
                    """, new { id, request.TeacherId, request.Outcome }, transaction, cancellationToken: cancellationToken)) == 0)
                problems.Add("teacherId", "is not an unplaced candidate of this round.");
            return $"{request.TeacherId}: {request.Outcome}";
        }, cancellationToken);
    }

    /// <summary>
    /// Moves the round to its next step. Closing needs every candidate placed or sent to 待岗培训 / 转岗; it writes the
    /// appointments and moves teachers placed in another school there from the start of the term. With
    /// <paramref name="from"/>, the step the caller saw, a round another user has moved on meanwhile answers 409
    /// instead of skipping a step.
    /// </summary>
    private static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> AdvanceAsync(
        Guid id, string? from, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var open = RoundRules.Stages[..^1];
        if (from is not null && !open.Contains(from))
        {
            var validation = new Validation();
            validation.Add("from", $"is one of {string.Join(", ", open)}.");
            return validation.Problem();
        }
        return await Change.RunAsync(dataSource, id, from is null ? open : [from], stage => $"advance_to_{RoundRules.After(stage)}", user,
            (transaction, round, problems) => AdvanceFromAsync(transaction, id, round, problems, cancellationToken), cancellationToken);
    }

    private static async Task<string?> AdvanceFromAsync(
        NpgsqlTransaction transaction, Guid id, RoundRow round, Validation problems, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var next = RoundRules.After(round.Stage);
        if (next == "closed")
        {
            var left = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*)::int FROM round_candidates WHERE round_id = @id AND placed_school_id IS NULL AND unplaced_outcome IS NULL",
                new { id }, transaction, cancellationToken: cancellationToken));
            if (left > 0)
            {
                problems.Add("candidates", $"{left} teachers are neither placed nor sent to 待岗培训 or 转岗.");
                return null;
            }
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO appointments (round_id, teacher_id, school_id, subject, term_from, term_to, placed_in)
                SELECT @id, teacher_id, placed_school_id, subject, @TermFrom, @TermTo, placed_in FROM round_candidates WHERE round_id = @id AND placed_school_id IS NOT NULL;
                UPDATE teacher_postings p SET to_date = greatest(@TermFrom - 1, p.from_date)
                FROM round_candidates c WHERE c.round_id = @id AND c.placed_school_id <> c.home_school_id AND p.teacher_id = c.teacher_id AND p.to_date IS NULL;
                INSERT INTO teacher_postings (teacher_id, school_id, from_date, origin)
                SELECT teacher_id, placed_school_id, @TermFrom, 'appointment' FROM round_candidates WHERE round_id = @id AND placed_school_id <> home_school_id
                ON CONFLICT (teacher_id, from_date) DO UPDATE SET school_id = excluded.school_id, to_date = NULL, origin = excluded.origin;
                UPDATE teachers t SET school_id = c.placed_school_id, at_school_since = @TermFrom, updated_at = now()
                FROM round_candidates c WHERE c.round_id = @id AND c.placed_school_id <> c.home_school_id AND t.id = c.teacher_id;
                """, new { id, round.TermFrom, round.TermTo }, transaction, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition("UPDATE rounds SET stage = @next WHERE id = @id", new { id, next }, transaction, cancellationToken: cancellationToken));
        return next;
    }

    private static async Task<(Dictionary<(string, string), int> Posts, Dictionary<(string, string), int> Filled)> PostsAsync(
        NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        var posts = (await transaction.Connection!.QueryAsync<(Guid School, string Subject, int Posts)>(new CommandDefinition(
            "SELECT school_id, subject, posts FROM round_posts WHERE round_id = @id", new { id }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(p => (p.School.ToString(), p.Subject), p => p.Posts);
        var filled = (await transaction.Connection!.QueryAsync<(Guid School, string Subject, int Filled)>(new CommandDefinition(
            "SELECT placed_school_id, subject, count(*)::int FROM round_candidates WHERE round_id = @id AND placed_school_id IS NOT NULL GROUP BY 1, 2",
            new { id }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(f => (f.School.ToString(), f.Subject), f => f.Filled);
        return (posts, filled);
    }

    private static async Task<Dictionary<Guid, RoundCandidate>> CandidatesAsync(NpgsqlTransaction transaction, Guid id, Guid[] teacherIds, CancellationToken cancellationToken) =>
        (await QueryCandidatesAsync(transaction.Connection!, new CommandDefinition(
            CandidatesSql + " AND c.teacher_id = ANY(@teacherIds)", new { id, teacherIds }, transaction, cancellationToken: cancellationToken))).ToDictionary(c => c.TeacherId);

    private sealed record CandidateRow(Guid TeacherId, string Name, Guid HomeSchoolId, string Subject, Guid? PlacedSchoolId, string? PlacedIn, string? UnplacedOutcome,
        string Preferences);

    private const string CandidatesSql = """
        SELECT c.teacher_id AS TeacherId, t.name, c.home_school_id AS HomeSchoolId, c.subject, c.placed_school_id AS PlacedSchoolId, c.placed_in AS PlacedIn,
               c.unplaced_outcome AS UnplacedOutcome,
               array_to_string(ARRAY(SELECT p.school_id FROM round_preferences p WHERE p.round_id = c.round_id AND p.teacher_id = c.teacher_id ORDER BY p.rank), ',') AS Preferences
        FROM round_candidates c JOIN teachers t ON t.id = c.teacher_id WHERE c.round_id = @id
        """;

    /// <summary>Preferences come as text: Dapper cannot pass a PostgreSQL array to a record's constructor.</summary>
    private static async Task<IEnumerable<RoundCandidate>> QueryCandidatesAsync(NpgsqlConnection connection, CommandDefinition command) =>
        (await connection.QueryAsync<CandidateRow>(command)).Select(c => new RoundCandidate(c.TeacherId, c.Name, c.HomeSchoolId, c.Subject, c.PlacedSchoolId, c.PlacedIn,
            c.UnplacedOutcome, c.Preferences.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToArray()));

    private static async Task PlaceAllAsync(NpgsqlTransaction transaction, Guid id, IEnumerable<(Guid Teacher, Guid School)> placements, string placedIn, CancellationToken cancellationToken)
    {
        var list = placements.ToList();
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE round_candidates c SET placed_school_id = p.school, placed_in = @placedIn
            FROM unnest(@teachers, @schools) AS p (teacher, school) WHERE c.round_id = @id AND c.teacher_id = p.teacher
            """, new { id, placedIn, teachers = list.Select(p => p.Teacher).ToArray(), schools = list.Select(p => p.School).ToArray() }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task<RoundView?> ViewAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        var round = await connection.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(
            "SELECT id, district_code AS DistrictCode, term_from AS TermFrom, term_to AS TermTo, stage FROM rounds WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        if (round is null)
            return null;
        var posts = await connection.QueryAsync<RoundPost>(new CommandDefinition("""
            SELECT p.school_id AS SchoolId, k.name AS SchoolName, p.subject, p.posts,
                   (SELECT count(*)::int FROM round_candidates c WHERE c.round_id = p.round_id AND c.placed_school_id = p.school_id AND c.subject = p.subject) AS Filled
            FROM round_posts p JOIN known_schools k ON k.id = p.school_id WHERE p.round_id = @id ORDER BY k.name, p.subject
            """, new { id }, cancellationToken: cancellationToken));
        var candidates = await QueryCandidatesAsync(connection, new CommandDefinition(
            CandidatesSql + " ORDER BY t.staff_number", new { id }, cancellationToken: cancellationToken));
        var events = await Events.ListAsync(connection, id, cancellationToken);
        return new RoundView(round.Id, round.DistrictCode, round.TermFrom, round.TermTo, round.Stage, posts.ToList(), candidates.ToList(), events);
    }

    private static readonly WorkflowEvents Events = new("round_events", "round_id");

    private static readonly AuditedChange<RoundRow, RoundView> Change = new(
        (transaction, id, cancellationToken) => transaction.Connection!.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(
            "SELECT id, district_code AS DistrictCode, term_from AS TermFrom, term_to AS TermTo, stage FROM rounds WHERE id = @id FOR UPDATE",
            new { id }, transaction, cancellationToken: cancellationToken)),
        round => round.Stage, Events.RecordAsync, ViewAsync);
}
