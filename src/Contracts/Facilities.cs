namespace Platform.Contracts;

/// <summary>
/// A facility project was put into use (投入使用): its places count as capacity from this term on.
/// </summary>
public sealed record CapacityCommissioned(
    Guid ProjectId,
    Guid SchoolId,
    string Stage,
    int ClassesAdded,
    int PlacesAdded,
    DateOnly InUseFrom);
