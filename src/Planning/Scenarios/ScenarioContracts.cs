using Platform.Planning.Forecasting;
using Platform.Planning.Forecasts;

namespace Platform.Planning.Scenarios;

public sealed record ScenarioRequest(string? DistrictCode, string? Name, ForecastRequest? Levers);

public sealed record CloneRequest(string? Name);

public sealed record Scenario(Guid Id, string DistrictCode, string Name, Guid? ClonedFrom, ForecastRequest Levers);

public sealed record CompareRequest(Guid[]? ScenarioIds);

/// <summary>What adopting a scenario published: the demand rows, and the shortfalls announced or left as announced before.</summary>
public sealed record AdoptionResult(Guid ForecastId, int BaseYear, int DemandRows, int ShortfallsAnnounced, int ShortfallsUnchanged);

/// <summary>Totals over a district's zones for one stage and year, as scenarios are compared.</summary>
public sealed record StageYearTotal(string Stage, int Year, double Demand, int Capacity, double Shortfall, double Surplus);

public sealed record ScenarioComparison(
    Guid Id, string Name, IReadOnlyList<StageYearTotal> Totals, IReadOnlyDictionary<WarningKind, int> Warnings);
