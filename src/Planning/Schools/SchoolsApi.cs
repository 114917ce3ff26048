using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;

namespace Platform.Planning.Schools;

public static class SchoolsApi
{
    public static IEndpointRouteBuilder MapSchoolsApi(this IEndpointRouteBuilder app)
    {
        var schools = app.MapGroup("/schools").WithTags("Schools");
        schools.MapPost("/", RegisterAsync)
            .Describe("登记学校", "Registers a school with its stages, classes and places; the other services learn of it.");
        schools.MapPut("/{id:guid}", UpdateAsync)
            .Describe("修改学校", "Changes a school's record; its version must be the one read (409 when stale).");
        schools.MapGet("/{id:guid}", GetAsync)
            .Describe("学校", "A school with its stages, classes, class-size norms and places.");
        schools.MapGet("/", ListAsync)
            .Describe("学校名录", "The schools of a district or zone, or of every district in the caller's scope.");
        schools.MapGet("/export", ExportAsync)
            .Describe("导出学校名录", "The registry as an Excel workbook: one row per school and stage.");
        return app;
    }

    private static async Task<Results<Created<SchoolView>, ValidationProblem>> RegisterAsync(
        SchoolRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var validation = new Validation();
        var draft = SchoolRules.Validate(request, validation);
        if (draft is null || !await CheckAreasAsync(connection, draft, validation, cancellationToken))
            return validation.Problem();

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = Guid.CreateVersion7();
        await SchoolStore.InsertAsync(transaction, id, draft, cancellationToken);
        var school = (await SchoolStore.FindAsync(connection, id, cancellationToken, transaction))!;
        await transaction.EnqueueAsync(SchoolEvents.Registered(school), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/schools/{id}", school);
    }

    private static async Task<Results<Ok<SchoolView>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, SchoolRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var validation = new Validation();
        var draft = SchoolRules.Validate(request, validation);
        if (draft is null || !await CheckAreasAsync(connection, draft, validation, cancellationToken))
            return validation.Problem();

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await SchoolStore.UpdateAsync(transaction, id, draft, cancellationToken))
            return TypedResults.NotFound();
        var school = (await SchoolStore.FindAsync(connection, id, cancellationToken, transaction))!;
        await transaction.EnqueueAsync(SchoolEvents.Updated(school), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(school);
    }

    private static async Task<Results<Ok<SchoolView>, NotFound>> GetAsync(Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await SchoolStore.FindAsync(connection, id, cancellationToken) is { } school
            ? TypedResults.Ok(school)
            : TypedResults.NotFound();
    }

    private static async Task<Ok<IReadOnlyList<SchoolView>>> ListAsync(
        string? districtCode, Guid? zoneId, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await SchoolStore.ListAsync(connection, districtCode, zoneId, cancellationToken));
    }

    /// <summary>The registry as .xlsx: one row per school and stage, with its classes, norm and places.</summary>
    private static async Task<FileContentHttpResult> ExportAsync(
        string? districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var schools = await SchoolStore.ListAsync(connection, districtCode, null, cancellationToken);
        var zones = await SchoolStore.ZoneNamesAsync(connection, districtCode, cancellationToken);
        var workbook = XlsxWriter.Write("学校", ["学校编号", "学校名称", "区划代码", "学区", "办学性质", "状态", "开办年份", "学段", "班额标准", "班数", "学位"],
            schools.SelectMany(school => school.Stages.Select(stage => (IReadOnlyList<object?>)[
                school.Id.ToString(), school.Name, school.DistrictCode, zones.GetValueOrDefault(school.ZoneId),
                SchoolOwnerships.ChineseNames[school.Ownership], SchoolStatus.All[school.Status], school.OpeningYear,
                Stage.All[stage.Stage].ChineseName, stage.ClassSizeNorm, stage.Classes, stage.Places])));
        return TypedResults.File(workbook, XlsxWriter.ContentType, "schools.xlsx");
    }

    /// <summary>The district must exist, and the zone and street (when given) must be in it.</summary>
    private static async Task<bool> CheckAreasAsync(
        NpgsqlConnection connection, SchoolDraft draft, Validation validation, CancellationToken cancellationToken)
    {
        var found = await SchoolStore.AreasOfAsync(connection, draft, cancellationToken);
        if (!found.District)
            validation.Add("districtCode", PlanningTexts.UnknownDistrict);
        else if (found.ZoneDistrict != draft.DistrictCode)
            validation.Add("zoneId", found.ZoneDistrict is null
                ? new("不是已登记的学区。", "is not a known zone.")
                : new($"是 {found.ZoneDistrict} 区的学区，不属于 {draft.DistrictCode} 区。",
                    $"is a zone of district {found.ZoneDistrict}, not {draft.DistrictCode}."));
        if (draft.StreetId is not null && found.StreetDistrict != draft.DistrictCode)
            validation.Add("streetId", found.StreetDistrict is null
                ? new("不是已登记的街道。", "is not a known street.")
                : new($"是 {found.StreetDistrict} 区的街道，不属于 {draft.DistrictCode} 区。",
                    $"is a street of district {found.StreetDistrict}, not {draft.DistrictCode}."));
        return validation.IsValid;
    }
}
