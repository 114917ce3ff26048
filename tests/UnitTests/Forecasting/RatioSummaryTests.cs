using Platform.Planning.Forecasting;

namespace Platform.UnitTests.Forecasting;

public class RatioSummaryTests
{
    private static readonly double[] Ratios = [1.0, 0.9, 0.8]; // oldest first

    [Theory]
    [InlineData(RatioMethod.Mean, 0.9)]                      // (1.0 + 0.9 + 0.8) / 3
    [InlineData(RatioMethod.WeightedMean, 0.8666666666666667)] // (1·1.0 + 2·0.9 + 3·0.8) / 6 = 5.2 / 6
    [InlineData(RatioMethod.Median, 0.9)]
    [InlineData(RatioMethod.LastValue, 0.8)]
    [InlineData(RatioMethod.ExponentialSmoothing, 0.896)]    // S = 1.0; 0.4·0.9 + 0.6·1.0 = 0.96; 0.4·0.8 + 0.6·0.96 = 0.896
    public void Summarises_by_each_method(RatioMethod method, double expected) =>
        Assert.Equal(expected, RatioSummary.Summarise(Ratios, method, alpha: 0.4), precision: 12);

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(2.5, RatioSummary.Summarise([4.0, 1.0, 3.0, 2.0], RatioMethod.Median, 0.4));

    [Fact]
    public void Refuses_to_summarise_nothing() =>
        Assert.Throws<ArgumentException>(() => RatioSummary.Summarise([], RatioMethod.Mean, 0.4));
}
