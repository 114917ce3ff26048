namespace Platform.Contracts;

/// <summary>
/// A facility project was put into use (投入使用): its places count as capacity from this term on. When
/// <see cref="OpensSchool"/>, the project built a school the registry has as planned: the school opens from this term,
/// with the capacity the registry planned for it. When <see cref="NewSchool"/> is given, the project built a school the
/// registry did not have: it is registered, open from this term, under <see cref="SchoolId"/>, with the places added.
/// </summary>
public sealed record CapacityCommissioned(
    Guid ProjectId,
    Guid SchoolId,
    string Stage,
    int ClassesAdded,
    int PlacesAdded,
    DateOnly InUseFrom,
    bool OpensSchool = false,
    NewSchoolDetails? NewSchool = null);

/// <summary>
/// A school a project builds that is not in the registry yet; <see cref="Ownership"/> as the registry's (public, private,
/// inclusive_private).
/// </summary>
public sealed record NewSchoolDetails(string Name, string DistrictCode, Guid ZoneId, string Ownership);

/// <summary>The classes and places (学位) a project adds in one stage.</summary>
public sealed record StagePlaces(string Stage, int Classes, int Places);

/// <summary>
/// A facility project as Facilities holds it after a change. Every project event carries the whole state, and
/// <see cref="Version"/> grows with each change, so a consumer keeps the newest whatever order events arrive in.
/// The places arrive in the zone given, or in the zone of the school the project builds for.
/// </summary>
/// <param name="Status">proposed (谋划), approved (立项), cancelled, or commissioned (投入使用).</param>
/// <param name="PlannedInUse">The date the places are planned to be in use; null while unknown.</param>
public sealed record FacilityProject(
    Guid ProjectId,
    int Version,
    string DistrictCode,
    Guid? ZoneId,
    Guid? SchoolId,
    string Name,
    string Status,
    IReadOnlyList<StagePlaces> Places,
    DateOnly? PlannedInUse);

/// <summary>An event about one facility project, with the project's state after it.</summary>
public interface IFacilityProjectEvent
{
    FacilityProject Project { get; }
}

/// <summary>A project was proposed (谋划): its places count in scenarios that count proposed projects.</summary>
public sealed record FacilityProjectProposed(FacilityProject Project) : IFacilityProjectEvent;

/// <summary>A project was approved (立项): its places count from its planned date in every scenario.</summary>
public sealed record FacilityProjectApproved(FacilityProject Project) : IFacilityProjectEvent;

/// <summary>A project's planned in-use date moved (slippage, or brought forward).</summary>
public sealed record FacilityProjectScheduleChanged(FacilityProject Project, DateOnly? PreviousPlannedInUse) : IFacilityProjectEvent;

/// <summary>A project was cancelled: its places no longer count.</summary>
public sealed record FacilityProjectCancelled(FacilityProject Project, string Reason) : IFacilityProjectEvent;

/// <summary>
/// Classes that will need teachers (Facilities → Workforce): raised when a project is approved and again when its
/// places are put into use. <see cref="NewSchool"/> when the classes open a new school.
/// </summary>
public sealed record StaffingRequirementRaised(
    Guid ProjectId, string DistrictCode, Guid SchoolId, string Stage, int Classes, int Places, DateOnly From, bool NewSchool,
    string Milestone);
