using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Workforce.Rotation;

public sealed record GenerateRequest(string? DistrictCode, [property: Bounds(2000, 2100)] int? Year, DateOnly? ReferenceDate, RotationPolicy? Policy);

public sealed record EditRequest(Guid? TeacherId, Guid? ToSchoolId);

public sealed record StepRequest(string? Note, Dictionary<Guid, string>? Outcomes = null);

public sealed record ExtendRequest([property: Bounds(1, 3)] int? Years);

public sealed record AssignmentView(Guid TeacherId, string TeacherName, Guid FromSchoolId, string FromSchool, Guid ToSchoolId, string ToSchool,
    string Subject, bool Backbone, bool Manual, int TermYears, string? Outcome);

public sealed record PlanView(
    Guid Id, string DistrictCode, int Year, DateOnly ReferenceDate, string Status, RotationPolicy Policy,
    IReadOnlyList<AssignmentView> Assignments, IReadOnlyList<SchoolQuota> Schools, DistrictQuota District,
    IReadOnlyList<TeacherExplanation> Teachers, IReadOnlyList<WorkflowEvent> Events);

public sealed record TeacherEligibility(string TeacherId, string Name, string Subject, BackboneLevel Backbone, int YearsAtSchool, IReadOnlyList<Reason> Ineligible)
{
    public bool Eligible => Ineligible.Count == 0;
}

public sealed record SchoolEligibility(string SchoolId, string SchoolName, IReadOnlyList<TeacherEligibility> Teachers)
{
    public int Eligible => Teachers.Count(t => t.Eligible);
}

/// <summary>Persons (distinct teachers) and person-times (人次) rotated in a district, by plan year, with the backbone share of person-times.</summary>
public sealed record RotationReport(int Year, int Persons, int PersonTimes, int BackbonePersonTimes, double BackboneShare);

/// <summary>
/// 交流轮岗 plans: generated from the district's teachers and schools, edited by hand with a live quota check, then
/// submitted, approved (or returned), put in effect (teachers move) and completed (each returns or stays, or was
/// extended before). Every step is recorded with when and who: the signed-in user.
/// </summary>
public static class RotationApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The steps of a plan: from which status, to which.</summary>
    private static readonly Dictionary<string, (string From, string To)> Steps = new()
    {
        ["submit"] = ("draft", "submitted"),
        ["return"] = ("submitted", "draft"),
        ["approve"] = ("submitted", "approved"),
        ["start"] = ("approved", "in_effect"),
        ["complete"] = ("in_effect", "completed"),
    };

    private sealed record PlanRow(Guid Id, string DistrictCode, int Year, DateOnly ReferenceDate, string Status, string Policy, string Eligible, string Explanations);

    public static IEndpointRouteBuilder MapRotationApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/rotation/plans").WithTags("Rotation");
        plans.MapPost("/", GenerateAsync);
        plans.MapGet("/", async (string? districtCode, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return TypedResults.Ok((await connection.QueryAsync<(Guid Id, int Year, string Status)>(new CommandDefinition(
                "SELECT id, year, status FROM rotation_plans WHERE @districtCode::text IS NULL OR district_code = @districtCode ORDER BY year DESC, created_at DESC",
                new { districtCode }, cancellationToken: cancellationToken))).Select(p => new { p.Id, p.Year, p.Status }).ToList());
        });
        plans.MapGet("/{id:guid}", async Task<Results<Ok<PlanView>, NotFound>> (Guid id, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return await ViewAsync(connection, id, cancellationToken) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound();
        });
        plans.MapGet("/{id:guid}/export", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return await ViewAsync(connection, id, cancellationToken) is { } plan ? PlanSheet.File(plan) : TypedResults.NotFound();
        });
        plans.MapPost("/{id:guid}/assignments", AddAsync);
        plans.MapDelete("/{id:guid}/assignments/{teacherId:guid}", RemoveAsync);
        plans.MapPost("/{id:guid}/assignments/{teacherId:guid}/extend", ExtendAsync);
        plans.MapPost("/{id:guid}/{step}", StepAsync);
        app.MapGet("/rotation/report", ReportAsync).WithTags("Rotation");
        app.MapGet("/rotation/eligible", EligibleAsync).WithTags("Rotation");
        return app;
    }

    private static readonly XlsxSheet<PlanView> PlanSheet = new("交流轮岗计划", "rotation-plan.xlsx",
        ["教师", "学科", "骨干", "派出学校", "接收学校", "期限（学年）", "手工调整", "结果"],
        plan => plan.Assignments.Select(a => (IReadOnlyList<object?>)[a.TeacherName, a.Subject, a.Backbone ? "是" : "否", a.FromSchool, a.ToSchool, a.TermYears,
            a.Manual ? "是" : "否", a.Outcome switch { "returned" => "返回", "stayed" => "留任", _ => null }]));

    private static async Task<Results<Created<PlanView>, ValidationProblem>> GenerateAsync(
        GenerateRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        var year = validation.Required("year", request.Year);
        var policy = request.Policy ?? new RotationPolicy();
        foreach (var (field, problem) in policy.Problems())
            validation.Add($"policy.{char.ToLowerInvariant(field[0])}{field[1..]}", problem);
        if (!validation.IsValid)
            return validation.Problem();
        // The school year starts on 1 September: eligibility is judged on that day unless another is given.
        var referenceDate = request.ReferenceDate ?? new DateOnly(year, 9, 1);

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var (teachers, schools) = await RotationData.LoadAsync(connection, district, cancellationToken);
        if (teachers.Count == 0)
        {
            validation.Add("districtCode", $"has no teachers yet: import them first (POST /teachers/import).");
            return validation.Problem();
        }
        var result = RotationPlanner.Plan(teachers, schools, policy, referenceDate);
        var id = Guid.CreateVersion7();
        var eligible = result.Schools.ToDictionary(s => s.SchoolId, s => s.Eligible);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO rotation_plans (id, district_code, year, reference_date, policy, eligible, explanations, status)
            VALUES (@id, @district, @year, @referenceDate, @policy::jsonb, @eligible::jsonb, @explanations::jsonb, 'draft')
            """, new
        {
            id, district, year, referenceDate, policy = JsonSerializer.Serialize(policy, Json), eligible = JsonSerializer.Serialize(eligible, Json),
            explanations = JsonSerializer.Serialize(result.Teachers, Json),
        }, transaction, cancellationToken: cancellationToken));
        foreach (var assignment in result.Assignments)
            await InsertAssignmentAsync(transaction, id, assignment, manual: false, policy.TermYears, cancellationToken);
        await Events.RecordAsync(transaction, id, "generate", user, $"{result.Assignments.Count} teachers", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/rotation/plans/{id}", (await ViewAsync(connection, id, cancellationToken))!);
    }

    /// <summary>Adds a teacher to a draft plan, or moves them to another school; the answer carries the quota check as it now stands.</summary>
    private static async Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid id, EditRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TeacherId is null)
            validation.Add("teacherId", "is required.");
        if (request.ToSchoolId is null)
            validation.Add("toSchoolId", "is required.");
        if (!validation.IsValid)
            return validation.Problem();
        return await Change.RunAsync(dataSource, id, "draft", "assign", user, async (transaction, plan, problems) =>
        {
            var connection = transaction.Connection!;
            var explanation = JsonSerializer.Deserialize<List<TeacherExplanation>>(plan.Explanations, Json)!.SingleOrDefault(t => t.TeacherId == request.TeacherId.ToString());
            if (explanation is null)
                problems.Add("teacherId", "is not a teacher of this plan's district.");
            else if (explanation.Outcome == TeacherOutcome.Ineligible)
                problems.Add("teacherId", $"is not eligible: {string.Join(" ", explanation.Reasons.Select(r => r.Text))}");
            var school = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT district_code FROM known_schools WHERE id = @ToSchoolId AND status = 'open'", request, transaction, cancellationToken: cancellationToken));
            if (school != plan.DistrictCode)
                problems.Add("toSchoolId", "is not an open school of this plan's district.");
            else if (explanation is not null && explanation.SchoolId == request.ToSchoolId.ToString())
                problems.Add("toSchoolId", "is the teacher's own school.");
            if (!problems.IsValid)
                return null;
            var teacher = (await Teachers.TeacherQueries.FindAsync(connection, request.TeacherId!.Value, cancellationToken))!;
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM rotation_assignments WHERE plan_id = @id AND teacher_id = @TeacherId",
                new { id, request.TeacherId }, transaction, cancellationToken: cancellationToken));
            await InsertAssignmentAsync(transaction, id, new Assignment(teacher.Id.ToString(), teacher.SchoolId.ToString(), request.ToSchoolId!.Value.ToString(),
                teacher.Subjects[0], teacher.Backbone != "none"), manual: true, JsonSerializer.Deserialize<RotationPolicy>(plan.Policy, Json)!.TermYears, cancellationToken);
            return $"{teacher.Name} → {request.ToSchoolId}";
        }, cancellationToken);
    }

    private static async Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ProblemHttpResult>> RemoveAsync(
        Guid id, Guid teacherId, SignedInUser user, Database dataSource, CancellationToken cancellationToken) =>
        await Change.RunAsync(dataSource, id, "draft", "unassign", user, async (transaction, _, problems) =>
        {
            if (await transaction.Connection!.ExecuteAsync(new CommandDefinition("DELETE FROM rotation_assignments WHERE plan_id = @id AND teacher_id = @teacherId",
                    new { id, teacherId }, transaction, cancellationToken: cancellationToken)) == 0)
                problems.Add("teacherId", "is not in this plan.");
            return teacherId.ToString();
        }, cancellationToken);

    /// <summary>Extends a teacher's term while the plan is in effect (up to six school years in all).</summary>
    private static async Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ProblemHttpResult>> ExtendAsync(
        Guid id, Guid teacherId, ExtendRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var years = validation.Required("years", request.Years);
        if (!validation.IsValid)
            return validation.Problem();
        return await Change.RunAsync(dataSource, id, "in_effect", "extend", user, async (transaction, _, problems) =>
        {
            if (await transaction.Connection!.ExecuteAsync(new CommandDefinition(
                    "UPDATE rotation_assignments SET term_years = term_years + @years WHERE plan_id = @id AND teacher_id = @teacherId AND term_years + @years <= 6",
                    new { id, teacherId, years }, transaction, cancellationToken: cancellationToken)) == 0)
                problems.Add("years", "the teacher is not in this plan, or the term would pass six school years.");
            return $"{teacherId} +{years}";
        }, cancellationToken);
    }

    /// <summary>
    /// Moves a plan one step: submit, return (with a note), approve, start (each teacher moves to the receiving school
    /// from the reference date) or complete (each teacher returns home, or stays where <c>outcomes</c> says "stayed").
    /// </summary>
    private static async Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ProblemHttpResult>> StepAsync(
        Guid id, string step, StepRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!Steps.TryGetValue(step, out var move))
            return TypedResults.NotFound();
        if (step == "return")
            validation.Text("note", request.Note, 500);
        if (request.Outcomes?.Values.Any(o => o is not ("returned" or "stayed")) == true)
            validation.Add("outcomes", "each outcome must be returned or stayed.");
        if (!validation.IsValid)
            return validation.Problem();
        return await Change.RunAsync(dataSource, id, move.From, step, user, async (transaction, plan, problems) =>
        {
            var connection = transaction.Connection!;
            if (step == "approve")
                await RefuseBrokenQuotasAsync(connection, id, problems, cancellationToken);
            if (!problems.IsValid)
                return null;
            if (step == "start")
                await MoveTeachersAsync(transaction, id, plan.ReferenceDate, toHost: true, cancellationToken);
            if (step == "complete")
            {
                foreach (var (teacherId, outcome) in request.Outcomes ?? [])
                    await connection.ExecuteAsync(new CommandDefinition("UPDATE rotation_assignments SET outcome = @outcome WHERE plan_id = @id AND teacher_id = @teacherId",
                        new { id, teacherId, outcome }, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition("UPDATE rotation_assignments SET outcome = 'returned' WHERE plan_id = @id AND outcome IS NULL",
                    new { id }, transaction, cancellationToken: cancellationToken));
                await MoveTeachersAsync(transaction, id, DateOnly.FromDateTime(DateTime.UtcNow), toHost: false, cancellationToken);
            }
            await connection.ExecuteAsync(new CommandDefinition("UPDATE rotation_plans SET status = @To WHERE id = @id", new { id, move.To }, transaction, cancellationToken: cancellationToken));
            return request.Note;
        }, cancellationToken);
    }

    /// <summary>A plan that breaks a quota may be kept as a draft (its check flags it) but not approved: each broken quota is named.</summary>
    private static async Task RefuseBrokenQuotasAsync(NpgsqlConnection connection, Guid id, Validation problems, CancellationToken cancellationToken)
    {
        var plan = (await ViewAsync(connection, id, cancellationToken))!;
        var names = plan.Schools.Any(s => !s.Met)
            ? (await connection.QueryAsync<(Guid Id, string Name)>(new CommandDefinition("SELECT id, name FROM known_schools WHERE district_code = @DistrictCode",
                new { plan.DistrictCode }, cancellationToken: cancellationToken))).ToDictionary(s => s.Id.ToString(), s => s.Name)
            : [];
        foreach (var school in plan.Schools.Where(s => !s.Met))
            problems.Add($"schools.{school.SchoolId}", $"{names.GetValueOrDefault(school.SchoolId, school.SchoolId)}：{string.Join("", school.Shortfall.Select(r => r.Text))}");
        if (!plan.District.Met)
            problems.Add("district", $"全区交流 {plan.District.Rotated} 人（名额 {plan.District.Required} 人），骨干占比 {plan.District.BackboneShare:P0}（要求 {plan.District.RequiredBackboneShare:P0}）。");
    }

    private static readonly WorkflowEvents Events = new("rotation_plan_events", "plan_id");

    private static readonly AuditedChange<PlanRow, PlanView> Change = new(
        (transaction, id, cancellationToken) => FindAsync(transaction.Connection!, id, transaction, cancellationToken),
        plan => plan.Status, Events.RecordAsync, ViewAsync);

    /// <summary>
    /// Starting a plan posts each teacher to the receiving school from the date (origin rotation); completing it posts
    /// those who return back home (origin return). Those who stay keep their posting.
    /// </summary>
    private static async Task MoveTeachersAsync(NpgsqlTransaction transaction, Guid planId, DateOnly on, bool toHost, CancellationToken cancellationToken)
    {
        var moving = $"""
            SELECT teacher_id, {(toHost ? "to_school_id" : "from_school_id")} AS school_id FROM rotation_assignments
            WHERE plan_id = @planId {(toHost ? "" : "AND outcome = 'returned'")}
            """;
        var parameters = new { planId, on, origin = toHost ? "rotation" : "return" };
        foreach (var sql in new[]
        {
            $"UPDATE teacher_postings p SET to_date = greatest(@on - 1, p.from_date) FROM ({moving}) m WHERE p.teacher_id = m.teacher_id AND p.to_date IS NULL",
            $"""
            INSERT INTO teacher_postings (teacher_id, school_id, from_date, origin) SELECT teacher_id, school_id, @on, @origin FROM ({moving}) m
            ON CONFLICT (teacher_id, from_date) DO UPDATE SET school_id = excluded.school_id, to_date = NULL, origin = excluded.origin
            """,
            $"UPDATE teachers t SET school_id = m.school_id, at_school_since = @on, updated_at = now() FROM ({moving}) m WHERE t.id = m.teacher_id",
        })
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The year's eligibility list per school under Tianjin's default policy (or the plan year's 1 September): each
    /// teacher eligible or not, with the reasons. A plan judges the same way with its own policy.
    /// </summary>
    private static async Task<Results<Ok<List<SchoolEligibility>>, ValidationProblem>> EligibleAsync(
        string? districtCode, [Bounds(2000, 2100)] int? year, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var district = validation.Text("districtCode", districtCode, 6);
        var planYear = validation.Required("year", year);
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var (teachers, schools) = await RotationData.LoadAsync(connection, district, cancellationToken);
        var byId = schools.ToDictionary(s => s.Id);
        var on = new DateOnly(planYear, 9, 1);
        return TypedResults.Ok(schools.Select(school => new SchoolEligibility(school.Id, school.Name,
            teachers.Where(t => t.SchoolId == school.Id).Select(t => new TeacherEligibility(t.Id, t.Name, t.Subject, t.Backbone,
                RotationPlanner.FullYears(t.AtSchoolSince, on), RotationPlanner.Ineligibility(t, new RotationPolicy(), on, byId))).ToList())).ToList());
    }

    private static async Task<Ok<List<RotationReport>>> ReportAsync(string? districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var rows = await connection.QueryAsync<(int Year, int Persons, int PersonTimes, int Backbone)>(new CommandDefinition("""
            SELECT coalesce(p.year, 0), count(DISTINCT a.teacher_id)::int, count(*)::int, count(*) FILTER (WHERE a.backbone)::int
            FROM rotation_assignments a JOIN rotation_plans p ON p.id = a.plan_id
            WHERE p.status IN ('in_effect', 'completed') AND (@districtCode::text IS NULL OR p.district_code = @districtCode)
            GROUP BY ROLLUP (p.year) ORDER BY grouping(p.year), p.year
            """, new { districtCode }, cancellationToken: cancellationToken));
        // The last row (year 0) covers all years: it counts each teacher once (persons) against every rotation (person-times).
        return TypedResults.Ok(rows.Select(r => new RotationReport(r.Year, r.Persons, r.PersonTimes, r.Backbone,
            r.PersonTimes == 0 ? 0 : (double)r.Backbone / r.PersonTimes)).ToList());
    }

    private static async Task<PlanView?> ViewAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        var plan = await FindAsync(connection, id, null, cancellationToken);
        if (plan is null)
            return null;
        var assignments = (await connection.QueryAsync<AssignmentView>(new CommandDefinition("""
            SELECT a.teacher_id AS TeacherId, t.name AS TeacherName, a.from_school_id AS FromSchoolId, f.name AS FromSchool,
                   a.to_school_id AS ToSchoolId, h.name AS ToSchool, a.subject, a.backbone, a.manual, a.term_years AS TermYears, a.outcome
            FROM rotation_assignments a JOIN teachers t ON t.id = a.teacher_id
            JOIN known_schools f ON f.id = a.from_school_id JOIN known_schools h ON h.id = a.to_school_id
            WHERE a.plan_id = @id ORDER BY f.name, t.name
            """, new { id }, cancellationToken: cancellationToken))).ToList();
        var events = await Events.ListAsync(connection, id, cancellationToken);
        var policy = JsonSerializer.Deserialize<RotationPolicy>(plan.Policy, Json)!;
        var (schools, district) = RotationPlanner.Check(JsonSerializer.Deserialize<Dictionary<string, int>>(plan.Eligible, Json)!,
            assignments.Select(a => new Assignment(a.TeacherId.ToString(), a.FromSchoolId.ToString(), a.ToSchoolId.ToString(), a.Subject, a.Backbone)).ToList(), policy);
        return new PlanView(plan.Id, plan.DistrictCode, plan.Year, plan.ReferenceDate, plan.Status, policy, assignments, schools, district,
            JsonSerializer.Deserialize<List<TeacherExplanation>>(plan.Explanations, Json)!, events);
    }

    private static Task<PlanRow?> FindAsync(NpgsqlConnection connection, Guid id, NpgsqlTransaction? lockFor, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition($"""
            SELECT id, district_code AS DistrictCode, year, reference_date AS ReferenceDate, status, policy::text AS Policy, eligible::text AS Eligible,
                   explanations::text AS Explanations
            FROM rotation_plans WHERE id = @id {(lockFor is null ? "" : "FOR UPDATE")}
            """, new { id }, lockFor, cancellationToken: cancellationToken));

    private static Task InsertAssignmentAsync(NpgsqlTransaction transaction, Guid planId, Assignment assignment, bool manual, int termYears, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO rotation_assignments (plan_id, teacher_id, from_school_id, to_school_id, subject, backbone, manual, term_years)
            VALUES (@planId, @teacher::uuid, @from::uuid, @to::uuid, @Subject, @Backbone, @manual, @termYears)
            """, new { planId, teacher = assignment.TeacherId, from = assignment.FromSchoolId, to = assignment.ToSchoolId, assignment.Subject, assignment.Backbone, manual, termYears },
            transaction, cancellationToken: cancellationToken));
}
