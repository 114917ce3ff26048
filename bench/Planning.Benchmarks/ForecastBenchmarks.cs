using BenchmarkDotNet.Attributes;
using Platform.Planning.Forecasting;

namespace Platform.Planning.Benchmarks;

/// <summary>Issue 3's targets: a city forecast with capacity analysis (15-year horizon) under 200 ms; a back-test of 6 settings over 10
/// years under 2 s.</summary>
[MemoryDiagnoser]
public class ForecastBenchmarks
{
    private ForecastInput city = null!;
    private IReadOnlyList<CapacitySource> capacity = null!;

    private static readonly ForecastSettings[] Candidates =
    [
        new() { Method = RatioMethod.Mean },
        new() { Method = RatioMethod.WeightedMean },
        new() { Method = RatioMethod.Median },
        new() { Method = RatioMethod.LastValue },
        new() { Method = RatioMethod.ExponentialSmoothing, Alpha = 0.4 },
        new() { Method = RatioMethod.WeightedMean, RatioYears = 6 },
    ];

    [GlobalSetup]
    public void Setup()
    {
        city = SyntheticCity.Create();
        capacity = SyntheticCity.Capacity(city);
        // Measure a sound forecast only: every grade of every school must be projected from history.
        var warnings = ForecastEngine.Run(city, new ForecastSettings { Horizon = 15 }).Warnings;
        if (warnings.Count > 0)
            throw new InvalidOperationException($"The synthetic city forecasts with {warnings.Count} warnings, e.g. {warnings[0]}");
    }

    [Benchmark(Description = "City forecast, 2,000 schools, 15 years, by school, zone and district")]
    public int CityForecast()
    {
        var forecast = ForecastEngine.Run(city, new ForecastSettings { Horizon = 15 });
        return forecast.Demand(Level.School).Count + forecast.Demand(Level.Zone).Count + forecast.Demand(Level.District).Count;
    }

    [Benchmark(Description = "City forecast plus capacity analysis by zone, stage and year, 15 years")]
    public int CityForecastAndCapacity()
    {
        var forecast = ForecastEngine.Run(city, new ForecastSettings { Horizon = 15 });
        return CapacityAnalysis.Run(forecast.Demand(Level.Zone), capacity, forecast.BaseYear, new CapacitySettings()).Warnings.Count;
    }

    [Benchmark(Description = "Back-test, 6 settings, 10 years held out, city")]
    public int CityBackTest() => BackTest.Compare(city, Candidates, holdoutYears: 10).Count;
}
