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

/// <summary>The kinds of project a detail sheet names, with the words planners use.</summary>
public static class ProjectTypes
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["new_build"] = "新建", ["expansion"] = "改扩建", ["relocation"] = "迁建", ["developer_handover"] = "接收配套",
        ["renovation"] = "校舍改造", ["equipment"] = "设施设备",
    };
}
