namespace Platform.Contracts;

/// <summary>A school entered in Planning's registry, which owns it; other services keep read models.</summary>
public sealed record SchoolRegistered(
    Guid SchoolId,
    string Name,
    string DistrictCode,
    string Stage,
    int Classes,
    int ClassSizeNorm,
    int Places);
