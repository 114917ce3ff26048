using System.Text.Json.Serialization;
using Platform.Contracts;

namespace Platform.Facilities.Projects;

/// <summary>Where a project stands: 谋划, 立项, 撤销 or 投入使用 (<see cref="ProjectLifecycle"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProjectStatus>))]
public enum ProjectStatus
{
    [JsonStringEnumMemberName("proposed")] Proposed,
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("commissioned")] Commissioned,
}

public static class ProjectStatuses
{
    /// <summary>The status as stored, in events and in answers: "proposed", "approved", …</summary>
    public static string Code(this ProjectStatus status) => status.ToString().ToLowerInvariant();
}

/// <summary>
/// A project of a district and zone; <see cref="SchoolId"/> is null until its school is chosen (a proposal made from a
/// shortfall). The shortfall fields link such a proposal to the PlaceShortfallDetected it answers.
/// The main stage's classes and places are <see cref="Stage"/>, <see cref="ClassesAdded"/> and
/// <see cref="PlacesAdded"/>; a nine- or twelve-year school adds <see cref="OtherStages"/> too. A project that builds a
/// school the registry does not have yet names it (<see cref="NewSchoolId"/>, chosen here, with its name and
/// ownership) instead of a school.
/// </summary>
public sealed record Project(
    Guid Id, int Version, Guid? SchoolId, string DistrictCode, Guid ZoneId, string Name, string Stage,
    int ClassesAdded, int PlacesAdded, ProjectStatus Status, DateOnly? PlannedInUse, DateOnly? InUseFrom,
    Guid? ShortfallForecastId = null, int? ShortfallFirstYear = null, decimal? ShortfallPlaces = null,
    Guid? NewSchoolId = null, string? NewSchoolName = null, string? NewSchoolOwnership = null)
{
    public IReadOnlyList<StagePlaces> OtherStages { get; init; } = [];

    /// <summary>Every stage the project adds places in, the main one first.</summary>
    public IReadOnlyList<StagePlaces> AllStages => [new(Stage, ClassesAdded, PlacesAdded), .. OtherStages];

    /// <summary>Whether it has a school to build for: one of the registry's, or a new one it names.</summary>
    public bool HasSchool => SchoolId is not null || NewSchoolId is not null;
}
