using Platform.Planning.Forecasting;
using static Platform.UnitTests.Forecasting.Histories;

namespace Platform.UnitTests.Forecasting;

public class BackTestTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> FlatBirths =
        Births(Enumerable.Range(2004, 14).Select(year => (year, 1000.0)).ToArray());

    [Fact]
    public void Accuracy_is_mape_malpe_and_the_share_within_two_percent()
    {
        var accuracy = Accuracy.Of([(110, 100), (90, 100), (101, 100), (50, 0)]); // an actual of 0 cannot be compared
        Assert.Equal(3, accuracy.Count);
        Assert.Equal(0.07, accuracy.Mape, precision: 12);              // (0.10 + 0.10 + 0.01) / 3
        Assert.Equal(0.01 / 3, accuracy.Malpe, precision: 12);         // (0.10 - 0.10 + 0.01) / 3
        Assert.Equal(1.0 / 3, accuracy.WithinTwoPercent, precision: 12);
    }

    [Fact]
    public void Forecasts_the_held_out_years_from_the_years_before()
    {
        // Grade 1 took 10% of births until 2019, then 110 and 90: holding out 2 years forecasts 100 for both.
        var school = School("S1", "Z1", [1], (1, 2016, 100), (1, 2017, 100), (1, 2018, 100), (1, 2019, 100), (1, 2020, 110), (1, 2021, 90));
        var result = BackTest.Run(Input(2021, FlatBirths, school), new ForecastSettings(), holdoutYears: 2);

        var districtLevel = result.ByLevel[Level.District];
        Assert.Equal(2, districtLevel.Count);
        Assert.Equal((10.0 / 110 + 10.0 / 90) / 2, districtLevel.Mape, precision: 12);  // 0.10101
        Assert.Equal((-10.0 / 110 + 10.0 / 90) / 2, districtLevel.Malpe, precision: 12); // 0.01010
        Assert.Equal(0, districtLevel.WithinTwoPercent);
        Assert.Equal(10.0 / 110, result.ByLevelAndYearsAhead[(Level.School, 1)].Mape, precision: 12);
        Assert.Equal(10.0 / 90, result.ByLevelAndYearsAhead[(Level.School, 2)].Mape, precision: 12);
    }

    [Fact]
    public void Ranks_the_method_that_follows_a_trend_first()
    {
        // Grade 2 kept 90%, 95%, then 100% of grade 1, and 100% since: the last value beats the mean.
        var school = School("S1", "Z1", [1, 2],
            (1, 2016, 100), (1, 2017, 100), (1, 2018, 100), (1, 2019, 100), (1, 2020, 100), (1, 2021, 100),
            (2, 2017, 90), (2, 2018, 95), (2, 2019, 100), (2, 2020, 100), (2, 2021, 100));
        var candidates = new[] { new ForecastSettings { Method = RatioMethod.Mean },
            new ForecastSettings { Method = RatioMethod.LastValue } };

        var ranked = BackTest.Compare(Input(2021, FlatBirths, school), candidates, holdoutYears: 2, rankBy: Level.School);

        Assert.Equal(RatioMethod.LastValue, ranked[0].Settings.Method);
        Assert.Equal(0, ranked[0].ByLevel[Level.School].Mape, precision: 12);
        Assert.Equal(1, ranked[0].ByLevel[Level.School].WithinTwoPercent);
        // The mean (0.95) forecasts the primary total as 100 + 95 = 195 against 200 in both years: MAPE 0.025.
        Assert.Equal(0.025, ranked[1].ByLevel[Level.School].Mape, precision: 12);
    }

    [Fact]
    public void Compares_only_the_grades_whose_actual_is_known()
    {
        // Grade 2 has no actuals in the held-out years; grade 1 (10% of births throughout) is forecast exactly.
        var school = School("S1", "Z1", [1, 2],
            (1, 2016, 100), (1, 2017, 100), (1, 2018, 100), (1, 2019, 100), (1, 2020, 100), (1, 2021, 100),
            (2, 2017, 95), (2, 2018, 95), (2, 2019, 95));
        var result = BackTest.Run(Input(2021, FlatBirths, school), new ForecastSettings(), holdoutYears: 2);
        Assert.Equal(2, result.ByLevel[Level.School].Count);
        Assert.Equal(0, result.ByLevel[Level.School].Mape, precision: 12);
    }

    [Fact]
    public void Refuses_a_holdout_outside_one_to_ten_years() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BackTest.Run(Input(2021, FlatBirths), new ForecastSettings(), 11));
}
