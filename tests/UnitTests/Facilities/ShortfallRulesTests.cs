using Platform.Contracts;
using Platform.Facilities.Shortfalls;

namespace Platform.UnitTests.Facilities;

public class ShortfallRulesTests
{
    private static readonly Guid Forecast = Guid.NewGuid();

    private static PlaceShortfallDetected Shortfall(int year, double places, int classes, Guid? forecast = null) =>
        new(forecast ?? Forecast, "120106", Guid.NewGuid(), "junior_secondary", year, 2027, places, classes, "三条石学区");

    [Fact]
    public void A_proposal_is_named_by_zone_stage_and_first_year()
    {
        Assert.Equal("三条石学区 初中学位缺口（2027年起）", ShortfallRules.Propose(Shortfall(2027, 120, 3), new DateOnly(2026, 12, 7)).Name);
        Assert.Equal("小学学位缺口（2030年起）", ShortfallRules.Name(null, "primary", 2030));
    }

    [Theory]
    [InlineData("2026-12-07", 2027, "2028-09-01")] // a year from today is 2027-12-07: the next 1 September after it
    [InlineData("2026-09-01", 2027, "2027-09-01")] // a year from today is 1 September itself
    [InlineData("2026-09-02", 2027, "2028-09-01")]
    [InlineData("2026-12-07", 2031, "2031-09-01")] // a shortfall far enough ahead keeps its own year
    [InlineData("2026-12-07", 2022, "2028-09-01")] // a shortfall already under way is met as soon as can be
    public void A_proposal_is_planned_for_its_first_year_short_but_never_sooner_than_a_year_ahead(
        string today, int firstYear, string plannedInUse) =>
        Assert.Equal(DateOnly.Parse(plannedInUse), ShortfallRules.PlannedInUse(firstYear, DateOnly.Parse(today)));

    [Fact]
    public void A_newer_forecast_replaces_the_gap_and_the_same_forecast_only_enlarges_it()
    {
        var open = ShortfallRules.Propose(Shortfall(2027, 200, 5), new DateOnly(2026, 12, 7));

        Assert.Null(ShortfallRules.Update(open, Shortfall(2028, 150, 4))); // another year of the same forecast, smaller
        Assert.Equal((6, 240, 1), ShortfallRules.Update(open, Shortfall(2028, 240, 6)) is { } larger
            ? (larger.ClassesAdded, larger.PlacesAdded, larger.Version - open.Version) : default);
        var newer = ShortfallRules.Update(open, Shortfall(2029, 90, 2, Guid.NewGuid()) with { FirstYear = 2029 })!;
        Assert.Equal((2, 90, 2029, "三条石学区 初中学位缺口（2029年起）"), (newer.ClassesAdded, newer.PlacesAdded, newer.ShortfallFirstYear, newer.Name));
        Assert.Equal(open.PlannedInUse, newer.PlannedInUse); // the date the facility manager may have set stays
    }
}
