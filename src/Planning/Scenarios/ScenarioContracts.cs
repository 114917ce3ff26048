using Platform.Contracts;
using Platform.Planning.Forecasts;

namespace Platform.Planning.Scenarios;

public sealed record ScenarioRequest(string? DistrictCode, string? Name, ForecastRequest? Levers);

public sealed record CloneRequest(string? Name);

public sealed record Scenario(Guid Id, string DistrictCode, string Name, Guid? ClonedFrom, ForecastRequest Levers)
    : StoredScenario<ForecastRequest>(Id, DistrictCode, Name, ClonedFrom, Levers);

public sealed record CompareRequest(Guid[]? ScenarioIds);
