namespace Platform.Contracts;

// What Planning answers over HTTP, shared with the UI so that both read one shape. Enums travel as their camelCase
// names (Codes.Code). Answers that carry the forecast's settings or levers (which bring Planning's rules with them)
// are not here: the UI's PlanningClient names the parts of them it reads.

/// <summary>A district (区) of the city, by its six-digit code.</summary>
public sealed record District(string Code, string Name, string CityCode);

/// <summary>A zone (学区) of a district: the unit places are planned in.</summary>
public sealed record Zone(Guid Id, string DistrictCode, string Name, string Kind);

/// <param name="PipelinePlaces">Of <see cref="Capacity"/>, the places of facility projects not yet in use.</param>
public sealed record CapacityRow(
    string Zone, string Stage, int Year, double Demand, int Capacity, int PipelinePlaces, int Classes, double? Utilisation,
    double Shortfall, int ShortfallClasses, double Surplus, int SurplusClasses, double PupilsPerClass, bool LargeClassRisk);

public enum WarningKind { Shortfall, LargeClasses, Surplus }

/// <summary>A zone and stage needing attention: from <see cref="FirstYear"/>, by its largest gap in places and classes.</summary>
public sealed record CapacityWarning(
    string Zone, string Stage, WarningKind Kind, int FirstYear, double Places, int Classes, double Severity, bool Urgent);

public sealed record CapacityReport(IReadOnlyList<CapacityRow> Rows, IReadOnlyList<CapacityWarning> Warnings);

/// <summary>Totals over a district's zones for one stage and year, as scenarios are compared.</summary>
public sealed record StageYearTotal(string Stage, int Year, double Demand, int Capacity, double Shortfall, double Surplus);

public sealed record ScenarioComparison(
    Guid Id, string Name, IReadOnlyList<StageYearTotal> Totals, IReadOnlyDictionary<WarningKind, int> Warnings);

/// <summary>What adopting a scenario published: the demand rows, and the shortfalls announced or left as announced before.</summary>
public sealed record AdoptionResult(Guid ForecastId, int BaseYear, int DemandRows, int ShortfallsAnnounced, int ShortfallsUnchanged);

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
