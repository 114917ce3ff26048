using Platform.Contracts;
using Platform.Facilities.Schedule;

namespace Platform.UnitTests.Facilities;

public class ScheduleRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Milestone M(string gate, string planned, string? actual = null, string? baseline = null) =>
        new(gate, DateOnly.Parse(baseline ?? planned), DateOnly.Parse(planned), actual is null ? null : DateOnly.Parse(actual));

    [Fact]
    public void An_on_time_plan_opens_in_the_planned_school_year() // started early: gaining days does not pull later gates forward
    {
        var forecast = ScheduleRules.Forecast(DeliveryPath.Government,
            [M("construction_start", "2026-03-01", "2026-02-25"), M("completion", "2027-06-30"), M("in_use", "2027-09-01")], Today);
        Assert.Equal((2027, 2027, false), (forecast.PlannedOpeningYear, forecast.ForecastOpeningYear, forecast.Slips));
        Assert.Empty(forecast.Flags);
    }

    [Fact]
    public void An_overdue_gate_pushes_the_following_ones_and_the_opening_slips()
    {
        // 主体封顶 was due 2026-10-01 and has not happened: forecast today (2026-11-22), 52 days late. 竣工 keeps its
        // planned 240 days after it: 2027-07-20; 投入使用 62 days after that: 2027-09-20, past 1 September, so 2028.
        var forecast = ScheduleRules.Forecast(DeliveryPath.Government,
        [
            M("construction_start", "2026-03-01", "2026-03-01"), M("topping_out", "2026-10-01"),
            M("completion", "2027-05-29"), M("in_use", "2027-07-30"),
        ], Today);
        Assert.Equal(new DateOnly(2027, 7, 20), forecast.Forecast["completion"]);
        Assert.Equal(new DateOnly(2027, 9, 20), forecast.Forecast["in_use"]);
        Assert.Equal((2027, 2028, true), (forecast.PlannedOpeningYear, forecast.ForecastOpeningYear, forecast.Slips));
        Assert.Equal([FlagKind.Overdue, FlagKind.OpeningSlips], forecast.Flags.Select(f => f.Kind));
        Assert.Contains("52 天", forecast.Flags[0].Text);
    }

    [Fact]
    public void The_baseline_stays_beside_a_replanned_opening()
    {
        var forecast = ScheduleRules.Forecast(DeliveryPath.Developer, [M("in_use", "2028-09-01", baseline: "2027-09-01")], Today);
        Assert.Equal((2027, 2028), (forecast.BaselineOpeningYear, forecast.PlannedOpeningYear));
    }

    [Theory]
    [InlineData(1000, 1100, false)] // exactly 10% over: allowed
    [InlineData(1000, 1100.01, true)]
    [InlineData(1000, 900, false)]
    public void A_design_estimate_more_than_ten_percent_over_feasibility_is_flagged(double feasibility, double design, bool flagged)
    {
        var flag = ScheduleRules.EstimateOverrun(
            [new(EstimateKind.Feasibility, (decimal)feasibility, new DateOnly(2025, 1, 1)),
                new(EstimateKind.Design, (decimal)design, new DateOnly(2025, 6, 1))]);
        Assert.Equal(flagged, flag is not null);
    }

    [Fact]
    public void Earned_value_gives_schedule_and_cost_performance()
    {
        var value = new EarnedValue(PlannedValue: 800, EarnedValueAmount: 600, ActualCost: 750);
        Assert.Equal((0.75, 0.8), (value.Spi, value.Cpi));
        Assert.Null(new EarnedValue(0, 0, 0).Spi);
    }

    [Fact]
    public void The_portfolio_counts_places_by_status_in_the_planned_and_the_forecast_year()
    {
        PortfolioProject Project(string district, IReadOnlyList<Milestone> milestones, int places) =>
            new(Guid.NewGuid(), district, DeliveryPath.Government, milestones, new Dictionary<string, int> { ["primary"] = places });
        var arriving = PortfolioRules.Arriving(
        [
            // 在建, slips to 2028
            Project("120106",
                [M("construction_start", "2026-03-01", "2026-03-01"), M("topping_out", "2026-10-01"), M("in_use", "2027-08-30")], 1080),
            // 储备, on time
            Project("120106", [M("approved", "2027-01-01"), M("in_use", "2029-09-01")], 540),
            // in use: not arriving
            Project("120106", [M("in_use", "2025-09-01", "2025-09-01")], 999),
        ], Today);

        Assert.Equal(
            [(PortfolioStatus.UnderConstruction, 2027, 1080, 0), (PortfolioStatus.UnderConstruction, 2028, 0, 1080),
                (PortfolioStatus.Reserve, 2029, 540, 540)],
            arriving.Select(a => (a.Status, a.Year, a.PlannedPlaces, a.ForecastPlaces)));
    }
}
