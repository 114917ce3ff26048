using Platform.BuildingBlocks.Http;
using Platform.Contracts;

namespace Platform.Workforce.Rotation;

public sealed record GenerateRequest(
    string? DistrictCode, [property: Bounds(2000, 2100)] int? Year, DateOnly? ReferenceDate, RotationPolicy? Policy);

public sealed record EditRequest(Guid? TeacherId, Guid? ToSchoolId);

public sealed record StepRequest(string? Note, Dictionary<Guid, string>? Outcomes = null);

public sealed record ExtendRequest([property: Bounds(1, 3)] int? Years);

/// <summary>An early return: the day the teacher is home again, and why.</summary>
public sealed record EarlyReturnRequest(DateOnly? On, string? Reason);

public sealed record TeacherEligibility(
    string TeacherId, string Name, string Subject, BackboneLevel Backbone, int YearsAtSchool, IReadOnlyList<Reason> Ineligible)
{
    public bool Eligible => Ineligible.Count == 0;
}

public sealed record SchoolEligibility(string SchoolId, string SchoolName, IReadOnlyList<TeacherEligibility> Teachers)
{
    public int Eligible => Teachers.Count(t => t.Eligible);
}

/// <summary>
/// Persons (distinct teachers) and person-times (人次) rotated in a district, by plan year, with the backbone share of
/// person-times.
/// </summary>
public sealed record RotationReport(int Year, int Persons, int PersonTimes, int BackbonePersonTimes, double BackboneShare);

/// <summary>A district's rotation policy: its own, or Tianjin's while it has set none (<see cref="IsDefault"/>).</summary>
public sealed record DistrictPolicy(string DistrictCode, bool IsDefault, PlanPolicy Policy);

/// <summary>
/// The yearly eligibility list: each school's teachers on the reference date (1 September of the year), judged under
/// the district's policy, which the list names.
/// </summary>
public sealed record EligibilityList(
    string DistrictCode, int Year, DateOnly ReferenceDate, DistrictPolicy Policy, IReadOnlyList<SchoolEligibility> Schools);
