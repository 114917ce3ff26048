using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Facilities.Projects;
using Platform.Facilities.Stages;

namespace Platform.Facilities.Schedule;

public sealed record PlanRequest(string? Path, Dictionary<string, DateOnly>? Milestones);

/// <summary>Money is in 万元, below 10,000,000 (a hundred billion 元): beyond any school project.</summary>
public sealed record EstimateRequest(string? Kind, [property: Bounds(0, 9_999_999.99)] decimal? Amount, DateOnly? Date);

public sealed record EarnedValueRequest(
    [property: Bounds(0, 9_999_999.99)] decimal? PlannedValue, [property: Bounds(0, 9_999_999.99)] decimal? EarnedValue,
    [property: Bounds(0, 9_999_999.99)] decimal? ActualCost);

public sealed record MilestoneView(
    string Gate, string ChineseName, DateOnly? Baseline, DateOnly? Planned, DateOnly? Actual, DateOnly? Forecast,
    string? UserName, string? DisplayName, string? DocumentReference, string? WaiverReason);

public sealed record ScheduleView(
    Guid ProjectId, string Name, string Status, string Path, string? CurrentGate, int PlannedOpeningYear, int BaselineOpeningYear, int ForecastOpeningYear,
    bool Slips, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<Flag> Flags, IReadOnlyList<Estimate> Estimates, EarnedValue? EarnedValue,
    double? Spi, double? Cpi);

public sealed record PortfolioView(IReadOnlyList<PlacesArriving> Arriving, IReadOnlyList<ScheduleView> Projects);

/// <summary>
/// Stage gates, milestone plans, schedule and budget control of projects, and the portfolio. When a plan change or a
/// late gate moves the forecast opening to another school year, the project's planned in-use date follows the
/// forecast and FacilityProjectScheduleChanged is published in the same transaction.
/// </summary>
public static class ScheduleApi
{
    internal sealed record ProjectRow(Guid Id, string Name, string Status, string Path, DateOnly? PlannedInUse, string DistrictCode, DateOnly CreatedOn)
    {
        public DeliveryPath DeliveryPath => Enum.Parse<DeliveryPath>(Path, ignoreCase: true);
    }

    private sealed record PassageRow(
        string Gate, DateOnly Date, string? UserName, string DisplayName, string? DocumentReference, string? WaiverReason);

    /// <summary>A project as stored: its row, its milestone plan (with actual dates) and the gates it passed.</summary>
    private sealed record Loaded(ProjectRow Project, IReadOnlyList<Milestone> Milestones, IReadOnlyList<Passage> Passages);

    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/projects/{id:guid}").WithTags("Schedule");
        projects.MapGet("/schedule", async Task<Results<Ok<ScheduleView>, NotFound>> (Guid id, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return await ViewAsync(connection, null, id, Today(), cancellationToken) is { } view
                ? TypedResults.Ok(view)
                : TypedResults.NotFound();
        }).Describe("项目进度", "A project's milestones, planned and forecast, the gates passed, estimates and earned value.");
        projects.MapPut("/plan", PlanAsync)
            .Describe("编制进度计划", "A project's milestone dates along its delivery path; the first plan is its baseline.");
        projects.MapPost("/estimates", EstimateAsync)
            .Describe("概算与预算", "Records a cost estimate of the project: 可研估算, 概算 or 决算.");
        projects.MapPut("/earned-value", EarnedValueAsync)
            .Describe("挣值", "Planned value, earned value and actual cost of the project to a date.");
        app.MapGet("/portfolio", async (string? districtCode, Database dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await PortfolioAsync(districtCode, dataSource, cancellationToken))).WithTags("Schedule")
            .Describe("项目总览", "Places arriving per year by district, stage and status, planned and forecast, and late projects.");
        app.MapGet("/portfolio/export", async (string? districtCode, Database dataSource, CancellationToken cancellationToken) =>
                ArrivingSheet.File(await PortfolioAsync(districtCode, dataSource, cancellationToken))).WithTags("Schedule")
            .Describe("导出学位交付", "Places arriving per year, as an Excel workbook.");
        app.MapGet("/portfolio/projects/export", async (string? districtCode, Database dataSource, CancellationToken cancellationToken) =>
                ProjectsSheet.File(await PortfolioAsync(districtCode, dataSource, cancellationToken))).WithTags("Schedule")
            .Describe("导出项目清单", "Every project of the portfolio with its milestones, as an Excel workbook.");
        return app;
    }

    private static readonly Dictionary<PortfolioStatus, string> StatusNames = new()
    {
        [PortfolioStatus.Completed] = "竣工", [PortfolioStatus.UnderConstruction] = "在建", [PortfolioStatus.Reserve] = "储备",
    };

    private static readonly XlsxSheet<PortfolioView> ArrivingSheet = new("学位进度", "portfolio.xlsx",
        ["区划代码", "学段", "状态", "年份", "计划学位", "预测学位"],
        portfolio => portfolio.Arriving.Select(a => (IReadOnlyList<object?>)[a.DistrictCode, SchoolStages.ChineseNames.GetValueOrDefault(a.Stage, a.Stage), StatusNames[a.Status], a.Year,
            a.PlannedPlaces, a.ForecastPlaces]));

    private static readonly Dictionary<string, string> ProjectStatusNames = new() { ["proposed"] = "谋划", ["approved"] = "已立项" };

    private static readonly XlsxSheet<PortfolioView> ProjectsSheet = new("项目", "projects.xlsx",
        ["项目", "状态", "路径", "当前阶段", "基线开学年", "计划开学年", "预测开学年", "延误", "SPI", "CPI", "预警"],
        portfolio => portfolio.Projects.Select(p => (IReadOnlyList<object?>)[p.Name, ProjectStatusNames.GetValueOrDefault(p.Status, p.Status),
            p.Path == "developer" ? "开发商配套" : "政府投资", p.Milestones.FirstOrDefault(m => m.Gate == p.CurrentGate)?.ChineseName ?? p.CurrentGate, p.BaselineOpeningYear, p.PlannedOpeningYear,
            p.ForecastOpeningYear, p.Slips ? "是" : "否", p.Spi, p.Cpi, string.Join("；", p.Flags.Select(f => f.Text))]));

    /// <summary>Sets the milestone plan: the first plan of a gate is its baseline, kept; later plans change only the planned date.</summary>
    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> PlanAsync(
        Guid id, PlanRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        DeliveryPath? path = request.Path is null ? null : Enum.TryParse<DeliveryPath>(request.Path, ignoreCase: true, out var parsed) ? parsed : null;
        if (request.Path is not null && path is null)
            validation.Add("path", "must be government or developer.");
        if (request.Milestones is not { Count: > 0 })
            validation.Add("milestones", "must plan at least one gate: {\"gate\": \"yyyy-MM-dd\"}.");
        if (!validation.IsValid)
            return validation.Problem();
        return await ChangeAsync(dataSource, id, async (transaction, project, problems) =>
        {
            var effectivePath = path ?? project.DeliveryPath;
            var passed = await PassagesAsync(transaction.Connection!, transaction, id, cancellationToken);
            if (path is not null && path.ToString()!.ToLowerInvariant() != project.Path && passed.Count > 0)
                problems.Add("path", "cannot change once a gate has been passed.");
            var gates = Paths.Gates[effectivePath];
            DateOnly? previous = null;
            foreach (var gate in gates.Where(g => request.Milestones!.ContainsKey(g.Code)))
            {
                var date = request.Milestones![gate.Code];
                if (previous is { } before && date < before)
                    problems.Add($"milestones.{gate.Code}", $"{date:yyyy-MM-dd} is before the gate planned before it ({before:yyyy-MM-dd}).");
                previous = date;
            }
            foreach (var unknown in request.Milestones!.Keys.Where(k => StageGates.IndexOf(gates, k) < 0))
                problems.Add($"milestones.{unknown}", $"is not a gate of the {effectivePath} path.");
            if (!problems.IsValid)
                return;
            await transaction.WriteAsync("""
                UPDATE projects SET path = @path WHERE id = @id;
                INSERT INTO project_milestones (project_id, gate, baseline, planned) SELECT @id, g, d, d FROM unnest(@gates, @dates) AS x (g, d)
                ON CONFLICT (project_id, gate) DO UPDATE SET planned = excluded.planned;
                """, new { id, path = effectivePath.ToString().ToLowerInvariant(), gates = request.Milestones.Keys.ToArray(), dates = request.Milestones.Values.ToArray() }, cancellationToken);
        }, cancellationToken);
    }

    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> EstimateAsync(
        Guid id, EstimateRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!Enum.TryParse<EstimateKind>(request.Kind, ignoreCase: true, out var kind))
            validation.Add("kind", "must be feasibility (可研估算), design (概算) or final (决算).");
        if (request.Amount is not > 0)
            validation.Add("amount", "is required: 万元, above 0.");
        if (request.Date is null || request.Date > Today())
            validation.Add("date", "is required and may not be in the future.");
        if (!validation.IsValid)
            return validation.Problem();
        return await ChangeAsync(dataSource, id, (transaction, _, _) => transaction.WriteAsync("""
            INSERT INTO project_estimates (project_id, kind, date, amount) VALUES (@id, @kind, @Date, @Amount)
            ON CONFLICT (project_id, kind, date) DO UPDATE SET amount = excluded.amount, recorded_at = clock_timestamp()
            """, new { id, kind = kind.ToString().ToLowerInvariant(), request.Date, request.Amount }, cancellationToken), cancellationToken);
    }

    private static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> EarnedValueAsync(
        Guid id, EarnedValueRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        foreach (var (field, value) in new[] { ("plannedValue", request.PlannedValue), ("earnedValue", request.EarnedValue), ("actualCost", request.ActualCost) })
            if (value is null)
                validation.Add(field, "is required (万元).");
        if (!validation.IsValid)
            return validation.Problem();
        return await ChangeAsync(dataSource, id, (transaction, _, _) => transaction.WriteAsync("""
            INSERT INTO project_earned_value (project_id, planned_value, earned_value, actual_cost) VALUES (@id, @PlannedValue, @EarnedValue, @ActualCost)
            ON CONFLICT (project_id) DO UPDATE SET planned_value = excluded.planned_value, earned_value = excluded.earned_value, actual_cost = excluded.actual_cost
            """, new { id, request.PlannedValue, request.EarnedValue, request.ActualCost }, cancellationToken), cancellationToken);
    }

    /// <summary>Places arriving per year by district, stage and status, planned and forecast; and each project's schedule, for a Gantt view.</summary>
    private static async Task<PortfolioView> PortfolioAsync(string? districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var ids = await connection.ListAsync<Guid>("""
            SELECT p.id FROM projects p
            WHERE p.status IN ('proposed', 'approved') AND (@districtCode::text IS NULL OR p.district_code = @districtCode) ORDER BY p.created_at
            """, new { districtCode }, cancellationToken);
        var today = Today();
        var views = new List<(ScheduleView View, ProjectRow Project, IReadOnlyList<Milestone> Milestones, IReadOnlyDictionary<string, int> Places)>();
        foreach (var id in ids)
        {
            var loaded = (await LoadAsync(connection, null, id, cancellationToken))!;
            var places = (await ProjectStore.FindAsync(connection, id, cancellationToken))!.AllStages.ToDictionary(s => s.Stage, s => s.Places);
            views.Add((await ViewAsync(connection, null, loaded, today, cancellationToken), loaded.Project, loaded.Milestones, places));
        }
        var arriving = PortfolioRules.Arriving(views.Select(v => new PortfolioProject(v.Project.Id, v.Project.DistrictCode,
            v.Project.DeliveryPath, v.Milestones, v.Places)), today);
        return new PortfolioView(arriving, views.Select(v => v.View).ToList());
    }

    /// <summary>
    /// Runs a change to an active project (proposed or approved) in one transaction; afterwards, when the forecast
    /// opening moved to another school year, the planned in-use date follows the forecast and the slippage is published.
    /// </summary>
    private static Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Database dataSource, Guid id, Func<NpgsqlTransaction, ProjectRow, Validation, Task> change, CancellationToken cancellationToken) =>
        ChangeAsync(dataSource, id, async (transaction, project, problems) =>
        {
            await change(transaction, project, problems);
            return null;
        }, cancellationToken);

    /// <summary>As above, for a change that may also be refused as a conflict (409) with the project's status.</summary>
    internal static async Task<Results<Ok<ScheduleView>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Database dataSource, Guid id, Func<NpgsqlTransaction, ProjectRow, Validation, Task<ProblemHttpResult?>> change, CancellationToken cancellationToken,
        string[]? statuses = null)
    {
        statuses ??= ["proposed", "approved"];
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var loaded = await LoadAsync(connection, transaction, id, cancellationToken);
        if (loaded is not { Project: var project })
            return TypedResults.NotFound();
        if (!statuses.Contains(project.Status))
            return TypedResults.Problem(title: $"The project is {project.Status}.", detail: $"This is done while a project is {string.Join(" or ", statuses)}.",
                statusCode: StatusCodes.Status409Conflict);
        var problems = new Validation();
        if (await change(transaction, project, problems) is { } conflict)
            return conflict;
        if (!problems.IsValid)
            return problems.Problem();

        var view = (await ViewAsync(connection, transaction, id, Today(), cancellationToken))!;
        var forecastInUse = view.Milestones.FirstOrDefault(m => m.Gate == "in_use")?.Forecast;
        var stored = (await ProjectStore.FindAsync(connection, id, cancellationToken))!;
        if (stored.Status is "proposed" or "approved" && forecastInUse is { } inUse
            && (stored.PlannedInUse is null || ScheduleRules.SchoolYearOf(stored.PlannedInUse.Value) != ScheduleRules.SchoolYearOf(inUse)))
        {
            var moved = stored with { Version = stored.Version + 1, PlannedInUse = inUse };
            await ProjectStore.UpdateAsync(transaction, moved, cancellationToken);
            var school = moved.SchoolId is { } schoolId ? await SchoolDirectory.FindAsync(connection, schoolId, cancellationToken) : null;
            await transaction.EnqueueAsync(new FacilityProjectScheduleChanged(ProjectsApi.State(moved, school), stored.PlannedInUse), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(view);
    }

    private static async Task<Loaded?> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, CancellationToken cancellationToken)
    {
        var project = await connection.SingleOrDefaultAsync<ProjectRow>($"""
            SELECT p.id, p.name, p.status, p.path, p.planned_in_use AS PlannedInUse, p.district_code AS DistrictCode, p.created_at::date AS CreatedOn
            FROM projects p WHERE p.id = @id {(transaction is null ? "" : "FOR UPDATE")}
            """, new { id }, cancellationToken);
        if (project is null)
            return null;
        var planned = await connection.ListAsync<(string Gate, DateOnly Baseline, DateOnly Planned)>(
            "SELECT gate, baseline, planned FROM project_milestones WHERE project_id = @id", new { id }, cancellationToken);
        var passages = await PassagesAsync(connection, transaction, id, cancellationToken);
        var actual = passages.ToDictionary(p => p.Gate, p => p.Date);
        var milestones = planned.Select(m => new Milestone(m.Gate, m.Baseline, m.Planned, actual.TryGetValue(m.Gate, out var date) ? date : null)).ToList();
        // A project without a plan still has its planned in-use date: one milestone, so it shows in the portfolio.
        if (milestones.Count == 0 && project.PlannedInUse is { } inUse)
            milestones.Add(new Milestone("in_use", inUse, inUse, null));
        return new Loaded(project, milestones, passages);
    }

    internal static async Task<IReadOnlyList<Passage>> PassagesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, CancellationToken cancellationToken) =>
        (await connection.ListAsync<PassageRow>("""
            SELECT gate, date, user_name AS UserName, display_name AS DisplayName, document_reference AS DocumentReference,
                   waiver_reason AS WaiverReason
            FROM project_passages WHERE project_id = @id ORDER BY date, recorded_at
            """, new { id }, cancellationToken))
        .Select(p => new Passage(p.Gate, p.Date, new SignedInUser(p.UserName, p.DisplayName), p.DocumentReference, p.WaiverReason)).ToList();

    private static async Task<ScheduleView?> ViewAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, DateOnly today, CancellationToken cancellationToken) =>
        await LoadAsync(connection, transaction, id, cancellationToken) is { } loaded ? await ViewAsync(connection, transaction, loaded, today, cancellationToken) : null;

    private static async Task<ScheduleView> ViewAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Loaded loaded, DateOnly today, CancellationToken cancellationToken)
    {
        var (project, milestones, _) = loaded;
        var id = project.Id;
        var path = project.DeliveryPath;
        var passages = loaded.Passages.ToDictionary(p => p.Gate);
        var forecast = ScheduleRules.Forecast(path, milestones, today);
        var estimates = (await connection.ListAsync<(string Kind, decimal Amount, DateOnly Date)>(
            "SELECT kind, amount, date FROM project_estimates WHERE project_id = @id ORDER BY date", new { id }, cancellationToken))
            .Select(e => new Estimate(Enum.Parse<EstimateKind>(e.Kind, ignoreCase: true), e.Amount, e.Date)).ToList();
        var earned = (await connection.ListAsync<(decimal Planned, decimal Earned, decimal Actual)>(
            "SELECT planned_value, earned_value, actual_cost FROM project_earned_value WHERE project_id = @id", new { id }, cancellationToken))
            .Select(e => new EarnedValue(e.Planned, e.Earned, e.Actual)).SingleOrDefault();
        var byGate = milestones.ToDictionary(m => m.Gate);
        var views = Paths.Gates[path].Where(g => byGate.ContainsKey(g.Code) || passages.ContainsKey(g.Code)).Select(g =>
        {
            var milestone = byGate.GetValueOrDefault(g.Code);
            var passage = passages.GetValueOrDefault(g.Code);
            return new MilestoneView(g.Code, g.ChineseName, milestone?.Baseline, milestone?.Planned, passage?.Date,
                forecast.Forecast.TryGetValue(g.Code, out var date) ? date : passage?.Date,
                passage?.By.UserName, passage?.By.DisplayName, passage?.DocumentReference, passage?.WaiverReason);
        }).ToList();
        var flags = forecast.Flags.Concat(ScheduleRules.EstimateOverrun(estimates) is { } overrun ? [overrun] : []).ToList();
        return new ScheduleView(project.Id, project.Name, project.Status, project.Path, StageGates.Current(path, passages.Values.OrderBy(p => StageGates.IndexOf(Paths.Gates[path], p.Gate)).ToList())?.Code,
            forecast.PlannedOpeningYear, forecast.BaselineOpeningYear, forecast.ForecastOpeningYear, forecast.Slips, views, flags, estimates, earned, earned?.Spi, earned?.Cpi);
    }

    internal static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);
}
