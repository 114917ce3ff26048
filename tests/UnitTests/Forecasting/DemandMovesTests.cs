using Platform.Planning.Forecasting;

namespace Platform.UnitTests.Forecasting;

public class DemandMovesTests
{
    private static readonly IReadOnlyList<DemandRow> Rows =
    [
        new("A", "primary", 2026, 1000, 100), new("A", "primary", 2027, 1200, 0),
        new("A", "junior_secondary", 2027, 500, 0),
        new("B", "primary", 2027, 300, 0),
    ];

    [Fact]
    public void Moves_the_share_from_its_first_year_on_and_leaves_other_stages_alone()
    {
        var moved = DemandMoves.Apply(Rows, [new ZoneDemandMove("A", "B", "primary", 0.25, 2027)])
            .ToDictionary(r => (r.Unit, r.Stage, r.Year), r => r.Pupils);

        Assert.Equal(1000, moved[("A", "primary", 2026)]); // before the move's year
        Assert.Equal(900, moved[("A", "primary", 2027)]);  // 1200 - 25%
        Assert.Equal(600, moved[("B", "primary", 2027)]);  // 300 + 300
        Assert.Equal(500, moved[("A", "junior_secondary", 2027)]);
        Assert.Equal(Rows.Sum(r => r.Pupils), moved.Values.Sum(), precision: 9); // nothing is lost or made up
    }

    [Fact]
    public void Creates_the_receiving_zones_row_and_carries_housing_with_the_pupils()
    {
        var moved = DemandMoves.Apply(Rows, [new ZoneDemandMove("A", "C", "primary", 0.5, 2026)]);
        var c2026 = moved.Single(r => r.Unit == "C" && r.Year == 2026);
        Assert.Equal((500, 50), (c2026.Pupils, c2026.FromHousing));
    }

    [Fact]
    public void Shares_from_one_zone_add_up_rather_than_compound()
    {
        var moved = DemandMoves.Apply(Rows,
            [new ZoneDemandMove("A", "B", "primary", 0.5, 2027), new ZoneDemandMove("A", "C", "primary", 0.5, 2027)]);
        Assert.Equal(0, moved.Single(r => r.Unit == "A" && r.Stage == "primary" && r.Year == 2027).Pupils, precision: 9);
        Assert.Equal(600, moved.Single(r => r.Unit == "C" && r.Year == 2027).Pupils, precision: 9);
    }
}
