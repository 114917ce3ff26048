using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;
using Platform.Workforce.Teachers;

namespace Platform.Workforce.Rotation;

internal sealed record PlanRow(
    Guid Id, string DistrictCode, int Year, DateOnly ReferenceDate, PlanStatus Status, string Policy, string Eligible,
    string? EligibleBackbone, string Explanations);

/// <summary>The rotation plans' tables: every query the rotation feature runs, and the JSON a plan keeps.</summary>
internal static class RotationStore
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static readonly WorkflowEventStore Events = new("rotation_plan_events", "plan_id");

    /// <summary>A change to a plan: locked, checked against its status, recorded, answered as it now stands.</summary>
    public static readonly AuditedChange<PlanRow, PlanStatus, PlanView> Change = new(
        (transaction, id, cancellationToken) =>
            transaction.SingleOrDefaultAsync<PlanRow>($"""
                {Plan}
                FOR UPDATE
                """, new { id }, cancellationToken),
        plan => plan.Status, status => PlanSteps.StatusNames[status], Events.RecordAsync, ViewAsync);

    private const string Plan = """
        SELECT id, district_code AS DistrictCode, year, reference_date AS ReferenceDate, status, policy::text AS Policy,
               eligible::text AS Eligible, eligible_backbone::text AS EligibleBackbone, explanations::text AS Explanations
        FROM rotation_plans
        WHERE id = @id
        """;

    private sealed record AssignmentTerm(Guid TeacherId, int Year, DateOnly ReferenceDate, int TermYears, DateOnly? ReturnsOn);

    private sealed record SchoolRow(Guid Id, string Name, Guid ZoneId, string? GroupName, int Strength, string Stages);

    public static Task<List<PlanLine>> ListAsync(
        NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        connection.ListAsync<PlanLine>("""
            SELECT id, year, status
            FROM rotation_plans
            WHERE @districtCode::text IS NULL OR district_code = @districtCode
            ORDER BY year DESC, created_at DESC
            """, new { districtCode }, cancellationToken);

    public static async Task<PlanView?> ViewAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        if (await connection.SingleOrDefaultAsync<PlanRow>(Plan, new { id }, cancellationToken) is not { } plan)
            return null;
        var assignments = await connection.ListAsync<AssignmentView>("""
            SELECT a.teacher_id AS TeacherId, t.name AS TeacherName, a.from_school_id AS FromSchoolId, f.name AS FromSchool,
                   a.to_school_id AS ToSchoolId, h.name AS ToSchool, a.subject, a.backbone, a.manual,
                   a.term_years AS TermYears, a.outcome, a.returns_on AS ReturnsOn, a.return_reason AS ReturnReason
            FROM rotation_assignments a
            JOIN teachers t ON t.id = a.teacher_id
            JOIN known_schools f ON f.id = a.from_school_id
            JOIN known_schools h ON h.id = a.to_school_id
            WHERE a.plan_id = @id
            ORDER BY f.name, t.name
            """, new { id }, cancellationToken);
        var events = await Events.ListAsync(connection, id, cancellationToken);
        var policy = PolicyOf(plan);
        var (schools, district) = RotationPlanner.Check(
            JsonSerializer.Deserialize<Dictionary<string, int>>(plan.Eligible, Json)!,
            plan.EligibleBackbone is null ? null : JsonSerializer.Deserialize<Dictionary<string, int>>(plan.EligibleBackbone, Json),
            [.. assignments.Select(a => new Assignment(
                a.TeacherId.ToString(), a.FromSchoolId.ToString(), a.ToSchoolId.ToString(), a.Subject, a.Backbone))],
            policy);
        return new PlanView(plan.Id, plan.DistrictCode, plan.Year, plan.ReferenceDate, plan.Status, policy.ToView(), assignments,
            schools, district, ExplanationsOf(plan), events, PlanSteps.From(plan.Status));
    }

    public static RotationPolicy PolicyOf(PlanRow plan) => JsonSerializer.Deserialize<RotationPolicy>(plan.Policy, Json)!;

    /// <summary>The district's own rotation policy; null while it follows Tianjin's.</summary>
    public static async Task<RotationPolicy?> DistrictPolicyAsync(
        NpgsqlConnection connection, string district, CancellationToken cancellationToken) =>
        await connection.ScalarAsync<string>("""
            SELECT policy::text
            FROM rotation_policies
            WHERE district_code = @district
            """, new { district }, cancellationToken) is { } policy
            ? JsonSerializer.Deserialize<RotationPolicy>(policy, Json)
            : null;

    public static Task SetDistrictPolicyAsync(
        NpgsqlConnection connection, string district, RotationPolicy policy, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            INSERT INTO rotation_policies (district_code, policy)
            VALUES (@district, @policy::jsonb)
            ON CONFLICT (district_code) DO UPDATE
                SET policy = excluded.policy, updated_at = now()
            """, new { district, policy = JsonSerializer.Serialize(policy, Json) }, cancellationToken);

    /// <summary>
    /// The plan's explanations in the request's language; a plan generated before they were kept in both languages has
    /// them in Chinese only, as they were written.
    /// </summary>
    public static List<TeacherExplanation> ExplanationsOf(PlanRow plan)
    {
        try
        {
            return [.. JsonSerializer.Deserialize<List<PlannedTeacher>>(plan.Explanations, Json)!.Select(t => t.ToExplanation())];
        }
        catch (JsonException)
        {
            return JsonSerializer.Deserialize<List<TeacherExplanation>>(plan.Explanations, Json)!;
        }
    }

    /// <summary>
    /// A district's open schools and teachers as the rotation planner sees them on <paramref name="day"/>, each teacher
    /// with the assignment of another plan (submitted or further, other than <paramref name="exceptPlan"/>) they are
    /// not home from by then. Schools without a profile count as
    /// middling (strength 3) and in no group. A school's balance in a subject is its 在编 teachers of that main subject
    /// minus the posts approved for it; subjects without approved posts are balanced.
    /// </summary>
    public static async Task<(IReadOnlyList<RotationTeacher> Teachers, IReadOnlyList<RotationSchool> Schools)> LoadPoolAsync(
        NpgsqlConnection connection, string districtCode, DateOnly day, Guid? exceptPlan, CancellationToken cancellationToken)
    {
        var schools = await connection.ListAsync<SchoolRow>("""
            SELECT k.id, k.name, k.zone_id AS ZoneId, p.group_name AS GroupName, coalesce(p.strength, 3) AS Strength,
                   array_to_string(ARRAY(SELECT jsonb_array_elements(k.stages) ->> 'stage'), ',') AS Stages
            FROM known_schools k
            LEFT JOIN school_profiles p ON p.school_id = k.id
            WHERE k.district_code = @districtCode AND k.status = 'open'
            """, new { districtCode }, cancellationToken);
        var posts = await connection.ListAsync<(Guid SchoolId, string Subject, int Approved)>("""
            SELECT p.school_id, p.subject, p.approved
            FROM school_posts p
            JOIN known_schools k ON k.id = p.school_id
            WHERE k.district_code = @districtCode
            """, new { districtCode }, cancellationToken);
        var teachers = await TeacherStore.ListAsync(connection, districtCode, null, day, cancellationToken);
        var rotating = (await connection.ListAsync<AssignmentTerm>("""
            SELECT a.teacher_id AS TeacherId, p.year, p.reference_date AS ReferenceDate, a.term_years AS TermYears,
                   a.returns_on AS ReturnsOn
            FROM rotation_assignments a
            JOIN rotation_plans p ON p.id = a.plan_id
            WHERE p.district_code = @districtCode AND p.status <> 'draft' AND (@exceptPlan::uuid IS NULL OR p.id <> @exceptPlan)
            """, new { districtCode, exceptPlan }, cancellationToken))
            .Select(a => (a.TeacherId,
                Active: new ActiveRotation(a.Year, a.ReturnsOn ?? RotationDates.HomeOn(a.ReferenceDate, a.TermYears))))
            .Where(a => a.Active.Until > day)
            .GroupBy(a => a.TeacherId)
            .ToDictionary(g => g.Key, g => g.MaxBy(a => a.Active.Until).Active);

        var actual = teachers.Where(t => t.Establishment == TeacherCodes.InEstablishment)
            .GroupBy(t => (t.SchoolId, t.Subjects[0])).ToDictionary(g => g.Key, g => g.Count());
        var balances = posts.GroupBy(p => p.SchoolId).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<string, int>)g.ToDictionary(
                p => p.Subject, p => actual.GetValueOrDefault((p.SchoolId, p.Subject)) - p.Approved));
        return (
            teachers.Select(t => ToRotationTeacher(t) with { Rotating = rotating.GetValueOrDefault(t.Id) }).ToList(),
            schools.Select(s => new RotationSchool(s.Id.ToString(), s.Name, s.ZoneId.ToString(), s.GroupName, s.Strength,
                balances.GetValueOrDefault(s.Id, new Dictionary<string, int>()),
                s.Stages.Split(',', StringSplitOptions.RemoveEmptyEntries))).ToList());
    }

    private static RotationTeacher ToRotationTeacher(TeacherView t) => new(
        t.Id.ToString(), t.Name, t.Gender == "male" ? Gender.Male : Gender.Female, t.BirthDate, t.SchoolId.ToString(),
        t.AtSchoolSince, t.Subjects[0], t.Establishment == TeacherCodes.InEstablishment,
        Enum.Parse<BackboneLevel>(t.Backbone, ignoreCase: true), t.Role == "principal" ? Role.Principal : Role.Teacher,
        TeacherStore.ExemptionOf(t), Stage: t.Stage);

    /// <summary>
    /// Holds the district's plans for the rest of the transaction while a step checks its teachers against the other
    /// plans: two plans of different years submitted at once cannot both keep a teacher.
    /// </summary>
    public static Task LockDistrictAsync(NpgsqlTransaction transaction, string district, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            SELECT pg_advisory_xact_lock(hashtext('rotation_plans/' || @district))
            """, new { district }, cancellationToken);

    /// <summary>
    /// Makes room for a district's plan of a year: deletes its draft, if any, and answers null; or answers the status
    /// of the plan that stays because it is past its draft. Generating the same year twice at once waits its turn.
    /// </summary>
    public static async Task<PlanStatus?> ReplaceDraftAsync(
        NpgsqlTransaction transaction, string district, int year, CancellationToken cancellationToken)
    {
        await transaction.WriteAsync("""
            SELECT pg_advisory_xact_lock(hashtext('rotation_plans/' || @district || '/' || @year))
            """, new { district, year }, cancellationToken);
        // Locked as every step locks a plan: a submit under way is waited for, and then seen.
        var kept = (await transaction.ListAsync<string>("""
            SELECT status
            FROM rotation_plans
            WHERE district_code = @district AND year = @year
            FOR UPDATE
            """, new { district, year }, cancellationToken))
            .Select(status => Enum.Parse<PlanStatus>(status, ignoreCase: true)).Where(status => status != PlanStatus.Draft).ToList();
        if (kept.Count > 0)
            return kept[0];
        await transaction.WriteAsync("""
            DELETE FROM rotation_plans
            WHERE district_code = @district AND year = @year
            """, new { district, year }, cancellationToken);
        return null;
    }

    public static Task InsertPlanAsync(
        NpgsqlTransaction transaction, Guid id, string district, int year, DateOnly referenceDate, RotationPolicy policy,
        RotationPlanResult result, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO rotation_plans
                (id, district_code, year, reference_date, policy, eligible, eligible_backbone, explanations, status)
            VALUES (@id, @district, @year, @referenceDate, @policy::jsonb, @eligible::jsonb, @eligibleBackbone::jsonb,
                    @explanations::jsonb, 'draft')
            """, new
        {
            id, district, year, referenceDate,
            policy = JsonSerializer.Serialize(policy, Json),
            eligible = JsonSerializer.Serialize(result.Schools.ToDictionary(s => s.SchoolId, s => s.Eligible), Json),
            eligibleBackbone = JsonSerializer.Serialize(result.Schools.ToDictionary(s => s.SchoolId, s => s.EligibleBackbone), Json),
            explanations = JsonSerializer.Serialize(result.Teachers, Json),
        }, cancellationToken);

    public static Task InsertAssignmentAsync(
        NpgsqlTransaction transaction, Guid planId, Assignment assignment, bool manual, int termYears,
        CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO rotation_assignments
                (plan_id, teacher_id, from_school_id, to_school_id, subject, backbone, manual, term_years)
            VALUES (@planId, @teacher::uuid, @from::uuid, @to::uuid, @Subject, @Backbone, @manual, @termYears)
            """, new
        {
            planId, teacher = assignment.TeacherId, from = assignment.FromSchoolId, to = assignment.ToSchoolId,
            assignment.Subject, assignment.Backbone, manual, termYears,
        }, cancellationToken);

    /// <returns>How many assignments were removed: one, or none if the teacher was not in the plan.</returns>
    public static Task<int> RemoveAssignmentAsync(
        NpgsqlTransaction transaction, Guid planId, Guid teacherId, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            DELETE FROM rotation_assignments
            WHERE plan_id = @planId AND teacher_id = @teacherId
            """, new { planId, teacherId }, cancellationToken);

    /// <returns>One, or none if the teacher is not in the plan or the term would pass six school years.</returns>
    public static Task<int> ExtendAsync(
        NpgsqlTransaction transaction, Guid planId, Guid teacherId, int years, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE rotation_assignments
            SET term_years = term_years + @years
            WHERE plan_id = @planId AND teacher_id = @teacherId AND term_years + @years <= 6 AND returns_on IS NULL
            """, new { planId, teacherId, years }, cancellationToken);

    /// <summary>The district of an open school, or null if the school is unknown or not open.</summary>
    public static Task<string?> DistrictOfOpenSchoolAsync(
        NpgsqlTransaction transaction, Guid schoolId, CancellationToken cancellationToken) =>
        transaction.SingleOrDefaultAsync<string>("""
            SELECT district_code
            FROM known_schools
            WHERE id = @schoolId AND status = 'open'
            """, new { schoolId }, cancellationToken);

    /// <summary>
    /// Whether each teacher returns or stays at the end of the term, as given; everyone else returns home. One who
    /// returned early keeps that.
    /// </summary>
    public static async Task SetOutcomesAsync(
        NpgsqlTransaction transaction, Guid planId, IReadOnlyDictionary<Guid, RotationOutcome> outcomes,
        CancellationToken cancellationToken)
    {
        foreach (var (teacherId, outcome) in outcomes)
            await transaction.WriteAsync("""
                UPDATE rotation_assignments
                SET outcome = @outcome
                WHERE plan_id = @planId AND teacher_id = @teacherId AND returns_on IS NULL
                """, new { planId, teacherId, outcome = outcome.Code() }, cancellationToken);
        await transaction.WriteAsync("""
            UPDATE rotation_assignments
            SET outcome = 'returned'
            WHERE plan_id = @planId AND outcome IS NULL
            """, new { planId }, cancellationToken);
    }

    public static Task SetStatusAsync(
        NpgsqlTransaction transaction, Guid planId, PlanStatus status, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE rotation_plans
            SET status = @status
            WHERE id = @planId
            """, new { planId, status = status.Code() }, cancellationToken);

    /// <summary>Starting a plan posts each of its teachers to the receiving school from the plan's reference date.</summary>
    public static Task PostToHostsAsync(NpgsqlTransaction transaction, Guid planId, CancellationToken cancellationToken) =>
        TeacherStore.PostAsync(transaction, """
            SELECT a.teacher_id, a.to_school_id AS school_id, p.reference_date AS on_date, 'rotation' AS origin
            FROM rotation_assignments a
            JOIN rotation_plans p ON p.id = a.plan_id
            WHERE a.plan_id = @planId
            """, new { planId }, cancellationToken);

    /// <summary>
    /// Completing a plan sends home each teacher whose outcome is to return and who has not returned early: at the end
    /// of their term, extensions included (<see cref="RotationDates.HomeOn"/>).
    /// </summary>
    public static async Task ReturnAtTermEndAsync(
        NpgsqlTransaction transaction, Guid planId, DateOnly referenceDate, CancellationToken cancellationToken)
    {
        var terms = await transaction.ListAsync<(Guid TeacherId, int TermYears)>("""
            SELECT teacher_id, term_years
            FROM rotation_assignments
            WHERE plan_id = @planId AND outcome = 'returned' AND returns_on IS NULL
            """, new { planId }, cancellationToken);
        var teachers = terms.Select(t => t.TeacherId).ToArray();
        await transaction.WriteAsync("""
            UPDATE rotation_assignments a
            SET returns_on = r.home_on
            FROM unnest(@teachers, @homeOn) AS r (teacher_id, home_on)
            WHERE a.plan_id = @planId AND a.teacher_id = r.teacher_id
            """, new
        {
            planId,
            teachers,
            homeOn = terms.Select(t => RotationDates.HomeOn(referenceDate, t.TermYears)).ToArray(),
        }, cancellationToken);
        await ReturnHomeAsync(transaction, planId, teachers, cancellationToken);
    }

    /// <summary>An early return: the teacher goes home on the day given, for the reason given.</summary>
    public static async Task ReturnEarlyAsync(
        NpgsqlTransaction transaction, Guid planId, Guid teacherId, DateOnly on, string reason, CancellationToken cancellationToken)
    {
        await transaction.WriteAsync("""
            UPDATE rotation_assignments
            SET outcome = 'returned', returns_on = @on, return_reason = @reason
            WHERE plan_id = @planId AND teacher_id = @teacherId
            """, new { planId, teacherId, on, reason }, cancellationToken);
        await ReturnHomeAsync(transaction, planId, [teacherId], cancellationToken);
    }

    /// <summary>Posts <paramref name="teachers"/> of the plan home from the day each returns.</summary>
    private static Task ReturnHomeAsync(
        NpgsqlTransaction transaction, Guid planId, Guid[] teachers, CancellationToken cancellationToken) =>
        TeacherStore.PostAsync(transaction, """
            SELECT teacher_id, from_school_id AS school_id, returns_on AS on_date, 'return' AS origin
            FROM rotation_assignments
            WHERE plan_id = @planId AND returns_on IS NOT NULL AND teacher_id = ANY(@teachers)
            """, new { planId, teachers }, cancellationToken);


    /// <summary>Rotations in effect or completed, by plan year, and a last row (year 0) over all years.</summary>
    public static Task<List<(int Year, int Persons, int PersonTimes, int Backbone)>> ReportAsync(
        NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        connection.ListAsync<(int Year, int Persons, int PersonTimes, int Backbone)>("""
            SELECT coalesce(p.year, 0), count(DISTINCT a.teacher_id)::int, count(*)::int,
                   count(*) FILTER (WHERE a.backbone)::int
            FROM rotation_assignments a
            JOIN rotation_plans p ON p.id = a.plan_id
            WHERE p.status IN ('inEffect', 'completed') AND (@districtCode::text IS NULL OR p.district_code = @districtCode)
            GROUP BY ROLLUP (p.year)
            ORDER BY grouping(p.year), p.year
            """, new { districtCode }, cancellationToken);
}
