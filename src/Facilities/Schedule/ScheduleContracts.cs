using Platform.BuildingBlocks.Http;
using Platform.Contracts;
using Platform.Facilities.Stages;

namespace Platform.Facilities.Schedule;

public sealed record PlanRequest(string? Path, Dictionary<string, DateOnly>? Milestones);

/// <summary>Money is in 万元, below 10,000,000 (a hundred billion 元): beyond any school project.</summary>
public sealed record EstimateRequest(string? Kind, [property: Bounds(0, 9_999_999.99)] decimal? Amount, DateOnly? Date);

public sealed record EarnedValueRequest(
    [property: Bounds(0, 9_999_999.99)] decimal? PlannedValue, [property: Bounds(0, 9_999_999.99)] decimal? EarnedValue,
    [property: Bounds(0, 9_999_999.99)] decimal? ActualCost);

/// <summary>
/// A project with its delivery path, the day it entered the project library (项目库), its milestone plan (with
/// actual dates) and the gates it passed, in order.
/// </summary>
public sealed record ProjectPlan(
    Project Project, DeliveryPath Path, DateOnly CreatedOn, IReadOnlyList<Milestone> Milestones, IReadOnlyList<Passage> Passages);
