using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Workforce.Teachers;

public sealed record TeacherPreview(string StaffNumber, string Name, Guid SchoolId, string Change) : IPreviewRow;

public sealed record TeacherDetail(TeacherView Teacher, IReadOnlyList<Posting> Postings);

/// <summary>Teachers: list, one with their school history, import from CSV or xlsx (all or nothing), and xlsx export.</summary>
public static class TeachersApi
{
    private static readonly SheetUpload<TeacherRecord, TeacherPreview> Upload = new(
        TeacherImport.Columns,
        Read: async (connection, import, cancellationToken) =>
            TeacherImport.Read(import, await SchoolDirectory.AllAsync(connection, cancellationToken), DateOnly.FromDateTime(DateTime.UtcNow)),
        Preview: async (connection, records, cancellationToken) =>
        {
            var existing = await TeacherQueries.ExistingAsync(connection, records, cancellationToken);
            return records.Select(r => new TeacherPreview(r.StaffNumber, r.Name, r.SchoolId,
                IPreviewRow.ChangeOf(existing.ToDictionary(e => e.Key, e => Comparable(e.Value)), r.StaffNumber, Comparable(r)))).ToList();
        },
        Write: TeacherQueries.UpsertAsync);

    private static readonly SheetTable<TeacherView> Table = new(
        (connection, filter, cancellationToken) => TeacherQueries.ListAsync(connection, filter.DistrictCode, filter.SchoolId, cancellationToken),
        "教师", "teachers.xlsx",
        ["工号", "姓名", "性别", "出生日期", "学校编号", "学校名称", "到校时间", "任教学科", "职称", "骨干级别", "编制", "参加工作时间", "岗位", "免交流原因"],
        t => [t.StaffNumber, t.Name, Word(TeacherCodes.Genders, t.Gender), t.BirthDate.ToString("yyyy-MM-dd"), t.SchoolId.ToString(), t.SchoolName,
            t.AtSchoolSince.ToString("yyyy-MM-dd"), string.Join("、", t.Subjects), Word(TeacherCodes.Titles, t.Title), Word(TeacherCodes.Backbone, t.Backbone),
            Word(TeacherCodes.Establishment, t.Establishment), t.HiredOn?.ToString("yyyy-MM-dd"), Word(TeacherCodes.Roles, t.Role), t.Exemption]);

    public static IEndpointRouteBuilder MapTeachersApi(this IEndpointRouteBuilder app)
    {
        var teachers = app.MapGroup("/teachers").WithTags("Teachers");
        Table.Map(teachers);
        teachers.MapGet("/{id:guid}", async Task<Results<Ok<TeacherDetail>, NotFound>> (Guid id, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await TeacherQueries.FindAsync(connection, id, cancellationToken) is { } teacher
                ? TypedResults.Ok(new TeacherDetail(teacher, await TeacherQueries.PostingsAsync(connection, id, cancellationToken)))
                : TypedResults.NotFound();
        });
        Upload.MapImport(teachers);
        return app;
    }

    /// <summary>The first Chinese word for a code, as the export writes it (and the import reads it back).</summary>
    private static string Word(IReadOnlyDictionary<string, string> words, string code) => words.First(w => w.Value == code).Key;

    /// <summary>A record as text, so the preview can say whether an import changes it (arrays do not compare by value).</summary>
    private static string Comparable(TeacherRecord record) => (record with { Subjects = [] }) + string.Join("|", record.Subjects);
}
