using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.Contracts;
using Platform.Workforce.Rotation.Steps;

namespace Platform.Workforce.Rotation;

/// <summary>
/// 交流轮岗 plans: generated from the district's teachers and schools, edited by hand with a live quota check, then
/// submitted, approved (or returned), put in effect (teachers move) and completed (each returns or stays, or was
/// extended before). Every step is recorded with when and who: the signed-in user. One file per step, in Steps/.
/// </summary>
public static class RotationApi
{
    public static IEndpointRouteBuilder MapRotationApi(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/rotation/plans").WithTags("Rotation");
        plans.MapPost("/", GeneratePlan.HandleAsync)
            .Describe("生成交流轮岗计划", "A draft plan generated from the district's teachers and schools under a policy.");
        plans.MapGet("/", ListAsync)
            .Describe("区内交流轮岗计划", "The plans of a district, or of every district in the caller's scope, newest first.");
        plans.MapGet("/{id:guid}", GetAsync)
            .Describe("计划的人员、名额核对与记录", "A plan with its teachers, its quota check and the record of its steps.");
        plans.MapGet("/{id:guid}/export", ExportAsync)
            .Describe("导出交流轮岗计划", "The teachers of a plan and where they go, as an Excel workbook.");
        plans.MapPost("/{id:guid}/assignments", EditPlan.AddAsync)
            .Describe("调整人员（加入或改派）", "Adds a teacher to a draft plan, or sends them to another school.");
        plans.MapDelete("/{id:guid}/assignments/{teacherId:guid}", EditPlan.RemoveAsync)
            .Describe("移出计划", "Takes a teacher out of a draft plan.");
        plans.MapPost("/{id:guid}/assignments/{teacherId:guid}/extend", EditPlan.ExtendAsync)
            .Describe("延长交流期限", "Extends a teacher's term while the plan is in effect, up to six school years.");
        plans.MapPost("/{id:guid}/assignments/{teacherId:guid}/return", ReturnEarly.HandleAsync)
            .Describe("提前返回", "A teacher goes home before the end of their term, on a date and for a reason.");
        plans.MapPost("/{id:guid}/{step}", MovePlan.HandleAsync)
            .Describe("提交、退回、批准、实施或完成", "Moves a plan one step: submit, return, approve, start or complete.");
        app.MapGet("/rotation/report", ReportAsync).WithTags("Rotation")
            .Describe("交流人数与人次", "Persons and person-times rotated by plan year, with the backbone share.");
        app.MapGet("/rotation/eligible", EligibleAsync).WithTags("Rotation")
            .Describe("应交流教师名单", "Each school's teachers, eligible to rotate in a year or not and why, under the district's policy.");
        app.MapGet("/rotation/policy/{districtCode}", GetPolicyAsync).WithTags("Rotation")
            .Describe("区交流轮岗政策", "The district's rotation policy, or Tianjin's while it has set none.");
        app.MapPut("/rotation/policy/{districtCode}", PutPolicyAsync).WithTags("Rotation")
            .Describe("设置区交流轮岗政策", "The district's own rotation policy, for its eligibility list and new plans.");
        return app;
    }

    private static async Task<Ok<List<PlanLine>>> ListAsync(
        string? districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await RotationStore.ListAsync(connection, districtCode, cancellationToken));
    }

    private static async Task<Results<Ok<PlanView>, NotFound>> GetAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await RotationStore.ViewAsync(connection, id, cancellationToken) is { } plan
            ? TypedResults.Ok(plan)
            : TypedResults.NotFound();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await RotationStore.ViewAsync(connection, id, cancellationToken) is { } plan
            ? PlanSheet.Sheet.File(plan)
            : TypedResults.NotFound();
    }

    /// <summary>
    /// The year's eligibility list per school under Tianjin's default policy, judged on the plan year's 1 September:
    /// each teacher eligible or not, with the reasons. A plan judges the same way with its own policy.
    /// </summary>
    private static async Task<Results<Ok<EligibilityList>, ValidationProblem>> EligibleAsync(
        string? districtCode, [Bounds(2000, 2100)] int? year, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var district = validation.Text("districtCode", districtCode, 6);
        var planYear = validation.Required("year", year);
        if (!validation.IsValid)
            return validation.Problem();
        var on = RotationDates.SchoolYear(planYear).From;
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var stored = await RotationStore.DistrictPolicyAsync(connection, district, cancellationToken);
        var policy = stored ?? new RotationPolicy();
        var (teachers, schools) = await RotationStore.LoadPoolAsync(connection, district, on, null, cancellationToken);
        var byId = schools.ToDictionary(s => s.Id);
        return TypedResults.Ok(new EligibilityList(district, planYear, on, new DistrictPolicy(district, stored is null, policy.ToView()),
            [.. schools.Select(school => new SchoolEligibility(school.Id, school.Name,
                [.. teachers.Where(t => t.SchoolId == school.Id).Select(t => new TeacherEligibility(
                    t.Id, t.Name, t.Subject, t.Backbone, RotationPlanner.FullYears(t.AtSchoolSince, on),
                    [.. RotationPlanner.Ineligibility(t, policy, on, byId).Select(r => r.ToReason())]))]))]));
    }

    private static async Task<Ok<DistrictPolicy>> GetPolicyAsync(
        string districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var stored = await RotationStore.DistrictPolicyAsync(connection, districtCode, cancellationToken);
        return TypedResults.Ok(new DistrictPolicy(districtCode, stored is null, (stored ?? new RotationPolicy()).ToView()));
    }

    /// <summary>Sets the district's policy, every rule checked as a plan's are; a plan already made keeps its own.</summary>
    private static async Task<Results<Ok<DistrictPolicy>, ValidationProblem>> PutPolicyAsync(
        string districtCode, RotationPolicy policy, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (districtCode.Length != 6 || !districtCode.All(char.IsAsciiDigit))
            validation.Add("districtCode", WorkforceTexts.SixDigitDistrict);
        foreach (var (field, problem) in policy.Problems())
            validation.Add($"{char.ToLowerInvariant(field[0])}{field[1..]}", problem);
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await RotationStore.SetDistrictPolicyAsync(connection, districtCode, policy, cancellationToken);
        return TypedResults.Ok(new DistrictPolicy(districtCode, false, policy.ToView()));
    }

    private static async Task<Ok<List<RotationReport>>> ReportAsync(
        string? districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var rows = await RotationStore.ReportAsync(connection, districtCode, cancellationToken);
        // The last row (year 0) covers all years: it counts each teacher once (persons) against every rotation
        // (person-times).
        return TypedResults.Ok(rows.Select(r => new RotationReport(r.Year, r.Persons, r.PersonTimes, r.Backbone,
            r.PersonTimes == 0 ? 0 : (double)r.Backbone / r.PersonTimes)).ToList());
    }
}
