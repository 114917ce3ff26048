using Platform.BuildingBlocks.Http;
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
    public IReadOnlyDictionary<string, UserText> Problems()
    {
        var problems = new Dictionary<string, UserText>();
        if (RatioYears is < 3 or > 6)
            problems[nameof(RatioYears)] = UserText.Between(3, 6);
        if (Alpha is <= 0 or > 1 || double.IsNaN(Alpha))
            problems[nameof(Alpha)] = new("须大于 0 且不大于 1。", "must be above 0 and at most 1.");
        if (EntryRatioYears is < 3 or > 5)
            problems[nameof(EntryRatioYears)] = UserText.Between(3, 5);
        if (Horizon is < 1 or > 15)
            problems[nameof(Horizon)] = UserText.Between(1, 15);
        if (MigrationFactor is < 0.5 or > 2 || double.IsNaN(MigrationFactor))
            problems[nameof(MigrationFactor)] = UserText.Between(0.5, 2);
        if (Housing is not null)
            foreach (var (field, problem) in Housing.Problems())
                problems[$"{nameof(Housing)}.{field}"] = problem;
        return problems;
    }
}

/// <summary>
/// Pupils brought by new dwellings: dwellings × yield(stage) × maturation(years since completion). The curve's
/// last value holds for later years. Yields are the district's own figures (no national default exists), given
/// per dwelling, or in the Chinese inverse view as 千人学位 (places per 1,000 residents) with the residents a
/// dwelling houses: yield = residents per dwelling × places per 1,000 / 1,000.
/// </summary>
public sealed record HousingSettings(
    [property: Bounds(0, 5)] IReadOnlyDictionary<string, double>? YieldPerDwelling,
    [property: Bounds(0, 2)] IReadOnlyList<double> Maturation,
    [property: Bounds(0, 500)] IReadOnlyDictionary<string, double>? PlacesPerThousandResidents = null,
    [property: Bounds(0, 10)] double? ResidentsPerDwelling = null)
{
    /// <summary>Pupils per dwelling by stage, as given or derived from 千人学位.</summary>
    public IReadOnlyDictionary<string, double> Yields() =>
        YieldPerDwelling ?? PlacesPerThousandResidents!.ToDictionary(p => p.Key, p => ResidentsPerDwelling!.Value * p.Value / 1000);

    public double Factor(int yearsSinceCompletion) =>
        yearsSinceCompletion < 0 || Maturation.Count == 0 ? 0 : Maturation[Math.Min(yearsSinceCompletion, Maturation.Count - 1)];

    public IReadOnlyDictionary<string, UserText> Problems()
    {
        var problems = new Dictionary<string, UserText>();
        // Null when a client leaves them out of the JSON.
        if (Maturation is null)
            problems[nameof(Maturation)] = new("计入新建住宅生源时必须填写。", "is required when housing is on.");
        else if (Maturation.Count is 0 or > 30 || Maturation.Any(m => m is < 0 or > 2 || double.IsNaN(m)))
            problems[nameof(Maturation)] = new("须列出 1 到 30 个逐年系数，每个在 0 到 2 之间。",
                "must list 1 to 30 yearly factors between 0 and 2.");

        if ((YieldPerDwelling is null) == (PlacesPerThousandResidents is null))
            problems[nameof(YieldPerDwelling)] = new("每套住宅生源数与千人学位须填写其中一项，且只填一项。",
                "give either yields per dwelling or places per 1,000 residents (千人学位), not both.");
        else if (PlacesPerThousandResidents is not null)
        {
            if (ResidentsPerDwelling is not (> 0 and <= 10))
                problems[nameof(ResidentsPerDwelling)] = new(
                    "按千人学位计算时必须填写：每套住宅的居住人数，大于 0 且不超过 10。",
                    "is required with 千人学位: the residents a dwelling houses, above 0 and at most 10.");
            if (PlacesPerThousandResidents.Values.Any(p => p is < 0 or > 500 || double.IsNaN(p)))
                problems[nameof(PlacesPerThousandResidents)] = new("每项须在每千人 0 到 500 个学位之间。",
                    "each figure must be between 0 and 500 places per 1,000 residents.");
        }
        else if (YieldPerDwelling!.Values.Any(y => y is < 0 or > 5 || double.IsNaN(y)))
            problems[nameof(YieldPerDwelling)] =
                new("每项须在每套住宅 0 到 5 名学生之间。", "each yield must be between 0 and 5 pupils per dwelling.");
        var stages = (YieldPerDwelling ?? PlacesPerThousandResidents)?.Keys ?? [];
        if (stages.Any(stage => !Schools.Stage.All.ContainsKey(stage)))
            problems[YieldPerDwelling is null ? nameof(PlacesPerThousandResidents) : nameof(YieldPerDwelling)] =
                new($"学段须为以下之一：{Schools.Stage.Listed.Zh}。", $"stages must be among: {Schools.Stage.Listed.En}.");
        return problems;
    }
}
