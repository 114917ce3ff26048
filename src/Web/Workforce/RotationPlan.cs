namespace Platform.Web.Workforce;

/// <summary>A 交流轮岗 plan as Workforce answers it: its assignments, quotas, each teacher's explanation and history.</summary>
public sealed record RotationPlan(Guid Id, string DistrictCode, int Year, string Status, List<RotationAssignment> Assignments,
    List<SchoolQuota> Schools, DistrictQuota District, List<RotationExplanation> Teachers, List<WorkflowEvent> Events);

public sealed record RotationAssignment(Guid TeacherId, string TeacherName, string FromSchool, string ToSchool, string Subject,
    bool Backbone, bool Manual, int TermYears, string? Outcome);

public sealed record SchoolQuota(string SchoolId, int Eligible, int Quota, int Selected, int BackboneTarget, int BackboneSelected,
    List<RotationReason> Shortfall);

public sealed record DistrictQuota(int Required, int Rotated, double BackboneShare, double RequiredBackboneShare);

public sealed record RotationExplanation(string TeacherId, string SchoolId, string Outcome, List<RotationReason> Reasons);

public sealed record RotationReason(string Text);

public sealed record RotationSchool(Guid Id, string Name);

/// <summary>A teacher the plan could still take, as the add form lists them: name and school.</summary>
public sealed record RotationCandidate(string TeacherId, string Label);

/// <summary>A step of a plan's or a round's history: who took it (as the service recorded it from their token) and when.</summary>
public sealed record WorkflowEvent(DateTime At, string Action, string? UserName, string DisplayName, string? Detail);
