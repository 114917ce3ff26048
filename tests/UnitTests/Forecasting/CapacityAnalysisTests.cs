using Platform.Contracts;
using Platform.Planning.Forecasting;

namespace Platform.UnitTests.Forecasting;

public class CapacityAnalysisTests
{
    private static DemandRow Demand(int year, double pupils, string zone = "Z1") => new(zone, "primary", year, pupils, 0);

    private static CapacityReport Run(IEnumerable<DemandRow> demand, params CapacitySource[] capacity) =>
        CapacityAnalysis.Run(demand, capacity, baseYear: 2022, new CapacitySettings());

    [Fact]
    public void A_shortfall_is_counted_in_places_and_in_classes()
    {
        var row = Assert.Single(Run([Demand(2023, 900)], new CapacitySource("Z1", "primary", 810, 18)).Rows);
        Assert.Equal(90, row.Shortfall);          // 900 - 810
        Assert.Equal(2, row.ShortfallClasses);    // ⌈90 / 45⌉ at the zone's norm of 810 / 18
        Assert.Equal(900.0 / 810, row.Utilisation!.Value, precision: 12);
        Assert.Equal(50, row.PupilsPerClass);     // 900 / 18: below 大班额
        Assert.False(row.LargeClassRisk);
    }

    [Fact]
    public void A_planned_school_adds_its_places_from_its_opening_year_and_surplus_is_shown_too()
    {
        var report = Run([Demand(2023, 900), Demand(2024, 1000)],
            new CapacitySource("Z1", "primary", 810, 18), new CapacitySource("Z1", "primary", 450, 10, FromYear: 2024));
        var y2024 = report.Rows.Single(r => r.Year == 2024);
        Assert.Equal((1260, 28), (y2024.Capacity, y2024.Classes));
        Assert.Equal(260, y2024.Surplus);         // 1000 / 1260 = 0.79, below 0.85: 1260 - 1000 unused
        Assert.Equal(5, y2024.SurplusClasses);    // ⌊260 / 45⌋
        Assert.Equal([WarningKind.Shortfall, WarningKind.Surplus], report.Warnings.Select(w => w.Kind));
    }

    [Fact]
    public void Warns_of_large_classes_when_places_suffice_but_classes_are_crowded()
    {
        var report = Run([Demand(2023, 1150)], new CapacitySource("Z1", "primary", 1200, 20)); // a norm of 60 per class
        var row = Assert.Single(report.Rows);
        Assert.Equal(57.5, row.PupilsPerClass);
        Assert.True(row.LargeClassRisk);
        Assert.Equal(WarningKind.LargeClasses, Assert.Single(report.Warnings).Kind);
    }

    [Fact]
    public void Warnings_give_the_first_year_and_the_largest_gap_urgent_ones_first()
    {
        var report = Run(
            [Demand(2025, 850, "Far"), Demand(2026, 950, "Far"), Demand(2023, 820, "Near")],
            new CapacitySource("Far", "primary", 810, 18), new CapacitySource("Near", "primary", 810, 18));

        Assert.Equal(["Near", "Far"], report.Warnings.Select(w => w.Zone)); // 2023 is within two years of 2022; 2025 is not
        var far = report.Warnings[1];
        Assert.Equal((2025, 140, 4, false), (far.FirstYear, far.Places, far.Classes, far.Urgent)); // worst: 950 - 810 = 140, ⌈140/45⌉
    }

    [Fact]
    public void A_closed_school_stops_counting_after_its_last_year_and_a_zone_without_places_has_no_utilisation()
    {
        var report = Run([Demand(2023, 100), Demand(2024, 100)], new CapacitySource("Z1", "primary", 810, 18, UntilYear: 2023));
        var y2024 = report.Rows.Single(r => r.Year == 2024);
        Assert.Equal(0, y2024.Capacity);
        Assert.Null(y2024.Utilisation);
        Assert.Equal(100, y2024.Shortfall);
        Assert.Equal(3, y2024.ShortfallClasses); // ⌈100 / 45⌉ at the primary default norm
    }
}
