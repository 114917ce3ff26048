namespace Platform.Contracts;

/// <summary>Workforce can staff a requirement in time from the district's surplus teachers (Workforce → Planning, Facilities).</summary>
public sealed record StaffingPlanCommitted(
    Guid ProjectId, Guid SchoolId, string Stage, DateOnly From, int TeachersNeeded, int SurplusBefore);

/// <summary>
/// Workforce cannot staff a requirement from the district's surplus (Workforce → Planning, Facilities): the teachers
/// missing.
/// </summary>
public sealed record StaffingRiskRaised(
    Guid ProjectId, Guid SchoolId, string Stage, DateOnly From, int TeachersNeeded, int Available, int Missing, string Reason);
