using Platform.BuildingBlocks.Http;

namespace Platform.Planning.Indicators;

public sealed record ObservationRequest(
    string? AreaCode, string? IndicatorCode, string? Stage,
    [property: Bounds(1949, 2100)] int? Year, [property: Bounds(0, 1e9)] double? Value, string? Source);
