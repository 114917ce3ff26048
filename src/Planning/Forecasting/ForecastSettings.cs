namespace Platform.Planning.Forecasting;

/// <summary>How the last n yearly ratios are summarised into the one ratio that is projected.</summary>
public enum RatioMethod
{
    Mean,
    /// <summary>Weights 1, 2, ..., n from the oldest year to the newest.</summary>
    WeightedMean,
    Median,
    LastValue,
    /// <summary>Single exponential smoothing S = α·r + (1-α)·S, started at the oldest ratio.</summary>
    ExponentialSmoothing,
}

public sealed record ForecastSettings
{
    public RatioMethod Method { get; init; } = RatioMethod.WeightedMean;

    /// <summary>n: how many recent years of grade progression and transition ratios are summarised (3 to 6).</summary>
    public int RatioYears { get; init; } = 3;

    /// <summary>α for exponential smoothing (0 to 1); NCES uses 0.4.</summary>
    public double Alpha { get; init; } = 0.4;

    /// <summary>How many recent years of birth-to-entry ratios are averaged (3 to 5).</summary>
    public int EntryRatioYears { get; init; } = 3;

    /// <summary>Years forecast after the base year (1 to 15).</summary>
    public int Horizon { get; init; } = 5;

    /// <summary>
    /// Net migration against the historical pattern: every projected entry, progression and transition ratio is
    /// multiplied by it. 1 continues history; 1.02 means 2% more children at each step (e.g. more 随迁子女).
    /// </summary>
    public double MigrationFactor { get; init; } = 1.0;

    /// <summary>Housing demand on top of the cohort forecast; null leaves housing out.</summary>
    public HousingSettings? Housing { get; init; }

    /// <returns>Each setting that is out of range, with the reason; empty when all are valid.</returns>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (RatioYears is < 3 or > 6)
            problems[nameof(RatioYears)] = "must be between 3 and 6.";
        if (Alpha is <= 0 or > 1 || double.IsNaN(Alpha))
            problems[nameof(Alpha)] = "must be above 0 and at most 1.";
        if (EntryRatioYears is < 3 or > 5)
            problems[nameof(EntryRatioYears)] = "must be between 3 and 5.";
        if (Horizon is < 1 or > 15)
            problems[nameof(Horizon)] = "must be between 1 and 15.";
        if (MigrationFactor is < 0.5 or > 2 || double.IsNaN(MigrationFactor))
            problems[nameof(MigrationFactor)] = "must be between 0.5 and 2.";
        if (Housing is not null)
            foreach (var (field, problem) in Housing.Problems())
                problems[$"{nameof(Housing)}.{field}"] = problem;
        return problems;
    }
}

/// <summary>
/// Pupils brought by new dwellings: dwellings × yield(stage) × maturation(years since completion). The curve's
/// last value holds for later years. Yields are the district's own figures (no national default exists).
/// </summary>
public sealed record HousingSettings(IReadOnlyDictionary<string, double> YieldPerDwelling, IReadOnlyList<double> Maturation)
{
    public double Factor(int yearsSinceCompletion) =>
        yearsSinceCompletion < 0 || Maturation.Count == 0 ? 0 : Maturation[Math.Min(yearsSinceCompletion, Maturation.Count - 1)];

    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        // Null when a client leaves them out of the JSON.
        if (YieldPerDwelling is null || Maturation is null)
        {
            problems[YieldPerDwelling is null ? nameof(YieldPerDwelling) : nameof(Maturation)] = "is required when housing is on.";
            return problems;
        }
        if (YieldPerDwelling.Any(y => y.Value is < 0 or > 5 || double.IsNaN(y.Value)))
            problems[nameof(YieldPerDwelling)] = "each yield must be between 0 and 5 pupils per dwelling.";
        if (YieldPerDwelling.Keys.Any(stage => !Schools.Stage.All.ContainsKey(stage)))
            problems[nameof(YieldPerDwelling)] = $"stages must be among: {string.Join(", ", Schools.Stage.All.Keys)}.";
        if (Maturation.Count is 0 or > 30 || Maturation.Any(m => m is < 0 or > 2 || double.IsNaN(m)))
            problems[nameof(Maturation)] = "must list 1 to 30 yearly factors between 0 and 2.";
        return problems;
    }
}
