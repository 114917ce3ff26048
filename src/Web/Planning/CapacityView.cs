using Platform.Contracts;

namespace Platform.Web.Planning;

/// <summary>How a zone stands in a year, from a large shortfall to a large surplus.</summary>
public enum Standing { LargeShortfall, Shortfall, Balanced, Surplus, LargeSurplus }

/// <summary>One cell of the zone × year table: places over (+) or under (−) demand.</summary>
public sealed record GridCell(int Year, double Gap, Standing Standing, bool LargeClassRisk);

public sealed record GridRow(string Zone, string Name, IReadOnlyList<GridCell> Cells);

/// <summary>The district's demand, places and pipeline places of a stage, year by year, for the chart.</summary>
public sealed record Trend(IReadOnlyList<int> Years, IReadOnlyList<double> Demand, IReadOnlyList<int> Places, IReadOnlyList<int> Pipeline);

/// <summary>The planner's dashboard, shaped from the capacity analysis (plain: no I/O).</summary>
public static class CapacityView
{
    /// <summary>A shortfall of more than this share of the places is large; so is a surplus of more than twice it.</summary>
    public const double LargeShare = 0.10;

    public static Standing StandingOf(CapacityRow row) =>
        row.Shortfall > 0 ? (row.Capacity == 0 || row.Shortfall > LargeShare * row.Capacity ? Standing.LargeShortfall : Standing.Shortfall)
        : row.Surplus > 0 ? (row.Surplus > 2 * LargeShare * row.Capacity ? Standing.LargeSurplus : Standing.Surplus)
        : Standing.Balanced;

    /// <summary>Each zone serving the stage, by name, with a cell for each year.</summary>
    public static IReadOnlyList<GridRow> Grid(CapacitySummary answer, string stage) =>
        answer.Report.Rows.Where(row => row.Stage == stage)
            .GroupBy(row => row.Zone)
            .Select(zone => new GridRow(zone.Key, answer.Names.GetValueOrDefault(zone.Key, zone.Key),
                zone.OrderBy(row => row.Year)
                    .Select(row => new GridCell(
                        row.Year, row.Shortfall > 0 ? -row.Shortfall : row.Surplus, StandingOf(row), row.LargeClassRisk))
                    .ToList()))
            .OrderBy(row => row.Name, StringComparer.Ordinal)
            .ToList();

    public static Trend TrendOf(CapacitySummary answer, string stage)
    {
        var years = answer.Report.Rows.Where(row => row.Stage == stage).GroupBy(row => row.Year).OrderBy(year => year.Key).ToList();
        return new Trend(
            years.Select(year => year.Key).ToList(),
            years.Select(year => Math.Round(year.Sum(row => row.Demand))).ToList(),
            years.Select(year => year.Sum(row => row.Capacity)).ToList(),
            years.Select(year => year.Sum(row => row.PipelinePlaces)).ToList());
    }
}
