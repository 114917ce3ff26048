using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;
using Platform.Workforce.Teachers;

namespace Platform.Workforce.Rounds;

internal sealed record RoundRow(Guid Id, string DistrictCode, DateOnly TermFrom, DateOnly TermTo, RoundStage Stage);

/// <summary>Posts per school and subject, and how many of them are filled, keyed by (school, subject).</summary>
internal sealed record RoundPosts(Dictionary<(string, string), int> Posts, Dictionary<(string, string), int> Filled);

/// <summary>The appointment rounds' tables: every query the rounds feature runs.</summary>
internal static class RoundStore
{
    public static readonly WorkflowEventStore Events = new("round_events", "round_id");

    /// <summary>A change to a round: locked, checked against its stage, recorded, answered as it now stands.</summary>
    public static readonly AuditedChange<RoundRow, RoundStage, RoundView> Change = new(
        (transaction, id, cancellationToken) =>
            transaction.SingleOrDefaultAsync<RoundRow>($"""
                {Round}
                FOR UPDATE
                """, new { id }, cancellationToken),
        round => round.Stage, stage => RoundRules.StageNames[stage], Events.RecordAsync, ViewAsync);

    private const string Round = """
        SELECT id, district_code AS DistrictCode, term_from AS TermFrom, term_to AS TermTo, stage
        FROM rounds
        WHERE id = @id
        """;

    public static Task<List<RoundLine>> ListAsync(
        NpgsqlConnection connection, string scopePrefix, string? districtCode, CancellationToken cancellationToken) =>
        connection.ListAsync<RoundLine>("""
            SELECT id, district_code AS DistrictCode, term_from AS TermFrom, term_to AS TermTo, stage
            FROM rounds
            WHERE starts_with(district_code, @scopePrefix)
              AND (@districtCode::text IS NULL OR district_code = @districtCode)
            ORDER BY term_from DESC, created_at DESC
            """, new { scopePrefix, districtCode }, cancellationToken);

    public static async Task<RoundView?> ViewAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        if (await connection.SingleOrDefaultAsync<RoundRow>(Round, new { id }, cancellationToken) is not { } round)
            return null;
        var posts = await connection.ListAsync<RoundPost>("""
            SELECT p.school_id AS SchoolId, k.name AS SchoolName, p.subject, p.posts,
                   (SELECT count(*)::int FROM round_candidates c
                    WHERE c.round_id = p.round_id AND c.placed_school_id = p.school_id AND c.subject = p.subject) AS Filled
            FROM round_posts p
            JOIN known_schools k ON k.id = p.school_id
            WHERE p.round_id = @id
            ORDER BY k.name, p.subject
            """, new { id }, cancellationToken);
        var candidates = ToCandidates(
            await connection.ListAsync<CandidateRow>($"""
                {Candidates}
                ORDER BY t.staff_number
                """, new { id }, cancellationToken));
        var events = await Events.ListAsync(connection, id, cancellationToken);
        var all = candidates.ToList();
        return new RoundView(round.Id, round.DistrictCode, round.TermFrom, round.TermTo, round.Stage,
            posts, all, events, RoundRules.Stages, RoundRules.Choosable(round.Stage, posts, all));
    }

    /// <summary>
    /// A new round in its first stage, with every 在编 teacher of the district as a candidate at the school they are
    /// at on <paramref name="day"/>; answers how many.
    /// </summary>
    public static async Task<int> OpenAsync(
        NpgsqlTransaction transaction, Guid id, string district, DateOnly termFrom, DateOnly termTo, DateOnly day,
        CancellationToken cancellationToken)
    {
        await transaction.WriteAsync("""
            INSERT INTO rounds (id, district_code, term_from, term_to, stage)
            VALUES (@id, @district, @termFrom, @termTo, 'posts')
            """, new { id, district, termFrom, termTo }, cancellationToken);
        return await transaction.WriteAsync("""
            INSERT INTO round_candidates (round_id, teacher_id, home_school_id, subject)
            SELECT @id, id, school_id, subjects[1]
            FROM teachers_on(@day)
            WHERE district_code = @district AND establishment = 'in_establishment'
            """, new { id, district, day }, cancellationToken);
    }

    /// <summary>The posts approved for a school of the district, by subject.</summary>
    public static async Task<Dictionary<string, int>> ApprovedPostsAsync(
        NpgsqlTransaction transaction, Guid schoolId, string district, CancellationToken cancellationToken) =>
        (await transaction.ListAsync<(string Subject, int Approved)>("""
            SELECT p.subject, p.approved
            FROM school_posts p
            JOIN known_schools k ON k.id = p.school_id
            WHERE p.school_id = @schoolId AND k.district_code = @district
            """, new { schoolId, district }, cancellationToken))
        .ToDictionary(a => a.Subject, a => a.Approved);

    public static Task SetPostsAsync(
        NpgsqlTransaction transaction, Guid id, Guid schoolId, Dictionary<string, int> posts,
        CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO round_posts (round_id, school_id, subject, posts)
            SELECT @id, @schoolId, s, n
            FROM unnest(@subjects, @counts) AS x (s, n)
            ON CONFLICT (round_id, school_id, subject) DO UPDATE
                SET posts = excluded.posts
            """, new { id, schoolId, subjects = posts.Keys.ToArray(), counts = posts.Values.ToArray() }, cancellationToken);

    public static async Task<RoundPosts> PostsAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        var posts = await transaction.ListAsync<(Guid School, string Subject, int Posts)>("""
            SELECT school_id, subject, posts
            FROM round_posts
            WHERE round_id = @id
            """, new { id }, cancellationToken);
        var filled = await transaction.ListAsync<(Guid School, string Subject, int Filled)>("""
            SELECT placed_school_id, subject, count(*)::int
            FROM round_candidates
            WHERE round_id = @id AND placed_school_id IS NOT NULL
            GROUP BY 1, 2
            """, new { id }, cancellationToken);
        return new RoundPosts(
            posts.ToDictionary(p => (p.School.ToString(), p.Subject), p => p.Posts),
            filled.ToDictionary(f => (f.School.ToString(), f.Subject), f => f.Filled));
    }

    public static async Task<Dictionary<Guid, RoundCandidate>> CandidatesAsync(
        NpgsqlTransaction transaction, Guid id, Guid[] teacherIds, CancellationToken cancellationToken) =>
        ToCandidates(await transaction.ListAsync<CandidateRow>($"""
            {Candidates}
              AND c.teacher_id = ANY(@teacherIds)
            """, new { id, teacherIds }, cancellationToken))
        .ToDictionary(c => c.TeacherId);

    /// <summary>The teachers who asked for a school in 跨校竞聘.</summary>
    public static async Task<HashSet<Guid>> AskedForAsync(
        NpgsqlTransaction transaction, Guid id, Guid schoolId, CancellationToken cancellationToken) =>
        (await transaction.ListAsync<Guid>("""
            SELECT teacher_id
            FROM round_preferences
            WHERE round_id = @id AND school_id = @schoolId
            """, new { id, schoolId }, cancellationToken)).ToHashSet();

    public static Task<int> CountSchoolsInDistrictAsync(
        NpgsqlTransaction transaction, Guid[] schoolIds, string district, CancellationToken cancellationToken) =>
        transaction.ScalarAsync<int>("""
            SELECT count(*)::int
            FROM known_schools
            WHERE id = ANY(@schoolIds) AND district_code = @district
            """, new { schoolIds, district }, cancellationToken);

    public static Task SetPreferencesAsync(
        NpgsqlTransaction transaction, Guid id, Guid teacherId, Guid[] schoolIds, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            DELETE FROM round_preferences
            WHERE round_id = @id AND teacher_id = @teacherId;
            INSERT INTO round_preferences (round_id, teacher_id, rank, school_id)
            SELECT @id, @teacherId, r, s
            FROM unnest(@ranks, @schoolIds) AS x (r, s);
            """, new { id, teacherId, ranks = Enumerable.Range(1, schoolIds.Length).ToArray(), schoolIds }, cancellationToken);

    /// <summary>The candidates neither placed nor sent elsewhere, longest-serving first, with their preferences.</summary>
    public static async Task<List<Unplaced>> UnplacedAsync(
        NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        (await transaction.ListAsync<(Guid TeacherId, string Subject, string? Preferences)>("""
            SELECT c.teacher_id, c.subject,
                   (SELECT string_agg(p.school_id::text, ',' ORDER BY p.rank) FROM round_preferences p
                    WHERE p.round_id = c.round_id AND p.teacher_id = c.teacher_id)
            FROM round_candidates c
            JOIN teachers t ON t.id = c.teacher_id
            WHERE c.round_id = @id AND c.placed_school_id IS NULL AND c.unplaced_outcome IS NULL
            ORDER BY t.hired_on NULLS LAST, t.staff_number
            """, new { id }, cancellationToken))
        .Select(u => new Unplaced(u.TeacherId.ToString(), u.Subject, u.Preferences?.Split(',') ?? []))
        .ToList();

    public static Task PlaceAllAsync(
        NpgsqlTransaction transaction, Guid id, IReadOnlyCollection<(Guid Teacher, Guid School)> placements,
        RoundStage placedIn, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE round_candidates c
            SET placed_school_id = p.school, placed_in = @placedIn
            FROM unnest(@teachers, @schools) AS p (teacher, school)
            WHERE c.round_id = @id AND c.teacher_id = p.teacher
            """, new
        {
            id, placedIn = placedIn.Code(),
            teachers = placements.Select(p => p.Teacher).ToArray(),
            schools = placements.Select(p => p.School).ToArray(),
        }, cancellationToken);

    /// <summary>Sends an unplaced candidate to 待岗培训 or 转岗; answers 0 when the teacher is not one.</summary>
    public static Task<int> SetUnplacedOutcomeAsync(
        NpgsqlTransaction transaction, Guid id, Guid teacherId, string outcome, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE round_candidates
            SET unplaced_outcome = @outcome
            WHERE round_id = @id AND teacher_id = @teacherId AND placed_school_id IS NULL
            """, new { id, teacherId, outcome }, cancellationToken);

    /// <returns>How many candidates were neither placed nor sent, and now are sent.</returns>
    public static Task<int> SetRestOutcomeAsync(
        NpgsqlTransaction transaction, Guid id, string outcome, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE round_candidates
            SET unplaced_outcome = @outcome
            WHERE round_id = @id AND placed_school_id IS NULL AND unplaced_outcome IS NULL
            """, new { id, outcome }, cancellationToken);

    public static Task<int> CountLeftAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.ScalarAsync<int>("""
            SELECT count(*)::int
            FROM round_candidates
            WHERE round_id = @id AND placed_school_id IS NULL AND unplaced_outcome IS NULL
            """, new { id }, cancellationToken);

    /// <summary>
    /// Closing: the placements become appointments, and a teacher placed in another school moves there from the
    /// start of the term, posted into their history as every move is (TeacherStore.PostAsync), not before.
    /// </summary>
    public static async Task CloseAsync(NpgsqlTransaction transaction, RoundRow round, CancellationToken cancellationToken)
    {
        await transaction.WriteAsync("""
            INSERT INTO appointments (round_id, teacher_id, school_id, subject, term_from, term_to, placed_in)
            SELECT @Id, teacher_id, placed_school_id, subject, @TermFrom, @TermTo, placed_in
            FROM round_candidates
            WHERE round_id = @Id AND placed_school_id IS NOT NULL
            """, new { round.Id, round.TermFrom, round.TermTo }, cancellationToken);
        await TeacherStore.PostAsync(transaction, """
            SELECT teacher_id, placed_school_id AS school_id, @TermFrom::date AS on_date, 'appointment' AS origin
            FROM round_candidates
            WHERE round_id = @Id AND placed_school_id <> home_school_id
            """, new { round.Id, round.TermFrom }, cancellationToken);
    }

    public static Task MoveToAsync(NpgsqlTransaction transaction, Guid id, RoundStage stage, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE rounds
            SET stage = @stage
            WHERE id = @id
            """, new { id, stage = stage.Code() }, cancellationToken);

    private sealed record CandidateRow(
        Guid TeacherId, string Name, Guid HomeSchoolId, string Subject, Guid? PlacedSchoolId, RoundStage? PlacedIn,
        string? UnplacedOutcome, string Preferences);

    private const string Candidates = """
        SELECT c.teacher_id AS TeacherId, t.name, c.home_school_id AS HomeSchoolId, c.subject,
               c.placed_school_id AS PlacedSchoolId, c.placed_in AS PlacedIn, c.unplaced_outcome AS UnplacedOutcome,
               array_to_string(ARRAY(SELECT p.school_id FROM round_preferences p
                                     WHERE p.round_id = c.round_id AND p.teacher_id = c.teacher_id
                                     ORDER BY p.rank), ',') AS Preferences
        FROM round_candidates c
        JOIN teachers t ON t.id = c.teacher_id
        WHERE c.round_id = @id
        """;

    /// <summary>Preferences come as text: Dapper cannot pass a PostgreSQL array to a record's constructor.</summary>
    private static IEnumerable<RoundCandidate> ToCandidates(IEnumerable<CandidateRow> rows) => rows.Select(c =>
        new RoundCandidate(c.TeacherId, c.Name, c.HomeSchoolId, c.Subject, c.PlacedSchoolId, c.PlacedIn,
            c.UnplacedOutcome, c.Preferences.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToArray()));
}
