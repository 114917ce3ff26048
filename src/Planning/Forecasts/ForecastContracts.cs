using Platform.BuildingBlocks.Http;
using Platform.Contracts;
using Platform.Planning.Forecasting;

namespace Platform.Planning.Forecasts;

public sealed record BackTestRequest(
    string? DistrictCode, [property: Bounds(1, 10)] int? HoldoutYears, IReadOnlyList<ForecastRequest>? Candidates);

public sealed record BackTestView(ForecastSettings Settings, int HoldoutYears, IReadOnlyList<AccuracyView> Accuracy)
    : BackTestRanking(Settings.Method.Code(), Settings.RatioYears, HoldoutYears, Accuracy);
