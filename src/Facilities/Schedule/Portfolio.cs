using Platform.Contracts;

namespace Platform.Facilities.Schedule;

/// <summary>A project for the portfolio: its path, milestones and places by stage.</summary>
public sealed record PortfolioProject(
    Guid Id, string DistrictCode, DeliveryPath Path, IReadOnlyList<Milestone> Milestones, IReadOnlyDictionary<string, int> Places);

/// <summary>"竣工一批、在建一批、储备一批": places arriving per year (plain: no I/O).</summary>
public static class PortfolioRules
{
    /// <summary>
    /// Each project not yet in use adds its places in the school year of its planned 投入使用 (planned) and of its forecast
    /// one (risk-adjusted: overdue gates push the forecast). Its status: 竣工 once completion is passed, 在建 once
    /// construction started, else 储备.
    /// </summary>
    public static IReadOnlyList<PlacesArriving> Arriving(IEnumerable<PortfolioProject> projects, DateOnly today)
    {
        var totals = new Dictionary<(string District, string Stage, PortfolioStatus Status, int Year), (int Planned, int Forecast)>();
        foreach (var project in projects)
        {
            var inUse = project.Milestones.FirstOrDefault(m => m.Gate == "in_use");
            if (inUse is null || inUse.Actual is not null)
                continue;
            var status = StatusOf(project.Milestones);
            var forecast = ScheduleRules.Forecast(project.Path, project.Milestones, today);
            foreach (var (stage, places) in project.Places)
            {
                Add(project.DistrictCode, stage, status, forecast.PlannedOpeningYear, places, 0);
                Add(project.DistrictCode, stage, status, forecast.ForecastOpeningYear, 0, places);
            }
        }
        return totals
            .Select(t => new PlacesArriving(t.Key.District, t.Key.Stage, t.Key.Status, t.Key.Year, t.Value.Planned, t.Value.Forecast))
            .OrderBy(p => p.DistrictCode, StringComparer.Ordinal).ThenBy(p => p.Year)
            .ThenBy(p => p.Stage, StringComparer.Ordinal).ThenBy(p => p.Status)
            .ToList();

        void Add(string district, string stage, PortfolioStatus status, int year, int planned, int forecast)
        {
            var key = (district, stage, status, year);
            var (p, f) = totals.GetValueOrDefault(key);
            totals[key] = (p + planned, f + forecast);
        }
    }

    public static PortfolioStatus StatusOf(IReadOnlyList<Milestone> milestones) =>
        milestones.Any(m => m.Gate == "completion" && m.Actual is not null) ? PortfolioStatus.Completed
        : milestones.Any(m => m.Gate == "construction_start" && m.Actual is not null) ? PortfolioStatus.UnderConstruction
        : PortfolioStatus.Reserve;
}
