using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;

namespace Platform.Workforce.Teachers;

/// <summary>Teachers: list, one with their school history, import from CSV or xlsx (all or nothing), and xlsx export.</summary>
public static class TeachersApi
{
    private static readonly SheetUpload<TeacherRecord, TeacherPreview> Upload = new(
        TeacherImport.Columns,
        Read: async (connection, import, scope, today, cancellationToken) =>
            TeacherImport.Read(import, await SchoolDirectory.AllAsync(connection, scope.Prefix, cancellationToken), today,
                await TeacherStore.CurrentPostingsAsync(connection, scope.Prefix, today, cancellationToken)),
        Preview: async (connection, records, cancellationToken) =>
        {
            var existing = await TeacherStore.ExistingAsync(connection, records, cancellationToken);
            var comparable = existing.ToDictionary(e => e.Key, e => Comparable(e.Value));
            return records.Select(r => new TeacherPreview(r.StaffNumber, r.Name, r.SchoolId,
                IPreviewRow.ChangeOf(comparable, TeacherStore.IdentityOf(r.DistrictCode, r.StaffNumber), Comparable(r)))).ToList();
        },
        Write: TeacherStore.UpsertAsync);

    private static readonly SheetTable<TeacherView> Table = new(
        (connection, filter, cancellationToken) =>
            TeacherStore.ListAsync(connection, filter.DistrictCode, filter.SchoolId, filter.AsOf!.Value, cancellationToken),
        "教师", "teachers.xlsx",
        ["工号", "姓名", "性别", "出生日期", "学校编号", "学校名称", "到校时间", "任教学科", "职称", "骨干级别", "编制", "参加工作时间", "岗位",
            "免交流原因", "免交流说明", "免交流起始日期", "免交流截止日期", "任教学段"],
        t => [t.StaffNumber, t.Name, Word(TeacherCodes.Genders, t.Gender), t.BirthDate.ToString("yyyy-MM-dd"), t.SchoolId.ToString(),
            t.SchoolName, t.AtSchoolSince.ToString("yyyy-MM-dd"), string.Join("、", t.Subjects), Word(TeacherCodes.Titles, t.Title),
            Word(TeacherCodes.Backbone, t.Backbone), Word(TeacherCodes.Establishment, t.Establishment), t.HiredOn?.ToString("yyyy-MM-dd"),
            Word(TeacherCodes.Roles, t.Role), t.Exemption is { } reason ? TeacherCodes.ExemptionName(reason) : null, t.ExemptionNote,
            t.ExemptionFrom?.ToString("yyyy-MM-dd"), t.ExemptionTo?.ToString("yyyy-MM-dd"),
            t.Stage is { } stage ? Word(TeacherCodes.Stages, stage) : null]);

    public static IEndpointRouteBuilder MapTeachersApi(this IEndpointRouteBuilder app)
    {
        var teachers = app.MapGroup("/teachers").WithTags("Teachers");
        Table.Map(teachers);
        teachers.MapGet("/{id:guid}", GetAsync)
            .Describe("教师档案", "A teacher with their postings: which school, from when, and why they moved.");
        teachers.MapPost("/{id:guid}/postings/correct", CorrectPosting.HandleAsync)
            .Describe("更正任职记录", "Corrects one posting of a teacher's history (school, first day) for a reason; audited.");
        teachers.MapPost("/", SaveAsync)
            .Describe("登记或修改教师", "Adds or updates one teacher by staff number, with the import's rules.");
        Upload.MapImport(teachers)
            .Describe("导入教师", "Teachers from a CSV or xlsx file: previewed, then written all or nothing.");
        return app;
    }

    private static async Task<Results<Ok<TeacherDetail>, NotFound>> GetAsync(
        Guid id, Database dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await TeacherStore.FindAsync(connection, id, null, clock.Today(), cancellationToken) is { } teacher
            ? TypedResults.Ok(new TeacherDetail(teacher, await TeacherStore.PostingsAsync(connection, id, cancellationToken)))
            : TypedResults.NotFound();
    }

    /// <summary>
    /// Adds or updates one teacher (by staff number). The request is read as a one-row file with the import's rules,
    /// so a field is checked exactly as its column would be; each problem is named by its field.
    /// </summary>
    private static async Task<Results<Ok<TeacherDetail>, ValidationProblem>> SaveAsync(
        TeacherRequest request, DistrictScope scope, Database dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        string?[] cells = [request.StaffNumber, request.Name, request.Gender, request.BirthDate, request.SchoolId?.ToString(),
            request.AtSchoolSince, request.Subjects is null ? null : string.Join("、", request.Subjects), request.Title, request.Backbone,
            request.Establishment, request.HiredOn, request.Role, request.Exemption, request.ExemptionNote, request.ExemptionFrom,
            request.ExemptionTo, request.Stage];
        string[] headers = ["staffNumber", "name", "gender", "birthDate", "schoolId", "atSchoolSince", "subjects", "title", "backbone",
            "establishment", "hiredOn", "role", "exemption", "exemptionNote", "exemptionFrom", "exemptionTo", "stage"];
        var import = SheetImport.Match(
            [new SheetRow(1, headers), new SheetRow(2, cells.Select(c => c ?? "").ToArray())], TeacherImport.Columns);
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var records = TeacherImport.Read(import, await SchoolDirectory.AllAsync(connection, scope.Prefix, cancellationToken),
            clock.Today(), await TeacherStore.CurrentPostingsAsync(connection, scope.Prefix, clock.Today(), cancellationToken));
        // Each reason is in the request's language already, as the import wrote it.
        if (import.Errors.Count > 0)
            return TypedResults.ValidationProblem(import.Errors
                .GroupBy(error => error.Column == "schoolName" ? "schoolId" : error.Column)
                .ToDictionary(field => field.Key, field => field.Select(error => error.Reason).ToArray()),
                title: ProblemTitles.Invalid.ToString());
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await TeacherStore.UpsertAsync(transaction, records, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        var teacher = (await TeacherStore.FindAsync(
            connection, null, (records[0].DistrictCode, records[0].StaffNumber), clock.Today(), cancellationToken))!;
        return TypedResults.Ok(new TeacherDetail(teacher, await TeacherStore.PostingsAsync(connection, teacher.Id, cancellationToken)));
    }

    /// <summary>The first Chinese word for a code, as the export writes it (and the import reads it back).</summary>
    private static string Word(IReadOnlyDictionary<string, string> words, string code) => words.First(w => w.Value == code).Key;

    /// <summary>A record as text, so the preview can say whether an import changes it (arrays do not compare by value).</summary>
    private static string Comparable(TeacherRecord record) => (record with { Subjects = [] }) + string.Join("|", record.Subjects);
}
