using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;

namespace Platform.Workforce.Training;

/// <summary>
/// The training ledger: providers' files imported (all or nothing), the district's rules, each teacher's status against
/// them (done, on track, behind), schools' completion rates, and alerts for teachers who can no longer finish.
/// </summary>
public static class TrainingApi
{
    private static readonly SheetUpload<TrainingRecord, TrainingPreview> Upload = new(
        TrainingImport.Columns,
        Read: async (connection, import, scope, today, cancellationToken) => TrainingImport.Read(import,
            await TrainingStore.TeachersByStaffNumberAsync(connection, scope.Prefix, cancellationToken), today),
        Preview: async (connection, records, cancellationToken) =>
        {
            var recorded = await TrainingStore.RecordedHoursAsync(connection, records, cancellationToken);
            return [.. records.Select(r => new TrainingPreview(r.StaffNumber, r.Course, r.Date, r.Hours,
                IPreviewRow.ChangeOf(recorded, (r.TeacherId, r.Course, r.Date), r.Hours)))];
        },
        Write: TrainingStore.WriteRecordsAsync);

    /// <summary>The statuses under the names the training page gives them.</summary>
    private static readonly IReadOnlyDictionary<TrainingStatus, string> StatusNames = new Dictionary<TrainingStatus, string>
    {
        [TrainingStatus.Done] = "已完成", [TrainingStatus.OnTrack] = "进度正常", [TrainingStatus.Behind] = "落后",
        [TrainingStatus.Missed] = "逾期未完成",
    };

    /// <summary>One row per teacher and period: the current one of each rule, and each one that ended short.</summary>
    private static readonly XlsxSheet<IReadOnlyList<TeacherTraining>> StatusSheet = new("继续教育", "training.xlsx",
        ["工号", "姓名", "学校", "状态", "规则", "起", "止", "应修学时", "已修学时", "按进度应有", "本期状态", "无法按期完成",
            "临近截止"],
        teachers => teachers.SelectMany(t => t.Rules.Select(r => (IReadOnlyList<object?>)
        [
            t.StaffNumber, t.Name, t.SchoolName, StatusNames[t.Status], r.Kind == RuleKind.Cycle ? "周期" : "年度",
            r.From.ToString("yyyy-MM-dd"), r.Until.ToString("yyyy-MM-dd"), r.Required, r.Earned, r.Expected,
            StatusNames[r.Status], r.CannotFinish ? "是" : "否", r.DueSoon ? "是" : "否",
        ])));

    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        var training = app.MapGroup("/training").WithTags("Training");
        Upload.MapImport(training)
            .Describe("导入培训学时", "A provider's file of training records: previewed, then written all or nothing.");
        training.MapGet("/rules/{districtCode}", GetRulesAsync)
            .Describe("区继续教育规则", "The district's training rules; the national five-year cycle unless it set its own.");
        training.MapPut("/rules/{districtCode}", PutRulesAsync)
            .Describe("设置继续教育规则", "Replaces the district's rules, e.g. the national cycle plus 96 hours a year.");
        training.MapGet("/status", GetStatusAsync)
            .Describe("教师学时进度", "Each teacher against the district's rules on a day: done, on track or behind.");
        training.MapGet("/status/export", ExportStatusAsync)
            .Describe("导出学时进度", "Each teacher's progress rule by rule, as an Excel workbook.");
        training.MapGet("/alerts", GetAlertsAsync)
            .Describe("学时预警",
                "Teachers with a period that ended short, hours out of reach, or hours owed within months of a deadline.");
        training.MapGet("/schools", GetSchoolsAsync)
            .Describe("学校完成率", "Each school's teachers done, on track, behind and unable to finish, and its completion rate.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<TeacherTraining>>> GetStatusAsync(
        [AsParameters] StatusQuery query, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StatusAsync(dataSource, query, clock, cancellationToken));

    private static async Task<FileContentHttpResult> ExportStatusAsync(
        [AsParameters] StatusQuery query, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        StatusSheet.File(await StatusAsync(dataSource, query, clock, cancellationToken));

    private static async Task<Ok<List<TeacherTraining>>> GetAlertsAsync(
        [AsParameters] StatusQuery query, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok((await StatusAsync(dataSource, query, clock, cancellationToken)).Where(t => t.NeedsAttention).ToList());

    private static async Task<Ok<List<SchoolTraining>>> GetSchoolsAsync(
        [AsParameters] StatusQuery query, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(TrainingLedger.BySchool(await StatusAsync(dataSource, query, clock, cancellationToken)));

    private static async Task<Ok<IReadOnlyList<TrainingRule>>> GetRulesAsync(
        string districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await TrainingStore.RulesAsync(connection, districtCode, cancellationToken));
    }

    /// <summary>Replaces a district's rules, e.g. the national cycle plus 东丽's 96 hours a year.</summary>
    private static async Task<Results<Ok<IReadOnlyList<TrainingRule>>, ValidationProblem>> PutRulesAsync(
        string districtCode, IReadOnlyList<TrainingRule> rules, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (districtCode.Length != 6 || !districtCode.All(char.IsAsciiDigit))
            validation.Add("districtCode", WorkforceTexts.SixDigitDistrict);
        if (rules.Count is 0 or > 5)
            validation.Add("rules", new("须列出 1 到 5 条规则。", "must list 1 to 5 rules."));
        for (var i = 0; i < rules.Count; i++)
            foreach (var (field, problem) in rules[i].Problems())
                validation.Add($"[{i}].{char.ToLowerInvariant(field[0])}{field[1..]}", problem);
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TrainingStore.ReplaceRulesAsync(transaction, districtCode, rules, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(rules);
    }

    /// <summary>Each teacher of the district (or school) against the district's rules on the day asked (today when not given).</summary>
    private static async Task<IReadOnlyList<TeacherTraining>> StatusAsync(
        Database dataSource, StatusQuery query, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (districtCode, schoolId) = (query.DistrictCode, query.SchoolId);
        var on = query.AsOf ?? clock.Today();
        var maxHoursPerMonth = query.MaxHoursPerMonth ?? 40;
        var alertMonths = query.AlertMonths ?? 3;
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var rules = await TrainingStore.RulesAsync(connection, districtCode, cancellationToken);
        var teachers = await TrainingStore.TeachersAsync(connection, districtCode, schoolId, on, cancellationToken);
        var hours = await TrainingStore.HoursAsync(connection, districtCode, schoolId, on, cancellationToken);
        return [.. teachers.Select(t =>
        {
            var progress = TrainingLedger.Evaluate(rules, t.HiredOn, [.. hours[t.Id]], on, maxHoursPerMonth, alertMonths);
            return new TeacherTraining(t.Id, t.StaffNumber, t.Name, t.SchoolId, t.SchoolName,
                TrainingLedger.Overall(progress), progress.Any(p => p.CannotFinish), progress);
        })];
    }
}
