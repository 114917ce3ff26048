using Platform.BuildingBlocks.Http;

namespace Platform.Facilities.Projects;

/// <param name="OtherStages">
/// Stages beyond the main one, for a nine- or twelve-year school; places default to classes × the stage's norm.
/// </param>
/// <param name="NewSchool">
/// Instead of <paramref name="SchoolId"/>: a school the registry does not have yet, registered in Planning when the
/// project is put into use.
/// </param>
public sealed record CreateProjectRequest(
    Guid? SchoolId, string? Name, string? Stage,
    [property: Bounds(1, 200)] int? ClassesAdded, [property: Bounds(1, 20_000)] int? PlacesAdded,
    DateOnly? PlannedInUse = null,
    IReadOnlyList<OtherStageRequest>? OtherStages = null,
    NewSchoolRequest? NewSchool = null);

/// <param name="Ownership">public (default), private or inclusive_private.</param>
public sealed record NewSchoolRequest(string? Name, Guid? ZoneId, string? Ownership);

public sealed record OtherStageRequest(
    string? Stage, [property: Bounds(1, 200)] int? Classes, [property: Bounds(1, 20_000)] int? Places);

public sealed record ScheduleRequest(DateOnly? PlannedInUse);

public sealed record CancelRequest(string? Reason);

public sealed record SchoolChoice(Guid? SchoolId);
