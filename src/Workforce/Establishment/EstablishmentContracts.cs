namespace Platform.Workforce.Establishment;

/// <summary>Teachers the official forecast requires in a school year, by stage and in all, against the 在编 teachers today.</summary>
public sealed record YearRequirement(int Year, IReadOnlyDictionary<string, int> ByStage, int Required, int ActualToday, int Gap);

public sealed record ForecastEstablishment(string DistrictCode, string? ScenarioName, int? BaseYear, IReadOnlyList<YearRequirement> Years);

public sealed record StaffingRequirementView(
    Guid ProjectId, string Milestone, Guid SchoolId, string Stage, int Classes, int Places, DateOnly FromDate,
    bool NewSchool, int TeachersNeeded, int Surplus, string Outcome);
