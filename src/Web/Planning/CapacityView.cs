using Platform.Contracts;

namespace Platform.Web.Planning;

/// <summary>One cell of the zone × year table: places over (+) or under (−) demand (CapacityRow.Balance).</summary>
public sealed record GridCell(int Year, int Gap, Standing Standing, bool LargeClassRisk);

public sealed record GridRow(string Zone, string Name, IReadOnlyList<GridCell> Cells);

/// <summary>The district's demand, places and pipeline places of a stage, year by year, for the chart.</summary>
public sealed record Trend(IReadOnlyList<int> Years, IReadOnlyList<double> Demand, IReadOnlyList<int> Places, IReadOnlyList<int> Pipeline);

/// <summary>The planner's dashboard, shaped from the capacity analysis (plain: no I/O).</summary>
public static class CapacityView
{
    /// <summary>Each zone serving the stage, by name, with a cell for each year.</summary>
    public static IReadOnlyList<GridRow> Grid(CapacitySummary answer, string stage) =>
        answer.Report.Rows.Where(row => row.Stage == stage)
            .GroupBy(row => row.Zone)
            .Select(zone => new GridRow(zone.Key, answer.Names.GetValueOrDefault(zone.Key, zone.Key),
                zone.OrderBy(row => row.Year)
                    .Select(row => new GridCell(row.Year, row.Balance, row.Standing, row.LargeClassRisk))
                    .ToList()))
            .OrderBy(row => row.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The district's balance of the stage each year: its zones' balances added up.</summary>
    public static IReadOnlyList<int> Totals(CapacitySummary answer, string stage) =>
        [.. DistrictBalance.ByYear(answer.Report.Rows, stage).Select(year => year.Balance)];

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
