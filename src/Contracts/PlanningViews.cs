namespace Platform.Contracts;

// What Planning answers over HTTP, shared with the UI so that both read one shape. Enums travel as their camelCase
// names (Codes.Code). An answer that carries the forecast's settings or levers (which bring Planning's rules with
// them) is Planning's record derived from one here, which holds all the UI reads of it.

/// <summary>A district (区) of the city, by its six-digit code.</summary>
public sealed record District(string Code, string Name, string CityCode);

/// <summary>A district marked as holding demonstration data, with the note every page shows.</summary>
public sealed record SampleDistrict(string DistrictCode, string Note, DateTime MarkedAt);

/// <summary>What a user picks by its name: a zone, a school, a scenario.</summary>
public record Named(Guid Id, string Name);

/// <summary>A zone (学区) of a district: the unit places are planned in.</summary>
public sealed record Zone(Guid Id, string DistrictCode, string Name, string Kind) : Named(Id, Name);

/// <summary>
/// A stored scenario with its levers as <typeparamref name="TLevers"/>: Planning reads them as its forecast request,
/// the UI as JSON it keeps whole, so that a lever the page does not show survives a save.
/// </summary>
public record StoredScenario<TLevers>(Guid Id, string DistrictCode, string Name, Guid? ClonedFrom, TLevers Levers)
    : Named(Id, Name);

/// <summary>
/// The capacity analysis as the dashboard reads it: its base year, its rows and warnings, and the zones' names.
/// Planning's CapacityResult adds the forecast's settings.
/// </summary>
public record CapacitySummary(int BaseYear, CapacityReport Report, IReadOnlyDictionary<string, string> Names);

/// <summary>
/// One method of a back-test: its summary method (camelCase code) and years of ratios, the years held out, and its
/// accuracy at each level. Planning's BackTestView adds the rest of the forecast's settings.
/// </summary>
public record BackTestRanking(string Method, int RatioYears, int HoldoutYears, IReadOnlyList<AccuracyView> Accuracy);

/// <param name="PipelinePlaces">Of <see cref="Capacity"/>, the places of facility projects not yet in use.</param>
/// <param name="Surplus">Places spare when the zone is used below the surplus threshold (85%); 0 in the balanced band.</param>
public sealed record CapacityRow(
    string Zone, string Stage, int Year, double Demand, int Capacity, int PipelinePlaces, int Classes, double? Utilisation,
    double Shortfall, int ShortfallClasses, double Surplus, int SurplusClasses, double PupilsPerClass, bool LargeClassRisk)
{
    /// <summary>A shortfall of more than this share of the places is large; so is a surplus of more than twice it.</summary>
    public const double LargeShare = 0.10;

    /// <summary>
    /// Places over (+) or under (−) demand, in whole places: the one number the zone table, its totals and the export
    /// show. In the balanced band it is the places spare, not a 0.
    /// </summary>
    public int Balance => (int)Math.Round(Capacity - Demand, MidpointRounding.AwayFromZero);

    public Standing Standing =>
        Shortfall > 0 ? (Capacity == 0 || Shortfall > LargeShare * Capacity ? Standing.LargeShortfall : Standing.Shortfall)
        : Surplus > 0 ? (Surplus > 2 * LargeShare * Capacity ? Standing.LargeSurplus : Standing.Surplus)
        : Standing.Balanced;
}

/// <summary>
/// How a zone stands in a year, from a large shortfall to a large surplus: balanced when short of nothing and used at
/// 85% or more (the places spare then are no surplus to plan on).
/// </summary>
public enum Standing { LargeShortfall, Shortfall, Balanced, Surplus, LargeSurplus }

/// <summary>A district's places over or under demand: its zones' balances added, as the zone table's totals row shows.</summary>
public static class DistrictBalance
{
    /// <summary>The balance of the zones' rows of one stage and year.</summary>
    public static int Of(IEnumerable<CapacityRow> rows) => rows.Sum(row => row.Balance);

    /// <summary>Each year's balance of a stage, in year order.</summary>
    public static IReadOnlyList<(int Year, int Balance)> ByYear(IEnumerable<CapacityRow> rows, string stage) =>
        [.. rows.Where(row => row.Stage == stage).GroupBy(row => row.Year).OrderBy(year => year.Key)
            .Select(year => (year.Key, Of(year)))];
}

/// <summary>
/// A district at a glance, for the city's overview: each stage's tightest year over the horizon, or no
/// <see cref="BaseYear"/> when the district has no data to forecast from (<see cref="Why"/> says what is missing).
/// </summary>
public sealed record DistrictOutlook(string Code, string Name, int? BaseYear, IReadOnlyList<StageOutlook> Stages, string? Why);

/// <summary>
/// A stage's tightest year: the district's balance of places that year (<see cref="DistrictBalance"/>), and how many of
/// its zones are short.
/// </summary>
public sealed record StageOutlook(string Stage, int Year, int Balance, int ZonesShort);

/// <summary>The standings under the names the dashboard's legend and the capacity export both give them.</summary>
public static class Standings
{
    public static readonly IReadOnlyDictionary<Standing, string> ChineseNames = new Dictionary<Standing, string>
    {
        [Standing.LargeShortfall] = "缺口超过10%", [Standing.Shortfall] = "缺口", [Standing.Balanced] = "平衡",
        [Standing.Surplus] = "富余", [Standing.LargeSurplus] = "富余超过20%",
    };
}

public enum WarningKind { Shortfall, LargeClasses, Surplus }

/// <summary>A zone and stage needing attention: from <see cref="FirstYear"/>, by its largest gap in places and classes.</summary>
public sealed record CapacityWarning(
    string Zone, string Stage, WarningKind Kind, int FirstYear, double Places, int Classes, double Severity, bool Urgent);

public sealed record CapacityReport(IReadOnlyList<CapacityRow> Rows, IReadOnlyList<CapacityWarning> Warnings);

/// <summary>
/// Totals over a district's zones for one stage and year, as scenarios are compared: <see cref="Balance"/> is the
/// dashboard's totals row (<see cref="DistrictBalance"/>).
/// </summary>
public sealed record StageYearTotal(string Stage, int Year, double Demand, int Capacity, int Balance);

public sealed record ScenarioComparison(
    Guid Id, string Name, IReadOnlyList<StageYearTotal> Totals, IReadOnlyDictionary<WarningKind, int> Warnings);

/// <summary>What adopting a scenario published: the demand rows, and the shortfalls announced or left as announced before.</summary>
/// <param name="ShortfallsAnnounced">PlaceShortfallDetected messages written: one per zone, stage and year.</param>
/// <param name="Published">The zones and stages short that were announced: what the count a user reads is of.</param>
public sealed record AdoptionResult(
    Guid ForecastId, int BaseYear, int DemandRows, int ShortfallsAnnounced, int ShortfallsUnchanged,
    IReadOnlyList<ShortfallSummary> Published);

/// <summary>
/// A zone and stage a forecast leaves short by a class or more: from its first year, its largest gap over the years.
/// <see cref="Announced"/>: adopting announces it (it is new, or changed by a whole class since it was announced).
/// </summary>
public sealed record ShortfallSummary(
    Guid ZoneId, string ZoneName, string Stage, int FirstYear, double Places, int Classes, bool Announced);

/// <summary>What adopting a scenario would publish, shown before the planner confirms it.</summary>
public sealed record AdoptionPreview(Guid ScenarioId, string ScenarioName, int BaseYear, IReadOnlyList<ShortfallSummary> Shortfalls);

/// <summary>The district's official forecast: the scenario adopted, when and by whom.</summary>
public sealed record OfficialForecast(
    Guid ForecastId, string DistrictCode, Guid ScenarioId, string ScenarioName, int BaseYear, DateTime AdoptedAt, string? AdoptedBy);

/// <summary>
/// A forecast method's back-test accuracy at one level (school, zone, district); the measures are null when nothing at
/// that level could be compared.
/// </summary>
public sealed record AccuracyView(string Level, int Count, double? Mape, double? Malpe, double? WithinTwoPercent);

/// <summary>A development plan (规划) of an area, whose targets the indicators are tracked against.</summary>
public sealed record IndicatorPlan(
    string Id, string AreaCode, string AreaName, string Title, int BaselineYear, int TargetYear, string DocumentStatus,
    string Source);

/// <summary>A target of a plan for an indicator, as printed: comparators kept apart from values.</summary>
public sealed record TargetRow(
    string IndicatorCode, string Name, string Unit, string Better, string Stage, string Label,
    string BaselineComparator, double? BaselineValue, string TargetComparator, double TargetValue, bool? Binding);

public enum ProgressStatus { OnTrack, Behind, NoData }

/// <summary>A plan target with the latest value in the plan period, the path's value in that year, and the status.</summary>
public sealed record TargetProgress(
    TargetRow Target, double? Value, int? ValueYear, string? ValueSource, double? Expected, bool? MeetsTarget,
    ProgressStatus Status);

public sealed record PlanProgress(IndicatorPlan Plan, IReadOnlyList<TargetProgress> Targets);
