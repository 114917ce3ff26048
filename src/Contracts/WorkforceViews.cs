namespace Platform.Contracts;

// What Workforce answers over HTTP, shared with the UI so that both read one shape. Enums travel as their camelCase
// names (Codes.Code), as every service's JSON options and the UI's ServiceApi have them, and Workforce stores them so;
// which stage or status follows which is Workforce's rule.

/// <summary>The stages of a 区管校聘 round, in order: posts, 校内竞聘, 跨校竞聘, 组织调剂, closed.</summary>
public enum RoundStage { Posts, Internal, CrossSchool, Placement, Closed }

/// <summary>The statuses of a 交流轮岗 plan: drafted, submitted, approved, in effect (teachers moved), completed.</summary>
public enum PlanStatus { Draft, Submitted, Approved, InEffect, Completed }

/// <summary>
/// A step in a workflow record's history (a round's, a rotation plan's): what, when, and who took it as their token
/// names them (user name and display name). <see cref="UserName"/> is null on steps recorded before that, whose name
/// the client typed.
/// </summary>
public sealed record WorkflowEvent(DateTime At, string Action, string? UserName, string DisplayName, string? Detail);

/// <summary>A school's posts in a subject in a 区管校聘 round, and how many of them are filled.</summary>
public sealed record RoundPost(Guid SchoolId, string SchoolName, string Subject, int Posts, int Filled);

/// <summary>
/// A teacher in a round: placed in a school at a stage (<see cref="PlacedIn"/>), or sent to 待岗培训 or 转岗
/// (<see cref="UnplacedOutcome"/>), or neither yet.
/// </summary>
/// <param name="Preferences">The schools the teacher asked for in 跨校竞聘, the first preferred.</param>
public sealed record RoundCandidate(
    Guid TeacherId, string Name, Guid HomeSchoolId, string Subject, Guid? PlacedSchoolId, RoundStage? PlacedIn,
    string? UnplacedOutcome, Guid[] Preferences);

/// <summary>A round as the list of a district's rounds shows it.</summary>
public sealed record RoundLine(Guid Id, string DistrictCode, DateOnly TermFrom, DateOnly TermTo, RoundStage Stage);

/// <summary>A 区管校聘 round for a term: its stage, posts, candidates and history.</summary>
/// <param name="Stages">Every stage of a round, in order (the stepper shows them).</param>
/// <param name="Choosable">
/// In 校内竞聘 and 跨校竞聘, for each school with posts, the candidates it may choose now (the round's rules, as the
/// service holds a choice to them); empty in the other stages.
/// </param>
public sealed record RoundView(
    Guid Id, string DistrictCode, DateOnly TermFrom, DateOnly TermTo, RoundStage Stage,
    IReadOnlyList<RoundPost> Posts, IReadOnlyList<RoundCandidate> Candidates, IReadOnlyList<WorkflowEvent> Events,
    IReadOnlyList<RoundStage> Stages, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> Choosable);

/// <summary>A 交流轮岗 plan as the list of a district's plans shows it.</summary>
public sealed record PlanLine(Guid Id, int Year, PlanStatus Status);

/// <summary>
/// A teacher a plan sends from one school to another, for a term; made by hand or by the planner. Once the plan is
/// completed (or they return early), <see cref="ReturnsOn"/> is the day they are home again, and an early return
/// says why.
/// </summary>
public sealed record AssignmentView(
    Guid TeacherId, string TeacherName, Guid FromSchoolId, string FromSchool, Guid ToSchoolId, string ToSchool,
    string Subject, bool Backbone, bool Manual, int TermYears, RotationOutcome? Outcome, DateOnly? ReturnsOn,
    string? ReturnReason);

/// <summary>How a teacher's rotation ends: home at the end of the term (or earlier), or staying at the host school.</summary>
public enum RotationOutcome { Returned, Stayed }

/// <summary>
/// Which moves a plan may make: to a weaker school, and/or with a subject from a school over-staffed in it to one
/// short of it.
/// </summary>
public enum Direction { StrongToWeak, OverToUnderStaffed }

/// <summary>
/// What the 10 % quota is counted on: each school's eligible teachers, rounded up school by school (Tianjin's
/// reading), or the district's, rounded up once, with no school held to a share of its own.
/// </summary>
public enum QuotaUnit { School, District }

/// <summary>Where a teacher may go: anywhere in the district, or only within the home school's zone (学区) or group (集团).</summary>
public enum RotationScope { District, Zone, Group }

/// <summary>The rules a plan was generated under, as it answers them (Workforce's RotationPolicy holds them and their bounds).</summary>
public sealed record PlanPolicy(
    int MaleMaxAge, int FemaleMaxAge, int MinYearsAtSchool, int PrincipalMaleMaxAge, int PrincipalFemaleMaxAge,
    int PrincipalMinYears, double QuotaShare, double BackboneShare, IReadOnlyList<Direction> Directions, RotationScope Scope,
    int TermYears, bool ReceiveBeyondGaps, bool AcrossStages, bool BeyondSubjectNeed, QuotaUnit QuotaUnit);

/// <summary>Why, in a code for screens and a sentence for people.</summary>
public sealed record Reason(string Code, string Text);

public enum TeacherOutcome { Ineligible, Selected, NotSelected }

/// <summary>What the planner made of a teacher, and why.</summary>
public sealed record TeacherExplanation(
    string TeacherId, string SchoolId, TeacherOutcome Outcome, string? ToSchoolId, IReadOnlyList<Reason> Reasons);

/// <summary>
/// A sending school's quota: at least <see cref="Quota"/> of its eligible teachers, at least
/// <see cref="BackboneTarget"/> of them backbone. <see cref="Waived"/> says which target does not apply and why (no
/// eligible backbone teacher; a district-wide quota); <see cref="Shortfall"/> why a target is not met.
/// </summary>
public sealed record SchoolQuota(
    string SchoolId, int Eligible, int EligibleBackbone, int Quota, int Selected, int BackboneTarget, int BackboneSelected,
    IReadOnlyList<Reason> Waived, IReadOnlyList<Reason> Shortfall)
{
    public bool Met => Selected >= Quota && BackboneSelected >= BackboneTarget;
}

/// <summary>The district's quota: teachers rotated against those required, and the backbone share against its target.</summary>
public sealed record DistrictQuota(
    int Eligible, int Required, int Rotated, int Backbone, double BackboneShare, double RequiredBackboneShare)
{
    public bool Met => Rotated >= Required && (Rotated == 0 || BackboneShare >= RequiredBackboneShare - 1e-9);
}

/// <summary>
/// A year's 交流轮岗 plan of a district: its status, policy, assignments, the quota check of each sending school and of
/// the district, each teacher's outcome with its reasons, and its history.
/// </summary>
/// <param name="Steps">The steps the plan may take from its status (POST /rotation/plans/{id}/{step}).</param>
public sealed record PlanView(
    Guid Id, string DistrictCode, int Year, DateOnly ReferenceDate, PlanStatus Status, PlanPolicy Policy,
    IReadOnlyList<AssignmentView> Assignments, IReadOnlyList<SchoolQuota> Schools, DistrictQuota District,
    IReadOnlyList<TeacherExplanation> Teachers, IReadOnlyList<WorkflowEvent> Events, IReadOnlyList<string> Steps);

/// <summary>
/// A stay at a school: from its first day to its last (none while it lasts), how it came (import, rotation,
/// appointment, return) and, when it was corrected, why.
/// </summary>
public sealed record Posting(
    Guid SchoolId, string? SchoolName, DateOnly FromDate, DateOnly? ToDate, string Origin, string? Correction = null);

/// <summary>A teacher with their history of postings, oldest first.</summary>
public sealed record TeacherDetail(TeacherView Teacher, IReadOnlyList<Posting> Postings);

/// <summary>
/// A teacher as Workforce keeps them, with the codes it stores (gender, title, backbone, establishment, role).
/// Properties rather than a constructor, because Dapper maps text[] to string[] only through setters.
/// </summary>
public sealed record TeacherView
{
    public Guid Id { get; init; }
    public string StaffNumber { get; init; } = "";
    public string Name { get; init; } = "";
    public string Gender { get; init; } = "";
    public DateOnly BirthDate { get; init; }
    public string DistrictCode { get; init; } = "";
    public Guid SchoolId { get; init; }
    public string SchoolName { get; init; } = "";
    public DateOnly AtSchoolSince { get; init; }
    public string[] Subjects { get; init; } = [];
    public string Title { get; init; } = "";
    public string Backbone { get; init; } = "";
    public string Establishment { get; init; } = "";
    public DateOnly? HiredOn { get; init; }
    public string Role { get; init; } = "";

    /// <summary>Why the teacher is exempt from rotation (pregnancy, nursing, sick_leave, discipline, other), and when.</summary>
    public string? Exemption { get; init; }
    public string? ExemptionNote { get; init; }
    public DateOnly? ExemptionFrom { get; init; }
    public DateOnly? ExemptionTo { get; init; }

    /// <summary>The stage the teacher teaches (任教学段); null when unknown (a school of several stages).</summary>
    public string? Stage { get; init; }
}

/// <summary>A continuing-education (继续教育) rule's kind: hours per cycle of years, or per calendar year.</summary>
public enum RuleKind { Cycle, Annual }

/// <summary>
/// A teacher's standing against a rule, from best to worst: done, on track, behind; or missed, a period that ended
/// short of its hours, which stays on record after it closes.
/// </summary>
public enum TrainingStatus { Done, OnTrack, Behind, Missed }

/// <summary>
/// A teacher's hours against one rule in a period: the one that contains the day of reckoning, or one that ended
/// short of its hours (<see cref="TrainingStatus.Missed"/>).
/// </summary>
/// <param name="Expected">Hours the teacher should have by now, in proportion to the period gone by.</param>
/// <param name="CannotFinish">The hours still needed exceed what can be done in the time left.</param>
/// <param name="DueSoon">Not done, and the period ends within the alert window (three months unless asked otherwise).</param>
public sealed record RuleProgress(
    RuleKind Kind, DateOnly From, DateOnly Until, double Required, double Earned, double Expected, TrainingStatus Status,
    bool CannotFinish, bool DueSoon);

/// <summary>A teacher against the district's rules: the worst status over them, and each rule's progress.</summary>
public sealed record TeacherTraining(
    Guid TeacherId, string StaffNumber, string Name, Guid SchoolId, string SchoolName, TrainingStatus Status,
    bool CannotFinish, IReadOnlyList<RuleProgress> Rules)
{
    public bool DueSoon => Rules.Any(r => r.DueSoon);

    /// <summary>Raised as an alert: a period missed, hours out of reach, or a deadline near with hours still owed.</summary>
    public bool NeedsAttention => Status == TrainingStatus.Missed || CannotFinish || DueSoon;
}

/// <summary>A school's teachers by their worst status, those unable to finish, and its completion rate.</summary>
public sealed record SchoolTraining(
    Guid SchoolId, string SchoolName, int Teachers, int Done, int OnTrack, int Behind, int Missed, int CannotFinish,
    double CompletionRate);

/// <summary>Classes put into use after the school year the enrolment shows, and the teachers their places will need.</summary>
public sealed record ComingClasses(string Stage, int Classes, int Places, DateOnly InUseFrom, int TeachersNeeded);

/// <summary>
/// A school's establishment: the teachers its latest enrolment requires by the standard (按标准应配; null when Workforce
/// has no enrolment of the school, which is not a requirement of 0), its approved establishment (核定编制, the posts
/// approved) and its 在编 teachers; and commissioned classes the enrolment does not show yet.
/// </summary>
public sealed record SchoolEstablishment(
    Guid SchoolId, string SchoolName, int? Year, IReadOnlyDictionary<string, int> Pupils, int? Required, int Approved,
    int Actual, IReadOnlyList<string> MissingArtsAndSports, IReadOnlyList<ComingClasses> Coming)
{
    /// <summary>Above 0: over-staffed (超编) against the requirement; below 0: short (缺编); null without enrolment.</summary>
    public int? AgainstRequired => Actual - Required;

    /// <summary>Above 0: more 在编 teachers than approved; below 0: approved posts not filled.</summary>
    public int AgainstApproved => Actual - Approved;
}

/// <summary>
/// A district's establishment: its schools', and their sums. <see cref="Required"/> and <see cref="AgainstRequired"/>
/// add up the schools with enrolment only (<see cref="WithoutEnrolment"/> counts the others); the surplus is what
/// over-staffed schools have beyond need.
/// </summary>
public sealed record DistrictEstablishment(
    string DistrictCode, int Required, int Approved, int Actual, int Surplus, IReadOnlyList<SchoolEstablishment> Schools)
{
    public int AgainstRequired => Schools.Sum(s => s.AgainstRequired ?? 0);
    public int AgainstApproved => Actual - Approved;
    public int WithoutEnrolment => Schools.Count(s => s.Required is null);
}
