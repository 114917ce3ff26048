using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.Contracts;
using Platform.Facilities.Stages;

namespace Platform.Facilities.Schedule;

/// <summary>
/// Milestone plans, schedule and budget control of projects, and the portfolio. When a plan change or a late gate
/// moves the forecast opening to another school year, the project's planned in-use date follows the forecast and
/// FacilityProjectScheduleChanged is published in the same transaction (<see cref="ScheduleStore.ChangeAsync"/>).
/// </summary>
public static class ScheduleApi
{
    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/projects/{id:guid}").WithTags("Schedule");
        projects.MapGet("/schedule", GetAsync)
            .Describe("项目进度", "A project's milestones, planned and forecast, the gates passed, estimates and earned value.");
        projects.MapPut("/plan", PlanAsync)
            .Describe("编制进度计划", "A project's milestone dates along its delivery path; the first plan is its baseline.");
        projects.MapPost("/estimates", EstimateAsync)
            .Describe("概算与预算", "Records a cost estimate of the project: 可研估算, 概算 or 决算.");
        projects.MapPut("/earned-value", EarnedValueAsync)
            .Describe("挣值", "Planned value, earned value and actual cost of the project to a date.");
        var portfolio = app.MapGroup("/portfolio").WithTags("Schedule");
        portfolio.MapGet("", PortfolioViewAsync)
            .Describe("项目总览", "Places arriving per year by district, stage and status, planned and forecast, and late projects.");
        portfolio.MapGet("/export", ArrivingSheetAsync)
            .Describe("导出学位交付", "Places arriving per year, as an Excel workbook.");
        portfolio.MapGet("/projects/export", ProjectsSheetAsync)
            .Describe("导出项目清单", "Every project of the portfolio with its milestones, as an Excel workbook.");
        return app;
    }

    private static async Task<Results<Ok<ScheduleView>, NotFound>> GetAsync(
        Guid id, Database dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await ScheduleStore.ViewAsync(connection, id, clock.Today(), cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();
    }

    /// <summary>
    /// Sets the milestone plan: the first plan of a gate is its baseline, kept; later plans change only the planned date.
    /// </summary>
    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> PlanAsync(
        Guid id, PlanRequest request, Database dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        DeliveryPath? path = request.Path is null ? null
            : Codes.TryParse<DeliveryPath>(request.Path, out var parsed) ? parsed : null;
        if (request.Path is not null && path is null)
            validation.Add("path", new("须为政府投资或开发商配套。", "must be government or developer."));
        if (request.Milestones is not { Count: > 0 } milestones)
            validation.Add("milestones", new("须至少计划一个节点。", "must plan at least one gate: {\"gate\": \"yyyy-MM-dd\"}."));
        if (!validation.IsValid)
            return validation.Problem();
        return await ScheduleStore.ChangeAsync(dataSource, id, clock.Today(), async (transaction, plan, problems) =>
        {
            foreach (var (field, problem) in StageGates.CheckPlan(plan.Path, plan.Passages, request.Milestones!, path))
                problems.Add(field, problem);
            if (problems.IsValid)
                await ScheduleStore.PlanAsync(transaction, id, path ?? plan.Path, request.Milestones!, cancellationToken);
            return null;
        }, cancellationToken);
    }

    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> EstimateAsync(
        Guid id, EstimateRequest request, Database dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!Codes.TryParse<EstimateKind>(request.Kind, out var kind))
            validation.Add("kind", new("须为可研估算、概算或决算。", "must be feasibility (可研估算), design (概算) or final (决算)."));
        if (request.Amount is not > 0)
            validation.Add("amount", new("须填写大于 0 的金额（万元）。", "is required: 万元, above 0."));
        if (request.Date is null || request.Date > clock.Today())
            validation.Add("date", new("须填写，且不能晚于今天。", "is required and may not be in the future."));
        if (!validation.IsValid)
            return validation.Problem();
        var estimate = new Estimate(kind, request.Amount!.Value, request.Date!.Value);
        return await ScheduleStore.ChangeAsync(dataSource, id, clock.Today(), async (transaction, _, _) =>
        {
            await ScheduleStore.RecordEstimateAsync(transaction, id, estimate, cancellationToken);
            return null;
        }, cancellationToken);
    }

    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> EarnedValueAsync(
        Guid id, EarnedValueRequest request, Database dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        foreach (var (field, amount) in new[]
                 {
                     ("plannedValue", request.PlannedValue), ("earnedValue", request.EarnedValue),
                     ("actualCost", request.ActualCost),
                 })
            if (amount is null)
                validation.Add(field, new("须填写（万元）。", "is required (万元)."));
        if (!validation.IsValid)
            return validation.Problem();
        var value = new EarnedValue(request.PlannedValue!.Value, request.EarnedValue!.Value, request.ActualCost!.Value);
        return await ScheduleStore.ChangeAsync(dataSource, id, clock.Today(), async (transaction, _, _) =>
        {
            await ScheduleStore.RecordEarnedValueAsync(transaction, id, value, cancellationToken);
            return null;
        }, cancellationToken);
    }

    private static async Task<Ok<PortfolioView>> PortfolioViewAsync(
        string? districtCode, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PortfolioAsync(districtCode, dataSource, clock, cancellationToken));

    private static async Task<FileContentHttpResult> ArrivingSheetAsync(
        string? districtCode, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        PortfolioSheets.Arriving.File(await PortfolioAsync(districtCode, dataSource, clock, cancellationToken));

    private static async Task<FileContentHttpResult> ProjectsSheetAsync(
        string? districtCode, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        PortfolioSheets.Projects.File(await PortfolioAsync(districtCode, dataSource, clock, cancellationToken));

    private static async Task<PortfolioView> PortfolioAsync(
        string? districtCode, Database dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await ScheduleStore.PortfolioAsync(connection, districtCode, clock.Today(), cancellationToken);
    }
}
