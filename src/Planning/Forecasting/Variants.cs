namespace Platform.Planning.Forecasting;

public enum Variant { Low, Central, High }

/// <summary>
/// Low and high variants of a forecast: the central one moved down or up by the error the same method made when it
/// was back-tested on the district's own history (MAPE at the forecast's level, by years ahead). The error is
/// measured for as many years ahead as the history allows (at most 5); beyond that it grows in proportion to the
/// years ahead, as published errors do (NCES: 0.3% at 1 year, 1.3% at 5). The band never narrows further out.
/// </summary>
public static class Variants
{
    public const int MaxHoldoutYears = 5;

    /// <summary>Back-tests <paramref name="settings"/> and returns the relative error for each year ahead up to the horizon.</summary>
    public static IReadOnlyDictionary<int, double> Errors(ForecastInput input, ForecastSettings settings, Level level)
    {
        var firstYear = input.Schools.Count == 0 ? input.BaseYear : input.Schools.Min(s => s.Enrolment.FirstYear);
        var holdout = Math.Min(Math.Min(MaxHoldoutYears, settings.Horizon), input.BaseYear - firstYear - settings.RatioYears);
        if (holdout < 1)
            throw new ForecastInputException(new(
                $"高方案和低方案要用回测的误差，"
                + $"回测需要 {input.BaseYear + 1} 年以前至少 {settings.RatioYears + 1} 年的在校生数据。",
                $"Low and high variants need the error of a back-test, and that needs at least {settings.RatioYears + 1} years "
                + $"of enrolment before {input.BaseYear + 1}."));
        var backTest = BackTest.Run(input, settings with { Housing = null }, holdout);
        return Errors(
            Enumerable.Range(1, holdout).Select(ahead => backTest.ByLevelAndYearsAhead[(level, ahead)].Mape).ToList(), settings.Horizon);
    }

    /// <param name="measured">MAPE for 1, 2, ... years ahead; NaN where nothing could be compared.</param>
    public static IReadOnlyDictionary<int, double> Errors(IReadOnlyList<double> measured, int horizon)
    {
        if (measured.All(double.IsNaN))
            throw new ForecastInputException(new(
                "回测中没有可与实际数比较的预测，无法得出高方案和低方案的误差。",
                "The back-test compared no forecast with an actual figure, so the variants' error is unknown."));
        var widestMeasured = measured.Where(e => !double.IsNaN(e)).Max();
        var errors = new Dictionary<int, double>();
        double widest = 0;
        for (var ahead = 1; ahead <= horizon; ahead++)
        {
            var error = ahead <= measured.Count ? measured[ahead - 1] : widestMeasured / measured.Count * ahead;
            widest = Math.Max(widest, double.IsNaN(error) ? 0 : error);
            errors[ahead] = widest;
        }
        return errors;
    }

    /// <summary>The rows of the variant: each year's pupils (and the part from housing) times 1 ± its error.</summary>
    public static IReadOnlyList<DemandRow> Apply(
        IReadOnlyList<DemandRow> central, int baseYear, IReadOnlyDictionary<int, double> errors, Variant variant)
    {
        if (variant == Variant.Central)
            return central;
        var sign = variant == Variant.High ? 1 : -1;
        return central.Select(row =>
        {
            var factor = Math.Max(0, 1 + sign * errors[row.Year - baseYear]);
            return row with { Pupils = row.Pupils * factor, FromHousing = row.FromHousing * factor };
        }).ToList();
    }
}
