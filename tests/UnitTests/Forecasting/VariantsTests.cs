using Platform.Planning.Forecasting;

namespace Platform.UnitTests.Forecasting;

public class VariantsTests
{
    [Fact]
    public void Uses_the_measured_error_then_grows_it_in_proportion_to_the_years_ahead()
    {
        var errors = Variants.Errors([0.01, 0.02, 0.03], horizon: 6);
        Assert.Equal([0.01, 0.02, 0.03, 0.04, 0.05, 0.06], Enumerable.Range(1, 6).Select(ahead => Math.Round(errors[ahead], 10)));
    }

    [Fact]
    public void The_band_never_narrows_further_out_and_skips_years_nothing_was_compared_in()
    {
        var errors = Variants.Errors([0.02, double.NaN, 0.015], horizon: 4);
        // 2%, then held at 2% (unknown, then smaller), then 2% × 4 / 3 beyond the three measured years.
        Assert.Equal([0.02, 0.02, 0.02, Math.Round(0.02 * 4 / 3, 10)],
            Enumerable.Range(1, 4).Select(ahead => Math.Round(errors[ahead], 10)));
    }

    [Fact]
    public void Refuses_when_nothing_was_compared()
    {
        Assert.Throws<ForecastInputException>(() => Variants.Errors([double.NaN, double.NaN], horizon: 3));
    }

    [Fact]
    public void Low_and_high_move_each_year_by_its_error_and_central_is_unchanged()
    {
        IReadOnlyList<DemandRow> central = [new("Z1", "primary", 2026, 1000, 100), new("Z1", "primary", 2027, 1000, 100)];
        var errors = new Dictionary<int, double> { [1] = 0.01, [2] = 0.05 };

        Assert.Equal([1010, 1050], Variants.Apply(central, 2025, errors, Variant.High).Select(r => Math.Round(r.Pupils, 6)));
        Assert.Equal([990, 950], Variants.Apply(central, 2025, errors, Variant.Low).Select(r => Math.Round(r.Pupils, 6)));
        Assert.Equal([99, 95], Variants.Apply(central, 2025, errors, Variant.Low).Select(r => Math.Round(r.FromHousing, 6)));
        Assert.Same(central, Variants.Apply(central, 2025, errors, Variant.Central));
    }

    [Fact]
    public void The_error_comes_from_back_testing_the_same_settings_on_the_history()
    {
        // Grade 1 took 10% of births every year, so a back-test of the entry grade is exact: the band has no width.
        var births = Histories.Births(Enumerable.Range(2000, 20).Select(y => (y, 1000.0)).ToArray());
        var school = Histories.School("S1", "Z1", [1], Enumerable.Range(2010, 12).Select(y => (1, y, 100.0)).ToArray());
        var errors = Variants.Errors(Histories.Input(2021, births, school), new ForecastSettings { Horizon = 3 }, Level.District);
        Assert.Equal([0.0, 0.0, 0.0], errors.Values.Select(e => Math.Round(e, 12)));
    }

    [Fact]
    public void Needs_more_history_than_the_ratio_years()
    {
        var births = Histories.Births(Enumerable.Range(2000, 20).Select(y => (y, 1000.0)).ToArray());
        var school = Histories.School("S1", "Z1", [1], (1, 2020, 100), (1, 2021, 100));
        var input = Histories.Input(2021, births, school) with
        {
            Schools = [new SchoolHistory("S1", "Z1", "D1", new HashSet<int> { 1 }, Grid(2019, 2021))],
        };
        var error = Assert.Throws<ForecastInputException>(() => Variants.Errors(input, new ForecastSettings(), Level.District));
        Assert.Contains("至少 4 年", error.Reason.Zh);
    }

    private static EnrolmentGrid Grid(int first, int last)
    {
        var grid = new EnrolmentGrid(first, last);
        for (var year = first; year <= last; year++)
            grid[1, year] = 100;
        return grid;
    }
}
