using Platform.BuildingBlocks.Http;

namespace Platform.Facilities.Details;

public sealed record DetailsRequest(
    string? Type,
    [property: Bounds(0, 9_999_999.99)] decimal? FloorArea,
    [property: Bounds(0, 9_999_999.99)] decimal? LandArea,
    [property: Bounds(0, 9_999_999.99)] decimal? Budget,
    [property: Bounds(0, 9_999_999.99)] Dictionary<string, decimal>? Funding,
    string? ResponsibleUnit, string? Contractor);

public sealed record ProjectDetails(
    Guid ProjectId, string Type, string TypeName, decimal? FloorArea, decimal? LandArea, decimal? Budget,
    IReadOnlyDictionary<string, decimal> Funding, string? ResponsibleUnit, string? Contractor);
