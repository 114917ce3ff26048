using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;
using Platform.Facilities.Projects;
using Platform.Facilities.Schedule;

namespace Platform.Facilities.Stages;

/// <summary>
/// Passing stage gates: one at a time, or 立项 and 投入使用 in one request each. Every status change of a project is a
/// gate passed with its date, the signed-in user and the document, or a gate waived with its reason; none is skipped
/// silently.
/// </summary>
public static class GatesApi
{
    public static IEndpointRouteBuilder MapGatesApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/projects/{id:guid}").WithTags("Stage gates");
        projects.MapPost("/gates", PassAsync)
            .Describe("通过节点", "Records a stage gate passed, with its date and document, or waived with the reason.");
        projects.MapPost("/approve", ApproveAsync)
            .Describe("立项", "Approves a proposed project: the approval gate passed, the project planned.");
        projects.MapPost("/commission", CommissionAsync)
            .Describe("投入使用", "Puts the project's places into use on a date; Planning and Workforce learn of it.");
        return app;
    }

    /// <summary>Records a gate passed (or waived), with the stage-gate rules checked.</summary>
    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> PassAsync(
        Guid id, GateRequest request, SignedInUser user, Database dataSource, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Text("gate", request.Gate, 40);
        if (request.Date is null)
            validation.Add("date", UserText.Required);
        if (!validation.IsValid)
            return validation.Problem();
        var passage = new Passage(request.Gate!, request.Date!.Value, user, request.DocumentReference?.Trim(), request.WaiverReason);
        var today = clock.Today();
        return await ScheduleStore.ChangeAsync(dataSource, id, today, (transaction, plan, problems) =>
            RecordAsync(transaction, plan, [passage], problems, "date", today, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// 立项 in one request. On the government path it passes the 立项 gate on the approval's document, after 谋划 when
    /// that was never recorded: the project's entry in the project library (项目库) on the day it was created. The
    /// developer path has no 立项 gate (the developer builds under its 配套 obligation), so there approval is the status
    /// alone.
    /// </summary>
    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid id, ApproveRequest? request, SignedInUser user, Database dataSource, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var today = clock.Today();
        return await ScheduleStore.ChangeAsync(dataSource, id, today, async (transaction, plan, problems) =>
        {
            if (plan.Path == DeliveryPath.Developer)
                return await ProjectStore.SaveAsync(transaction, ProjectLifecycle.Approve(plan.Project,
                    await ProjectStore.SchoolOfAsync(transaction.Connection!, plan.Project, cancellationToken), today), cancellationToken);
            var passages = StageGates.Approval(plan.Passages, plan.CreatedOn, request?.Date ?? today, user,
                request?.DocumentReference?.Trim());
            return await RecordAsync(transaction, plan, passages, problems, "date", today, cancellationToken);
        }, cancellationToken, statuses: [ProjectStatus.Proposed]);
    }

    /// <summary>
    /// 投入使用 in one request: passes the last gate on the day the places are in use. Gates before it that were never
    /// recorded are waived with the reason given, each recorded; without a reason they are named and nothing changes.
    /// </summary>
    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> CommissionAsync(
        Guid id, CommissionRequest request, SignedInUser user, Database dataSource, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.InUseFrom is not { } inUseFrom)
        {
            validation.Add("inUseFrom", UserText.Required);
            return validation.Problem();
        }
        var today = clock.Today();
        return await ScheduleStore.ChangeAsync(dataSource, id, today, async (transaction, plan, problems) =>
        {
            var unpassed = StageGates.Unpassed(plan.Path, plan.Passages);
            if (unpassed.Count > 0 && string.IsNullOrWhiteSpace(request.WaiverReason))
            {
                var gates = string.Join("、", unpassed.Select(g => g.ChineseName));
                problems.Add("waiverReason", new($"须填写：{gates}尚未通过。请先登记这些节点，或填写豁免理由。",
                    $"is required: {gates} have not been passed. Record them first (POST /projects/{id}/gates), "
                    + "or give the reason they are waived."));
                return null;
            }
            var passages = StageGates.Commissioning(unpassed, inUseFrom, user, request.DocumentReference?.Trim(),
                request.WaiverReason?.Trim());
            return await RecordAsync(transaction, plan, passages, problems, "inUseFrom", today, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Records passages in order after those already passed, each checked by the stage-gate rules (a problem stops the
    /// rest; the transaction then rolls back); what each does to the project is <see cref="ProjectLifecycle.Pass"/>'s to
    /// decide. The answer is the conflict when the project cannot take the status a gate brings (no school chosen yet).
    /// </summary>
    private static async Task<StateConflict?> RecordAsync(NpgsqlTransaction transaction, ProjectPlan plan,
        IReadOnlyList<Passage> passages, Validation problems, string dateField, DateOnly today, CancellationToken cancellationToken)
    {
        var recorded = plan.Passages.ToList();
        var project = plan.Project;
        var school = await ProjectStore.SchoolOfAsync(transaction.Connection!, project, cancellationToken);
        foreach (var passage in passages)
        {
            // A gate passed on the way to the last one is named in its problems.
            var gate = passage.Gate == passages[^1].Gate ? null
                : Paths.Gates[plan.Path].FirstOrDefault(g => g.Code == passage.Gate)?.ChineseName ?? passage.Gate;
            foreach (var (field, problem) in StageGates.Check(plan.Path, recorded, passage, today))
                problems.Add(field == "date" ? dateField : field,
                    gate is null ? problem : new($"{gate}：{problem.Zh}", $"{gate}: {problem.En}"));
            if (!problems.IsValid)
                return null;
            await ScheduleStore.InsertPassageAsync(transaction, project.Id, passage, cancellationToken);
            recorded.Add(passage);
            if (ProjectLifecycle.Pass(project, school, passage, today) is not { } step)
                continue;
            if (await ProjectStore.SaveAsync(transaction, step, cancellationToken) is { } conflict)
                return conflict;
            project = step.Changed ?? project;
        }
        return null;
    }
}
