namespace Platform.Workforce.Establishment;

public sealed record DistrictEstablishment(
    string DistrictCode, int Required, int Approved, int Actual, int Surplus, IReadOnlyList<SchoolEstablishment> Schools);

/// <summary>Teachers the official forecast requires in a school year, by stage and in all, against the 在编 teachers today.</summary>
public sealed record YearRequirement(int Year, IReadOnlyDictionary<string, int> ByStage, int Required, int ActualToday, int Gap);

public sealed record ForecastEstablishment(string DistrictCode, string? ScenarioName, int? BaseYear, IReadOnlyList<YearRequirement> Years);

public sealed record StaffingRequirementView(
    Guid ProjectId, string Milestone, Guid SchoolId, string Stage, int Classes, int Places, DateOnly FromDate,
    bool NewSchool, int TeachersNeeded, int Surplus, string Outcome);

/// <summary>Classes put into use after the school year the enrolment shows, and the teachers their places will need.</summary>
public sealed record ComingClasses(string Stage, int Classes, int Places, DateOnly InUseFrom, int TeachersNeeded);

/// <summary>
/// A school's establishment: required teachers from its latest enrolment, approved posts (核定) and 在编 teachers; and
/// commissioned classes the enrolment does not show yet.
/// </summary>
public sealed record SchoolEstablishment(
    Guid SchoolId, string SchoolName, int? Year, IReadOnlyDictionary<string, int> Pupils, int Required, int Approved,
    int Actual, IReadOnlyList<string> MissingArtsAndSports, IReadOnlyList<ComingClasses> Coming)
{
    /// <summary>Above 0: over-staffed (超编) against the requirement; below 0: short (缺编).</summary>
    public int AgainstRequired => Actual - Required;
    public int AgainstApproved => Actual - Approved;
}

