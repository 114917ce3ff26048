using Platform.BuildingBlocks;
using Platform.Contracts;
using Platform.Facilities.Stages;

namespace Platform.Facilities.Schedule;

/// <summary>
/// A milestone of a project's plan: the gate, the date first planned (baseline), the date planned now, and when it was
/// passed.
/// </summary>
public sealed record Milestone(string Gate, DateOnly Baseline, DateOnly Planned, DateOnly? Actual);

/// <summary>Each gate's forecast date, the school year the places open, and the warnings.</summary>
public sealed record ScheduleForecast(
    IReadOnlyDictionary<string, DateOnly> Forecast, int PlannedOpeningYear, int BaselineOpeningYear, int ForecastOpeningYear,
    IReadOnlyList<Flag> Flags)
{
    /// <summary>The opening slips: it is forecast for a later school year than planned.</summary>
    public bool Slips => ForecastOpeningYear > PlannedOpeningYear;
}

/// <summary>Schedule and budget control (plain: no I/O).</summary>
public static class ScheduleRules
{
    /// <summary>A design estimate (概算) more than this much above the feasibility estimate (可研) must be flagged (政府投资条例).</summary>
    public const decimal DesignOverrunShare = 0.10m;

    /// <summary>
    /// Forecasts each gate from the plan: a passed gate is where it is; the next ones keep their planned spacing after the
    /// gate before them, never earlier than planned, and an overdue gate is forecast for today at the earliest. The
    /// opening is the school year of the forecast 投入使用. Flags: each overdue gate, and an opening that slips past the
    /// planned school year.
    /// </summary>
    public static ScheduleForecast Forecast(DeliveryPath path, IReadOnlyList<Milestone> milestones, DateOnly today)
    {
        var gates = Paths.Gates[path];
        var byGate = milestones.ToDictionary(m => m.Gate);
        var forecast = new Dictionary<string, DateOnly>();
        var flags = new List<Flag>();
        Milestone? previous = null;
        DateOnly? previousForecast = null;
        foreach (var gate in gates)
        {
            if (!byGate.TryGetValue(gate.Code, out var milestone))
                continue;
            DateOnly date;
            if (milestone.Actual is { } actual)
                date = actual;
            else
            {
                date = milestone.Planned;
                if (previous is not null && previousForecast is { } after)
                    date = Max(date, after.AddDays(milestone.Planned.DayNumber - previous.Planned.DayNumber));
                if (milestone.Planned < today)
                {
                    var late = today.DayNumber - milestone.Planned.DayNumber;
                    flags.Add(new Flag(FlagKind.Overdue, gate.Code, new UserText(
                        $"{gate.ChineseName}计划于 {milestone.Planned:yyyy-MM-dd}，已逾期 {late} 天。",
                        $"{gate.ChineseName} was planned for {milestone.Planned:yyyy-MM-dd}: {late} days overdue.").ToString()));
                    date = Max(date, today);
                }
            }
            forecast[gate.Code] = date;
            (previous, previousForecast) = (milestone, date);
        }
        var inUse = byGate.GetValueOrDefault("in_use");
        var planned = inUse is null ? 0 : Clocks.SchoolYearFrom(inUse.Planned);
        var baseline = inUse is null ? 0 : Clocks.SchoolYearFrom(inUse.Baseline);
        var forecastYear = forecast.TryGetValue("in_use", out var opening) ? Clocks.SchoolYearFrom(opening) : 0;
        if (forecastYear > planned && inUse is not null)
            flags.Add(new Flag(FlagKind.OpeningSlips, "in_use", new UserText(
                $"开学时间预计由 {planned} 年秋季推迟到 {forecastYear} 年秋季。",
                $"Opening is forecast to slip from autumn {planned} to autumn {forecastYear}.").ToString()));
        return new ScheduleForecast(forecast, planned, baseline, forecastYear, flags);
    }

    /// <summary>A design estimate (概算) above the feasibility estimate (可研) by more than 10%: the newest of each is compared.</summary>
    public static Flag? EstimateOverrun(IReadOnlyList<Estimate> estimates)
    {
        var feasibility = estimates.Where(e => e.Kind == EstimateKind.Feasibility).MaxBy(e => e.Date);
        var design = estimates.Where(e => e.Kind == EstimateKind.Design).MaxBy(e => e.Date);
        if (feasibility is null || design is null || feasibility.Amount <= 0
            || design.Amount <= feasibility.Amount * (1 + DesignOverrunShare))
            return null;
        var (over, designed, feasible) = ((design.Amount / feasibility.Amount - 1).ToString("P1"), design.Amount, feasibility.Amount);
        return new Flag(FlagKind.EstimateOverrun, "design", new UserText(
            $"概算 {designed:0.##} 万元超过可研估算 {feasible:0.##} 万元 {over}，超过 10% 须报批。",
            $"The design estimate ({designed:0.##} 万元) is {over} over the feasibility estimate ({feasible:0.##} 万元): "
            + "over 10% needs approval.").ToString());
    }

    /// <summary>A project's schedule as planners read it: each gate planned or passed, with its forecast, and the warnings.</summary>
    public static ScheduleView View(ProjectPlan plan, IReadOnlyList<Estimate> estimates, EarnedValue? earned, DateOnly today)
    {
        var (project, path, _, milestones, _) = plan;
        var passages = plan.Passages.ToDictionary(p => p.Gate);
        var forecast = Forecast(path, milestones, today);
        var byGate = milestones.ToDictionary(m => m.Gate);
        var views = Paths.Gates[path].Where(g => byGate.ContainsKey(g.Code) || passages.ContainsKey(g.Code)).Select(g =>
        {
            var milestone = byGate.GetValueOrDefault(g.Code);
            var passage = passages.GetValueOrDefault(g.Code);
            return new MilestoneView(g.Code, g.ChineseName, milestone?.Baseline, milestone?.Planned, passage?.Date,
                forecast.Forecast.TryGetValue(g.Code, out var date) ? date : passage?.Date,
                passage?.By.UserName, passage?.By.DisplayName, passage?.DocumentReference, passage?.WaiverReason);
        }).ToList();
        var flags = forecast.Flags.Concat(EstimateOverrun(estimates) is { } overrun ? [overrun] : []).ToList();
        var current = StageGates.Current(path, [.. passages.Values.OrderBy(p => StageGates.IndexOf(Paths.Gates[path], p.Gate))]);
        return new ScheduleView(project.Id, project.Name, project.Status, path, current?.Code,
            forecast.PlannedOpeningYear, forecast.BaselineOpeningYear, forecast.ForecastOpeningYear, forecast.Slips,
            views, flags, estimates, earned, earned?.Spi, earned?.Cpi);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
