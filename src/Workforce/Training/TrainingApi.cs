using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Workforce.Training;

public sealed record TrainingPreview(string StaffNumber, string Course, DateOnly Date, double Hours, string Change) : IPreviewRow;

public sealed record TeacherTraining(
    Guid TeacherId, string StaffNumber, string Name, Guid SchoolId, string SchoolName, TrainingStatus Status, bool CannotFinish, IReadOnlyList<RuleProgress> Rules);

public sealed record SchoolTraining(Guid SchoolId, string SchoolName, int Teachers, int Done, int OnTrack, int Behind, int CannotFinish, double CompletionRate);

/// <summary>
/// The training ledger: providers' files imported (all or nothing), the district's rules, each teacher's status against
/// them (done, on track, behind), schools' completion rates, and alerts for teachers who can no longer finish.
/// </summary>
public static class TrainingApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private sealed record TeacherRow(Guid Id, string StaffNumber, string Name, Guid SchoolId, string SchoolName, DateOnly? HiredOn);

    private static readonly SheetUpload<TrainingRecord, TrainingPreview> Upload = new(
        TrainingImport.Columns,
        Read: async (connection, import, scope, cancellationToken) =>
        {
            var teachers = (await connection.QueryAsync<(string StaffNumber, Guid Id)>(new CommandDefinition(
                "SELECT staff_number, id FROM teachers WHERE starts_with(district_code, @Prefix)", new { scope.Prefix }, cancellationToken: cancellationToken)))
                // Staff numbers are unique within a district: for a city-wide user, one two districts share names no one.
                .GroupBy(t => t.StaffNumber).Where(number => number.Count() == 1).ToDictionary(number => number.Key, number => number.Single().Id);
            return TrainingImport.Read(import, teachers, DateOnly.FromDateTime(DateTime.UtcNow));
        },
        Preview: async (connection, records, cancellationToken) =>
        {
            var existing = (await connection.QueryAsync<(Guid TeacherId, string Course, DateOnly Date, double Hours)>(new CommandDefinition("""
                    SELECT r.teacher_id, r.course, r.date, r.hours::float8 FROM training_records r
                    JOIN unnest(@teachers, @courses, @dates) AS w (teacher, course, date) ON r.teacher_id = w.teacher AND r.course = w.course AND r.date = w.date
                    """, Columns(records), cancellationToken: cancellationToken)))
                .ToDictionary(r => (r.TeacherId, r.Course, r.Date), r => r.Hours);
            return records.Select(r => new TrainingPreview(r.StaffNumber, r.Course, r.Date, r.Hours,
                IPreviewRow.ChangeOf(existing, (r.TeacherId, r.Course, r.Date), r.Hours))).ToList();
        },
        Write: (transaction, records, cancellationToken) => transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO training_records (teacher_id, course, date, level, category, hours, provider)
            SELECT * FROM unnest(@teachers, @courses, @dates, @levels, @categories, @hours, @providers)
            ON CONFLICT (teacher_id, course, date) DO UPDATE SET level = excluded.level, category = excluded.category, hours = excluded.hours,
                provider = excluded.provider, imported_at = now()
            """, Columns(records), transaction, cancellationToken: cancellationToken)));

    private static readonly XlsxSheet<IReadOnlyList<TeacherTraining>> StatusSheet = new("继续教育", "training.xlsx",
        ["工号", "姓名", "学校", "状态", "无法按期完成", "规则", "起", "止", "应修学时", "已修学时", "按进度应有"],
        teachers => teachers.SelectMany(t => t.Rules.Select(r => (IReadOnlyList<object?>)[
            t.StaffNumber, t.Name, t.SchoolName, t.Status switch { TrainingStatus.Done => "已完成", TrainingStatus.OnTrack => "按进度", _ => "滞后" },
            t.CannotFinish ? "是" : "否", r.Kind == RuleKind.Cycle ? "周期" : "年度", r.From.ToString("yyyy-MM-dd"), r.Until.ToString("yyyy-MM-dd"),
            r.Required, r.Earned, r.Expected])));

    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var training = app.MapGroup("/training").WithTags("Training");
        Upload.MapImport(training);
        training.MapGet("/rules/{districtCode}", async (string districtCode, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return TypedResults.Ok(await RulesAsync(connection, districtCode, cancellationToken));
        });
        training.MapPut("/rules/{districtCode}", PutRulesAsync);
        training.MapGet("/status", async ([AsParameters] StatusQuery query, Database dataSource, CancellationToken cancellationToken) =>
            TypedResults.Ok(await StatusAsync(dataSource, query, cancellationToken)));
        training.MapGet("/status/export", async ([AsParameters] StatusQuery query, Database dataSource, CancellationToken cancellationToken) =>
            StatusSheet.File(await StatusAsync(dataSource, query, cancellationToken)));
        training.MapGet("/alerts", async ([AsParameters] StatusQuery query, Database dataSource, CancellationToken cancellationToken) =>
            TypedResults.Ok((await StatusAsync(dataSource, query, cancellationToken)).Where(t => t.CannotFinish).ToList()));
        training.MapGet("/schools", async ([AsParameters] StatusQuery query, Database dataSource, CancellationToken cancellationToken) =>
            TypedResults.Ok((await StatusAsync(dataSource, query, cancellationToken))
                .GroupBy(t => (t.SchoolId, t.SchoolName))
                .Select(g => new SchoolTraining(g.Key.SchoolId, g.Key.SchoolName, g.Count(), g.Count(t => t.Status == TrainingStatus.Done),
                    g.Count(t => t.Status == TrainingStatus.OnTrack), g.Count(t => t.Status == TrainingStatus.Behind), g.Count(t => t.CannotFinish),
                    Math.Round((double)g.Count(t => t.Status == TrainingStatus.Done) / g.Count(), 3)))
                .ToList()));
        return app;
    }

    /// <param name="MaxHoursPerMonth">The most hours a teacher can still do in a month, which decides who can no longer finish (40 unless given, 1 to 200).</param>
    public sealed record StatusQuery(string DistrictCode, Guid? SchoolId, DateOnly? AsOf, [property: Bounds(1, 200)] double? MaxHoursPerMonth);

    /// <summary>Each teacher of the district (or school) against the district's rules on the day asked (today when not given).</summary>
    private static async Task<IReadOnlyList<TeacherTraining>> StatusAsync(Database dataSource, StatusQuery query, CancellationToken cancellationToken)
    {
        var (districtCode, schoolId) = (query.DistrictCode, query.SchoolId);
        var on = query.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var maxHoursPerMonth = query.MaxHoursPerMonth ?? 40;
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var rules = await RulesAsync(connection, districtCode, cancellationToken);
        var teachers = await connection.QueryAsync<TeacherRow>(new CommandDefinition("""
            SELECT t.id, t.staff_number AS StaffNumber, t.name, t.school_id AS SchoolId, s.name AS SchoolName, t.hired_on AS HiredOn
            FROM teachers t JOIN known_schools s ON s.id = t.school_id
            WHERE t.district_code = @districtCode AND (@schoolId::uuid IS NULL OR t.school_id = @schoolId)
            ORDER BY s.name, t.staff_number
            """, new { districtCode, schoolId }, cancellationToken: cancellationToken));
        var hours = (await connection.QueryAsync<(Guid TeacherId, DateOnly Date, double Hours)>(new CommandDefinition("""
            SELECT r.teacher_id, r.date, r.hours::float8 FROM training_records r JOIN teachers t ON t.id = r.teacher_id
            WHERE t.district_code = @districtCode AND (@schoolId::uuid IS NULL OR t.school_id = @schoolId)
            """, new { districtCode, schoolId }, cancellationToken: cancellationToken)))
            .ToLookup(r => r.TeacherId, r => new TrainingHours(r.Date, r.Hours));
        return teachers.Select(t =>
        {
            var progress = TrainingLedger.Evaluate(rules, t.HiredOn, hours[t.Id].ToList(), on, maxHoursPerMonth);
            return new TeacherTraining(t.Id, t.StaffNumber, t.Name, t.SchoolId, t.SchoolName, TrainingLedger.Overall(progress), progress.Any(p => p.CannotFinish), progress);
        }).ToList();
    }

    private static async Task<IReadOnlyList<TrainingRule>> RulesAsync(NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken)
    {
        var stored = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT rule::text FROM training_rules WHERE district_code = @districtCode ORDER BY position", new { districtCode }, cancellationToken: cancellationToken)))
            .Select(rule => JsonSerializer.Deserialize<TrainingRule>(rule, Json)!).ToList();
        return stored.Count > 0 ? stored : [TrainingRule.NationalCycle];
    }

    /// <summary>Replaces a district's rules, e.g. the national cycle plus 东丽's 96 hours a year.</summary>
    private static async Task<Results<Ok<IReadOnlyList<TrainingRule>>, ValidationProblem>> PutRulesAsync(
        string districtCode, IReadOnlyList<TrainingRule> rules, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (districtCode.Length != 6 || !districtCode.All(char.IsAsciiDigit))
            validation.Add("districtCode", "must be a six-digit district code.");
        if (rules.Count is 0 or > 5)
            validation.Add("rules", "must list 1 to 5 rules.");
        for (var i = 0; i < rules.Count; i++)
            foreach (var (field, problem) in rules[i].Problems())
                validation.Add($"[{i}].{char.ToLowerInvariant(field[0])}{field[1..]}", problem);
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM training_rules WHERE district_code = @districtCode;
            INSERT INTO training_rules (district_code, position, rule) SELECT @districtCode, p, r::jsonb FROM unnest(@positions, @rules) AS x (p, r);
            """, new { districtCode, positions = Enumerable.Range(0, rules.Count).ToArray(), rules = rules.Select(r => JsonSerializer.Serialize(r, Json)).ToArray() },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TrainingRule>>(rules);
    }

    private static object Columns(IReadOnlyList<TrainingRecord> records) => new
    {
        teachers = records.Select(r => r.TeacherId).ToArray(), courses = records.Select(r => r.Course).ToArray(), dates = records.Select(r => r.Date).ToArray(),
        levels = records.Select(r => r.Level).ToArray(), categories = records.Select(r => r.Category).ToArray(),
        hours = records.Select(r => (decimal)r.Hours).ToArray(), providers = records.Select(r => r.Provider).ToArray(),
    };
}
