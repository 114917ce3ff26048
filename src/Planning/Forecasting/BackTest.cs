namespace Platform.Planning.Forecasting;

/// <summary>
/// Forecast accuracy over pairs of forecast F and actual A (A &gt; 0): MAPE = mean |F-A|/A, signed MALPE = mean (F-A)/A
/// (above 0: the method over-forecasts), and the share of forecasts within ±2% of the actual.
/// </summary>
public sealed record Accuracy(int Count, double Mape, double Malpe, double WithinTwoPercent)
{
    public static Accuracy Of(IEnumerable<(double Forecast, double Actual)> pairs)
    {
        int count = 0, within = 0;
        double absolute = 0, signed = 0;
        foreach (var (forecast, actual) in pairs)
        {
            if (!(actual > 0) || double.IsNaN(forecast))
                continue;
            var error = (forecast - actual) / actual;
            count++;
            absolute += Math.Abs(error);
            signed += error;
            if (Math.Abs(error) <= 0.02 + 1e-12)
                within++;
        }
        return count == 0
            ? new Accuracy(0, double.NaN, double.NaN, double.NaN)
            : new Accuracy(count, absolute / count, signed / count, (double)within / count);
    }
}

/// <summary>How a method did when it forecast the last <see cref="HoldoutYears"/> years from the years before them.</summary>
public sealed record BackTestResult(
    ForecastSettings Settings,
    int HoldoutYears,
    IReadOnlyDictionary<Level, Accuracy> ByLevel,
    IReadOnlyDictionary<(Level Level, int YearsAhead), Accuracy> ByLevelAndYearsAhead);

public static class BackTest
{
    /// <summary>
    /// Holds out the last <paramref name="holdoutYears"/> years, forecasts them from the earlier ones with
    /// <paramref name="settings"/>, and compares each school, zone and district total per stage and year with what
    /// happened, over the grades whose actual enrolment is known (forecast and actual summed over the same cells).
    /// The cohort forecast is compared; housing demand is not part of it.
    /// </summary>
    public static BackTestResult Run(ForecastInput input, ForecastSettings settings, int holdoutYears)
    {
        if (holdoutYears is < 1 or > 10)
            throw new ArgumentOutOfRangeException(nameof(holdoutYears), holdoutYears, "Hold out between 1 and 10 years.");
        var origin = input.BaseYear - holdoutYears;
        var forecast = ForecastEngine.Run(input with { BaseYear = origin }, settings with { Horizon = holdoutYears });

        var byLevel = new Dictionary<Level, Accuracy>();
        var byYearsAhead = new Dictionary<(Level, int), Accuracy>();
        foreach (var level in Enum.GetValues<Level>())
        {
            var pairs = Totals(input, forecast, level, origin + 1, input.BaseYear);
            byLevel[level] = Accuracy.Of(pairs.Values);
            for (var ahead = 1; ahead <= holdoutYears; ahead++)
                byYearsAhead[(level, ahead)] = Accuracy.Of(pairs.Where(p => p.Key.Year == origin + ahead).Select(p => p.Value));
        }
        return new BackTestResult(settings, holdoutYears, byLevel, byYearsAhead);
    }

    /// <summary>Back-tests each candidate and orders them by MAPE at <paramref name="rankBy"/>, most accurate first.</summary>
    public static IReadOnlyList<BackTestResult> Compare(
        ForecastInput input, IEnumerable<ForecastSettings> candidates, int holdoutYears, Level rankBy = Level.District) =>
        candidates.Select(settings => Run(input, settings, holdoutYears))
            .OrderBy(result => double.IsNaN(result.ByLevel[rankBy].Mape) ? double.MaxValue : result.ByLevel[rankBy].Mape)
            .ToList();

    /// <summary>Forecast and actual totals by unit, stage and year, over the cells whose actual is known.</summary>
    private static Dictionary<(string Unit, string Stage, int Year), (double Forecast, double Actual)> Totals(
        ForecastInput input, Forecast forecast, Level level, int fromYear, int toYear)
    {
        var totals = new Dictionary<(string, string, int), (double, double)>();
        foreach (var school in input.Schools)
            foreach (var grade in school.Grades)
                for (var year = fromYear; year <= toYear; year++)
                {
                    var actual = school.Enrolment[grade, year];
                    if (double.IsNaN(actual))
                        continue;
                    var key = (Forecast.UnitOf(school, level), Grades.StageOf(grade), year);
                    var (forecastTotal, actualTotal) = totals.GetValueOrDefault(key);
                    totals[key] = (forecastTotal + forecast.Pupils(school.SchoolId, grade, year), actualTotal + actual);
                }
        return totals;
    }
}
