using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Planning.Enrolment;

public static class EnrolmentApi
{
    private static readonly SheetUpload<EnrolmentRecord, EnrolmentPreview> Upload = new(
        EnrolmentImport.Columns,
        Read: async (connection, import, scope, today, cancellationToken) => EnrolmentImport.Read(import,
            (await EnrolmentStore.SchoolsAsync(connection, null, cancellationToken))
                .Where(school => scope.Covers(school.DistrictCode))
                .ToList(),
            today.Year),
        Preview: async (connection, records, cancellationToken) =>
        {
            var existing = await EnrolmentStore.ExistingAsync(connection, records, cancellationToken);
            return records.Select(r => new EnrolmentPreview(r.SchoolId, r.Grade, r.Year, r.Pupils,
                IPreviewRow.ChangeOf(existing, (r.SchoolId, r.Grade, r.Year), r.Pupils))).ToList();
        },
        Write: async (transaction, records, cancellationToken) =>
        {
            await EnrolmentStore.UpsertAsync(transaction, records, cancellationToken);
            foreach (var recorded in await EnrolmentStore.RecordedAsync(transaction, records, cancellationToken))
                await transaction.EnqueueAsync(recorded, cancellationToken);
        });

    public static IEndpointRouteBuilder MapEnrolmentApi(this IEndpointRouteBuilder app)
    {
        var enrolment = app.MapGroup("/enrolment").WithTags("Enrolment");
        enrolment.MapGet("/", ListAsync)
            .Describe("在校生", "Pupils by school, grade and year, of a district or school.");
        enrolment.MapGet("/export", ExportAsync)
            .Describe("导出在校生", "The same pupils as an Excel workbook, in the columns the import reads.");
        Upload.MapImport(enrolment)
            .Describe("导入在校生", "Pupils by school, grade and year from a CSV or xlsx file: previewed, then written all or nothing.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<EnrolmentView>>> ListAsync(
        string? districtCode, Guid? schoolId, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await EnrolmentStore.ListAsync(connection, districtCode, schoolId, cancellationToken));
    }

    /// <summary>Enrolment as .xlsx, in the columns the import reads, so it can be edited and imported again.</summary>
    private static async Task<FileContentHttpResult> ExportAsync(
        string? districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var rows = await EnrolmentStore.ListAsync(connection, districtCode, null, cancellationToken);
        var workbook = XlsxWriter.Write("在校生", ["学校编号", "学校名称", "区划代码", "年级", "学年", "在校生数", "户籍学生", "随迁子女"],
            rows.Select(r => (IReadOnlyList<object?>)[
                r.SchoolId.ToString(), r.SchoolName, r.DistrictCode, GradeNames.Name(r.Grade), r.Year, r.Pupils, r.Local, r.Migrant]));
        return TypedResults.File(workbook, XlsxWriter.ContentType, "enrolment.xlsx");
    }
}
