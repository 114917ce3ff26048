using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.Facilities.Projects;
using Platform.Facilities.Schedule;

namespace Platform.Facilities.Stages;

public sealed record GateRequest(string? Gate, DateOnly? Date, string? DocumentReference, string? WaiverReason);

/// <param name="Date">The day of the 立项 approval; today when left out.</param>
public sealed record ApproveRequest(DateOnly? Date, string? DocumentReference);

/// <param name="WaiverReason">Why the gates before 投入使用 that were never recorded are waived; needed only when there are such gates.</param>
public sealed record CommissionRequest(DateOnly? InUseFrom, string? DocumentReference, string? WaiverReason);

/// <summary>
/// Passing stage gates: one at a time, or 立项 and 投入使用 in one request each. Every status change of a project is a
/// gate passed with its date, the signed-in user and the document, or a gate waived with its reason; none is skipped silently.
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
        Guid id, GateRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.Text("gate", request.Gate, 40);
        if (request.Date is null)
            validation.Add("date", "is required.");
        if (!validation.IsValid)
            return validation.Problem();
        var passage = new Passage(request.Gate!, request.Date!.Value, user, request.DocumentReference?.Trim(), request.WaiverReason);
        return await ScheduleApi.ChangeAsync(dataSource, id, async (transaction, project, problems) =>
            await RecordAsync(transaction, project, await ScheduleApi.PassagesAsync(transaction.Connection!, transaction, id, cancellationToken), [passage], problems,
                "date", cancellationToken), cancellationToken);
    }

    /// <summary>
    /// 立项 in one request. On the government path it passes the 立项 gate on the approval's document, after 谋划 when
    /// that was never recorded: the project's entry in the project library (项目库) on the day it was created. The
    /// developer path has no 立项 gate (the developer builds under its 配套 obligation), so there approval is the status alone.
    /// </summary>
    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        Guid id, ApproveRequest? request, SignedInUser user, Database dataSource, CancellationToken cancellationToken) =>
        await ScheduleApi.ChangeAsync(dataSource, id, async (transaction, project, problems) =>
        {
            if (project.DeliveryPath == DeliveryPath.Developer)
            {
                var stored = (await ProjectStore.FindAsync(transaction.Connection!, id, cancellationToken))!;
                return (await ProjectsApi.TakeAsync(transaction, stored, ProjectsApi.Approval, cancellationToken)).Problem;
            }
            var passed = await ScheduleApi.PassagesAsync(transaction.Connection!, transaction, id, cancellationToken);
            var date = request?.Date ?? ScheduleApi.Today();
            List<Passage> passages = passed.Count == 0 ? [new Passage("proposed", Min(project.CreatedOn, date), user, $"项目库入库 {project.CreatedOn:yyyy-MM-dd}")] : [];
            passages.Add(new Passage("approved", date, user, request?.DocumentReference?.Trim()));
            return await RecordAsync(transaction, project, passed, passages, problems, "date", cancellationToken);
        }, cancellationToken, statuses: ["proposed"]);

    /// <summary>
    /// 投入使用 in one request: passes the last gate on the day the places are in use. Gates before it that were never
    /// recorded are waived with the reason given, each recorded; without a reason they are named and nothing changes.
    /// </summary>
    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> CommissionAsync(
        Guid id, CommissionRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.InUseFrom is null)
            validation.Add("inUseFrom", "is required.");
        if (!validation.IsValid)
            return validation.Problem();
        var inUseFrom = request.InUseFrom!.Value;
        return await ScheduleApi.ChangeAsync(dataSource, id, async (transaction, project, problems) =>
        {
            var passed = await ScheduleApi.PassagesAsync(transaction.Connection!, transaction, id, cancellationToken);
            var open = Paths.Gates[project.DeliveryPath].Skip(passed.Count).SkipLast(1).ToList();
            if (open.Count > 0 && string.IsNullOrWhiteSpace(request.WaiverReason))
            {
                problems.Add("waiverReason", $"is required: {string.Join("、", open.Select(g => g.ChineseName))} have not been passed. " +
                    $"Record them first (POST /projects/{id}/gates), or give the reason they are waived.");
                return null;
            }
            var passages = open.Select(gate => new Passage(gate.Code, inUseFrom, user, null, request.WaiverReason!.Trim()))
                .Append(new Passage("in_use", inUseFrom, user, request.DocumentReference?.Trim())).ToList();
            return await RecordAsync(transaction, project, passed, passages, problems, "inUseFrom", cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Records passages in order after those already <paramref name="passed"/>, each checked by the stage-gate rules (a
    /// problem stops the rest; the caller's transaction then rolls back). Passing 立项 approves the project, passing
    /// 投入使用 commissions it from the date, and passing 竣工验收 tells Workforce again that the classes will need
    /// teachers. The answer is the conflict when the project cannot take the status a gate brings (no school chosen yet).
    /// </summary>
    private static async Task<ProblemHttpResult?> RecordAsync(
        NpgsqlTransaction transaction, ScheduleApi.ProjectRow project, IReadOnlyList<Passage> passed, IReadOnlyList<Passage> passages, Validation problems,
        string dateField, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var recorded = passed.ToList();
        var stored = (await ProjectStore.FindAsync(connection, project.Id, cancellationToken))!;
        foreach (var passage in passages)
        {
            foreach (var (field, problem) in StageGates.Check(project.DeliveryPath, recorded, passage, ScheduleApi.Today()))
                problems.Add(field == "date" ? dateField : field, passage.Gate == passages[^1].Gate ? problem : $"{passage.Gate}: {problem}");
            if (!problems.IsValid)
                return null;
            await transaction.WriteAsync("""
                INSERT INTO project_passages (project_id, gate, date, user_name, display_name, document_reference, waiver_reason)
                VALUES (@id, @Gate, @Date, @UserName, @DisplayName, @DocumentReference, @WaiverReason)
                """, new
            {
                id = project.Id, passage.Gate, passage.Date, passage.By.UserName, passage.By.DisplayName, passage.DocumentReference, passage.WaiverReason,
            }, cancellationToken);
            recorded.Add(passage);
            var step = passage.Gate switch
            {
                "approved" when stored.Status == "proposed" => ProjectsApi.Approval,
                "in_use" => ProjectsApi.Commissioning(passage.Date),
                _ => null,
            };
            if (step is not null)
            {
                var (changed, refused) = await ProjectsApi.TakeAsync(transaction, stored, step, cancellationToken);
                if (refused is not null)
                    return refused;
                stored = changed!;
            }
            // From the planned opening; a waived 竣工验收 is no completion to announce.
            if (passage is { Gate: "completion", Waived: false } && (stored.SchoolId is not null || stored.NewSchoolId is not null))
                await ProjectsApi.RaiseStaffingAsync(transaction, stored,
                    stored.SchoolId is { } schoolId ? await SchoolDirectory.FindAsync(connection, schoolId, cancellationToken) : null,
                    stored.PlannedInUse ?? passage.Date, "completion", cancellationToken);
        }
        return null;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
