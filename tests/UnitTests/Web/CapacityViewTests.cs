using Platform.Contracts;
using Platform.Web.Planning;

namespace Platform.UnitTests.Web;

public class CapacityViewTests
{
    private static CapacityRow Row(string zone, int year, double demand, int places, double shortfall = 0, double surplus = 0) =>
        new(zone, "primary", year, demand, places, 0, places / 45, demand / places, shortfall, 0, surplus, 0, 40, false);

    private static readonly CapacitySummary Answer = new(2025, new CapacityReport(
        [
            Row("a", 2026, 905.4, 1080),                    // no shortfall or surplus given: balanced, 175 places spare
            Row("a", 2027, 1000, 1080),                     // 92.6% used: balanced, 80 places spare
            Row("b", 2026, 1200.6, 1080, shortfall: 120.6), // short by 120.6 of 1,080: over 10%
            Row("b", 2027, 700, 1080, surplus: 380),        // 64.8% used: surplus over 20%
        ], []), new Dictionary<string, string> { ["a"] = "甲学区", ["b"] = "乙学区" });

    [Fact]
    public void A_balanced_cell_shows_the_places_spare_not_a_zero()
    {
        var cell = CapacityView.Grid(Answer, "primary").Single(r => r.Name == "甲学区").Cells[1];

        Assert.Equal((80, Standing.Balanced), (cell.Gap, cell.Standing));
    }

    [Fact]
    public void Each_cell_is_the_rows_balance_and_the_totals_add_up_the_zones()
    {
        var grid = CapacityView.Grid(Answer, "primary"); // by name: 乙学区 first

        Assert.Equal([[-121, 380], [175, 80]], grid.Select(r => r.Cells.Select(c => c.Gap).ToArray()).ToArray());
        Assert.Equal([Standing.LargeShortfall, Standing.LargeSurplus], grid[0].Cells.Select(c => c.Standing));
        Assert.Equal([175 - 121, 80 + 380], CapacityView.Totals(Answer, "primary"));
        Assert.All(Answer.Report.Rows, row => Assert.Equal((int)Math.Round(row.Capacity - row.Demand, MidpointRounding.AwayFromZero),
            row.Balance));
    }
}
