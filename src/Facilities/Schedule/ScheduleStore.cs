using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;
using Platform.Facilities.Projects;
using Platform.Facilities.Stages;

namespace Platform.Facilities.Schedule;

/// <summary>The schedule's tables: milestone plans, gates passed, estimates and earned value.</summary>
public static class ScheduleStore
{
    private sealed record PassageRow(
        string Gate, DateOnly Date, string? UserName, string DisplayName, string? DocumentReference, string? WaiverReason);

    /// <summary>
    /// A change to the plan or the gates of a project in one of <paramref name="statuses"/> (by default, one still being
    /// delivered), answered with its schedule. Afterwards, when the forecast opening moved to another school year, the
    /// planned in-use date follows the forecast and the slippage is announced (<see cref="ProjectLifecycle.FollowForecast"/>).
    /// </summary>
    public static Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Database dataSource, Guid id, DateOnly today, Func<NpgsqlTransaction, ProjectPlan, Validation, Task<StateConflict?>> change,
        CancellationToken cancellationToken, IReadOnlyList<ProjectStatus>? statuses = null)
    {
        var locked = new LockedChange<Project, ScheduleView>(
            ProjectStore.FindForUpdateAsync, (connection, _, token) => ViewAsync(connection, id, today, token));
        return locked.RunAsync(dataSource, id, async (transaction, project, problems) =>
        {
            if (ProjectLifecycle.Allows(project, statuses ?? ProjectLifecycle.Active) is { } notNow)
                return notNow;
            var connection = transaction.Connection!;
            if (await change(transaction, await LoadAsync(connection, project, cancellationToken), problems) is { } conflict)
                return conflict;
            if (!problems.IsValid)
                return null;
            var after = await LoadAsync(connection, (await ProjectStore.FindAsync(connection, id, cancellationToken))!, cancellationToken);
            var forecast = ScheduleRules.Forecast(after.Path, after.Milestones, today).Forecast;
            return forecast.TryGetValue("in_use", out var inUse) && ProjectLifecycle.FollowForecast(after.Project, inUse,
                    await ProjectStore.SchoolOfAsync(connection, after.Project, cancellationToken)) is { } follow
                ? await ProjectStore.SaveAsync(transaction, follow, cancellationToken)
                : null;
        }, cancellationToken);
    }

    public static async Task<ProjectPlan> LoadAsync(NpgsqlConnection connection, Project project, CancellationToken cancellationToken)
    {
        var id = project.Id;
        var (path, createdOn) = await connection.SingleAsync<(string, DateOnly)>("""
            SELECT path, created_at::date
            FROM projects
            WHERE id = @id
            """, new { id }, cancellationToken);
        var planned = await connection.ListAsync<(string Gate, DateOnly Baseline, DateOnly Planned)>("""
            SELECT gate, baseline, planned
            FROM project_milestones
            WHERE project_id = @id
            """, new { id }, cancellationToken);
        var passages = await PassagesAsync(connection, id, cancellationToken);
        var actual = passages.ToDictionary(p => p.Gate, p => p.Date);
        var milestones = planned.Select(m =>
            new Milestone(m.Gate, m.Baseline, m.Planned, actual.TryGetValue(m.Gate, out var date) ? date : null)).ToList();
        // A project without a plan still has its planned in-use date: one milestone, so it shows in the portfolio.
        if (milestones.Count == 0 && project.PlannedInUse is { } inUse)
            milestones.Add(new Milestone("in_use", inUse, inUse, null));
        return new ProjectPlan(project, Enum.Parse<DeliveryPath>(path, ignoreCase: true), createdOn, milestones, passages);
    }

    private static async Task<IReadOnlyList<Passage>> PassagesAsync(
        NpgsqlConnection connection, Guid id, CancellationToken cancellationToken) =>
        [.. (await connection.ListAsync<PassageRow>("""
            SELECT gate, date, user_name AS UserName, display_name AS DisplayName,
                   document_reference AS DocumentReference, waiver_reason AS WaiverReason
            FROM project_passages
            WHERE project_id = @id
            ORDER BY date, recorded_at
            """, new { id }, cancellationToken))
        .Select(p => new Passage(p.Gate, p.Date, new SignedInUser(p.UserName, p.DisplayName), p.DocumentReference, p.WaiverReason))];

    public static Task InsertPassageAsync(
        NpgsqlTransaction transaction, Guid projectId, Passage passage, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO project_passages (project_id, gate, date, user_name, display_name, document_reference, waiver_reason)
            VALUES (@projectId, @Gate, @Date, @UserName, @DisplayName, @DocumentReference, @WaiverReason)
            """, new
        {
            projectId, passage.Gate, passage.Date, passage.By.UserName, passage.By.DisplayName,
            passage.DocumentReference, passage.WaiverReason,
        }, cancellationToken);

    /// <summary>The path and the milestones planned: a gate's first plan is its baseline, later ones move only its planned date.</summary>
    public static Task PlanAsync(NpgsqlTransaction transaction, Guid id, DeliveryPath path,
        IReadOnlyDictionary<string, DateOnly> milestones, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE projects
            SET path = @path
            WHERE id = @id;
            INSERT INTO project_milestones (project_id, gate, baseline, planned)
            SELECT @id, g, d, d
            FROM unnest(@gates, @dates) AS x (g, d)
            ON CONFLICT (project_id, gate) DO UPDATE
                SET planned = excluded.planned;
            """, new
        {
            id, path = path.Code(),
            gates = milestones.Keys.ToArray(), dates = milestones.Values.ToArray(),
        }, cancellationToken);

    public static Task RecordEstimateAsync(
        NpgsqlTransaction transaction, Guid id, Estimate estimate, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO project_estimates (project_id, kind, date, amount)
            VALUES (@id, @kind, @Date, @Amount)
            ON CONFLICT (project_id, kind, date) DO UPDATE
                SET amount = excluded.amount, recorded_at = clock_timestamp()
            """, new { id, kind = estimate.Kind.Code(), estimate.Date, estimate.Amount }, cancellationToken);

    public static Task RecordEarnedValueAsync(
        NpgsqlTransaction transaction, Guid id, EarnedValue value, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO project_earned_value (project_id, planned_value, earned_value, actual_cost)
            VALUES (@id, @PlannedValue, @EarnedValueAmount, @ActualCost)
            ON CONFLICT (project_id) DO UPDATE
            SET planned_value = excluded.planned_value, earned_value = excluded.earned_value,
                actual_cost = excluded.actual_cost
            """, new { id, value.PlannedValue, value.EarnedValueAmount, value.ActualCost }, cancellationToken);

    public static async Task<ScheduleView?> ViewAsync(
        NpgsqlConnection connection, Guid id, DateOnly today, CancellationToken cancellationToken) =>
        await ProjectStore.FindAsync(connection, id, cancellationToken) is { } project
            ? await ViewAsync(connection, await LoadAsync(connection, project, cancellationToken), today, cancellationToken)
            : null;

    private static async Task<ScheduleView> ViewAsync(
        NpgsqlConnection connection, ProjectPlan plan, DateOnly today, CancellationToken cancellationToken)
    {
        var id = plan.Project.Id;
        var estimates = (await connection.ListAsync<(string Kind, decimal Amount, DateOnly Date)>("""
                SELECT kind, amount, date
                FROM project_estimates
                WHERE project_id = @id
                ORDER BY date
                """, new { id }, cancellationToken))
            .Select(e => new Estimate(Enum.Parse<EstimateKind>(e.Kind, ignoreCase: true), e.Amount, e.Date)).ToList();
        var earned = await connection.SingleOrDefaultAsync<EarnedValue>("""
            SELECT planned_value AS PlannedValue, earned_value AS EarnedValueAmount, actual_cost AS ActualCost
            FROM project_earned_value
            WHERE project_id = @id
            """, new { id }, cancellationToken);
        return ScheduleRules.View(plan, estimates, earned, today);
    }

    /// <summary>
    /// Places arriving per year by district, stage and status, planned and forecast; and each project's schedule, for a
    /// Gantt view: the projects still being delivered, of one district or all in the caller's scope.
    /// </summary>
    public static async Task<PortfolioView> PortfolioAsync(
        NpgsqlConnection connection, string? districtCode, DateOnly today, CancellationToken cancellationToken)
    {
        var ids = await connection.ListAsync<Guid>("""
            SELECT id
            FROM projects
            WHERE status IN ('proposed', 'approved') AND (@districtCode::text IS NULL OR district_code = @districtCode)
            ORDER BY created_at
            """, new { districtCode }, cancellationToken);
        var plans = new List<ProjectPlan>();
        foreach (var id in ids)
            plans.Add(await LoadAsync(connection, (await ProjectStore.FindAsync(connection, id, cancellationToken))!, cancellationToken));
        var views = new List<ScheduleView>();
        foreach (var plan in plans)
            views.Add(await ViewAsync(connection, plan, today, cancellationToken));
        var arriving = PortfolioRules.Arriving(plans.Select(plan => new PortfolioProject(plan.Project.Id,
            plan.Project.DistrictCode, plan.Path, plan.Milestones,
            plan.Project.AllStages.ToDictionary(s => s.Stage, s => s.Places))), today);
        return new PortfolioView(arriving, views);
    }
}
