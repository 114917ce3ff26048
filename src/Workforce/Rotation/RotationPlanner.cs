using Platform.Contracts;
using Platform.Workforce.Teachers;

namespace Platform.Workforce.Rotation;

/// <summary>A teacher as the planner sees them on the plan's reference date.</summary>
/// <param name="AtSchoolSince">The start of the current unbroken stay at <paramref name="SchoolId"/>.</param>
/// <param name="Exemption">
/// Why, and from and to when, the teacher may not rotate (pregnancy, nursing, illness, discipline, other); null when
/// never. It holds only on the days it covers.
/// </param>
/// <param name="Rotating">Another plan the teacher rotates in on the reference date, if any.</param>
public sealed record RotationTeacher(
    string Id, string Name, Gender Gender, DateOnly BirthDate, string SchoolId, DateOnly AtSchoolSince, string Subject,
    bool InEstablishment, BackboneLevel Backbone, Role Role = Role.Teacher, Exemption? Exemption = null,
    ActiveRotation? Rotating = null, string? Stage = null);

/// <summary>A teacher's assignment in another plan (submitted or further), until the day they are home again.</summary>
public sealed record ActiveRotation(int PlanYear, DateOnly Until);

/// <summary>
/// A school in the plan: its zone and group, its strength (1 weakest to 5 strongest), and its staffing balance per
/// subject (actual - required: above 0 over-staffed, below 0 short).
/// </summary>
/// <param name="Stages">The stages the school teaches (kindergarten, primary, …); null when unknown.</param>
public sealed record RotationSchool(
    string Id, string Name, string? ZoneId, string? GroupId, int Strength, IReadOnlyDictionary<string, int> SubjectBalance,
    IReadOnlyCollection<string>? Stages = null);

public sealed record Assignment(string TeacherId, string FromSchoolId, string ToSchoolId, string Subject, bool Backbone);

/// <summary>Why, in a code for screens and words for people in either language.</summary>
public sealed record PlanReason(string Code, UserText Text)
{
    /// <summary>As an answer gives it, in the request's language.</summary>
    public Reason ToReason() => new(Code, Text.ToString());

    /// <summary>Reasons said one after another.</summary>
    public static UserText Joined(IEnumerable<PlanReason> reasons) => reasons.Select(r => r.Text).Aggregate((first, then) => first + then);
}

/// <summary>What the planner made of a teacher, and why; a plan keeps it in both languages.</summary>
public sealed record PlannedTeacher(
    string TeacherId, string SchoolId, TeacherOutcome Outcome, string? ToSchoolId, IReadOnlyList<PlanReason> Reasons)
{
    /// <summary>As an answer gives it, in the request's language.</summary>
    public TeacherExplanation ToExplanation() => new(TeacherId, SchoolId, Outcome, ToSchoolId, [.. Reasons.Select(r => r.ToReason())]);
}

public sealed record RotationPlanResult(
    DateOnly ReferenceDate, IReadOnlyList<Assignment> Assignments, IReadOnlyList<SchoolQuota> Schools, DistrictQuota District,
    IReadOnlyList<PlannedTeacher> Teachers);

/// <summary>
/// Builds a year's 交流轮岗 plan (plain: no I/O). Eligibility is judged on the reference date (ages and years in full
/// years, so a teacher turning 50 on the date is no longer eligible and one with exactly six years is). Each school's
/// quota is ⌈eligible × quota share⌉, and ⌈quota × backbone share⌉ of it backbone teachers. Strong schools choose
/// first. Within a school, backbone teachers go first, then teachers of subjects the school has too many of, then the
/// longest-serving. Each goes to an allowed school (other than home, in scope,
/// following at least one allowed direction) that lacks their subject most, else the weakest; a school takes at
/// most its gaps plus the teachers it sends, unless the policy lets schools receive beyond their gaps. Every teacher's
/// outcome comes with its reasons.
/// </summary>
public static class RotationPlanner
{
    public static RotationPlanResult Plan(
        IReadOnlyList<RotationTeacher> teachers, IReadOnlyList<RotationSchool> schools, RotationPolicy policy, DateOnly referenceDate)
    {
        var schoolById = schools.ToDictionary(s => s.Id);
        var balance = schools.ToDictionary(s => s.Id, s => new Dictionary<string, int>(s.SubjectBalance));
        var explanations = new Dictionary<string, PlannedTeacher>();
        var eligibleBySchool = new Dictionary<string, List<RotationTeacher>>();
        foreach (var teacher in teachers)
        {
            var reasons = Ineligibility(teacher, policy, referenceDate, schoolById);
            if (reasons.Count > 0)
                explanations[teacher.Id] = new(teacher.Id, teacher.SchoolId, TeacherOutcome.Ineligible, null, reasons);
            else
            {
                if (!eligibleBySchool.TryGetValue(teacher.SchoolId, out var list))
                    eligibleBySchool[teacher.SchoolId] = list = [];
                list.Add(teacher);
            }
        }

        var targets = eligibleBySchool.ToDictionary(e => e.Key,
            e => Targets(e.Value.Count, e.Value.Count(t => t.Backbone != BackboneLevel.None), policy));
        var districtRequired = Required(eligibleBySchool.Values.Sum(e => e.Count), targets.Values.Sum(t => t.Quota), policy);
        var districtLeft = districtRequired;
        // A school takes its gaps plus about as many as it sends: its share of its own eligible teachers.
        var room = schools.ToDictionary(s => s.Id, s => policy.ReceiveBeyondGaps
            ? int.MaxValue
            : -s.SubjectBalance.Values.Where(v => v < 0).Sum()
                + RoundedUp(eligibleBySchool.GetValueOrDefault(s.Id)?.Count ?? 0, policy.QuotaShare));
        var assignments = new List<Assignment>();
        var schoolQuotas = new List<SchoolQuota>();
        foreach (var school in schools
            .Where(s => eligibleBySchool.ContainsKey(s.Id))
            .OrderByDescending(s => s.Strength)
            .ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            var eligible = eligibleBySchool[school.Id];
            var (quota, backboneTarget, waived) = targets[school.Id];
            int selected = 0, backboneSelected = 0;
            var noDestination = new List<RotationTeacher>();
            // Backbone teachers first, so the backbone target is met whenever it can be; then subjects the school has too
            // many of; then the longest-serving.
            var ordered = eligible
                .OrderByDescending(t => t.Backbone != BackboneLevel.None)
                .ThenByDescending(t => balance[school.Id].GetValueOrDefault(t.Subject) > 0)
                .ThenBy(t => t.AtSchoolSince)
                .ThenBy(t => t.Id, StringComparer.Ordinal)
                .ToList();
            foreach (var teacher in ordered)
            {
                var isBackbone = teacher.Backbone != BackboneLevel.None;
                if (policy.QuotaUnit == QuotaUnit.School ? selected >= quota : districtLeft <= 0)
                {
                    explanations[teacher.Id] = new(teacher.Id, school.Id, TeacherOutcome.NotSelected, null,
                        [new("quota_met", QuotaFilled(policy, eligible.Count, quota, districtRequired))]);
                    continue;
                }
                var destination = Destination(teacher, school, schools, balance, room, policy);
                if (destination is null)
                {
                    noDestination.Add(teacher);
                    var rules = Describe(policy);
                    explanations[teacher.Id] = new(teacher.Id, school.Id, TeacherOutcome.NotSelected, null,
                    [
                        new("no_destination", new(
                            $"没有符合方向规则（{rules.Zh}）且能接收{teacher.Subject}教师的学校。",
                            $"No school the direction rules allow ({rules.En}) can take a {teacher.Subject} teacher.")),
                    ]);
                    continue;
                }
                balance[school.Id][teacher.Subject] = balance[school.Id].GetValueOrDefault(teacher.Subject) - 1;
                var gapBefore = balance[destination.Id].GetValueOrDefault(teacher.Subject);
                balance[destination.Id][teacher.Subject] = gapBefore + 1;
                room[destination.Id]--;
                selected++;
                districtLeft--;
                if (isBackbone)
                    backboneSelected++;
                assignments.Add(new Assignment(teacher.Id, school.Id, destination.Id, teacher.Subject, isBackbone));
                explanations[teacher.Id] = new(teacher.Id, school.Id, TeacherOutcome.Selected, destination.Id,
                    SelectionReasons(teacher, school, destination, gapBefore));
            }
            var shortfall = new List<PlanReason>();
            if (selected < quota)
                shortfall.Add(new("quota_short", QuotaShort(selected, quota) + new UserText(
                    $"{noDestination.Count} 名符合条件的教师找不到符合规则的接收学校。",
                    $"{noDestination.Count} eligible teachers have no receiving school the rules allow.")));
            if (backboneSelected < backboneTarget)
                shortfall.Add(new("backbone_short", BackboneShort(backboneSelected, backboneTarget)
                    + (eligible.Count(t => t.Backbone != BackboneLevel.None) < backboneTarget
                        ? new UserText("符合条件的骨干教师不足。", "Too few backbone teachers are eligible.")
                        : new UserText("骨干教师找不到符合规则的接收学校。",
                            "The backbone teachers have no receiving school the rules allow."))));
            schoolQuotas.Add(new SchoolQuota(school.Id, eligible.Count, eligible.Count(t => t.Backbone != BackboneLevel.None), quota,
                selected, backboneTarget, backboneSelected, Answered(waived), Answered(shortfall)));
        }

        var district = DistrictQuotaOf(eligibleBySchool.Values.Sum(e => e.Count), districtRequired, assignments, policy.BackboneShare);
        return new RotationPlanResult(
            referenceDate, assignments, schoolQuotas.OrderBy(q => q.SchoolId, StringComparer.Ordinal).ToList(), district,
            teachers.Select(t => explanations[t.Id]).ToList());
    }

    /// <summary>
    /// The quota check of a plan as it stands, e.g. after manual edits: each sending school's eligible count (and
    /// eligible backbone count, unknown for plans made before it was kept) against the assignments it now has.
    /// </summary>
    public static (IReadOnlyList<SchoolQuota> Schools, DistrictQuota District) Check(
        IReadOnlyDictionary<string, int> eligibleBySchool, IReadOnlyDictionary<string, int>? eligibleBackbone,
        IReadOnlyList<Assignment> assignments, RotationPolicy policy)
    {
        var schools = eligibleBySchool.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e =>
        {
            var backboneEligible = eligibleBackbone?.GetValueOrDefault(e.Key) ?? int.MaxValue;
            var (quota, backboneTarget, waived) = Targets(e.Value, backboneEligible, policy);
            var sent = assignments.Where(a => a.FromSchoolId == e.Key).ToList();
            var school = new SchoolQuota(e.Key, e.Value, eligibleBackbone?.GetValueOrDefault(e.Key) ?? 0, quota, sent.Count,
                backboneTarget, sent.Count(a => a.Backbone), Answered(waived), []);
            return school with { Shortfall = Answered(Shortfall(school)) };
        }).ToList();
        var required = Required(eligibleBySchool.Values.Sum(), schools.Sum(s => s.Quota), policy);
        return (schools, DistrictQuotaOf(eligibleBySchool.Values.Sum(), required, assignments, policy.BackboneShare));
    }

    /// <summary>Why a school's quota as its check stands is not met: too few teachers sent, or too few backbone teachers.</summary>
    public static List<PlanReason> Shortfall(SchoolQuota school)
    {
        var reasons = new List<PlanReason>();
        if (school.Selected < school.Quota)
            reasons.Add(new("quota_short", QuotaShort(school.Selected, school.Quota)));
        if (school.BackboneSelected < school.BackboneTarget)
            reasons.Add(new("backbone_short", BackboneShort(school.BackboneSelected, school.BackboneTarget)));
        return reasons;
    }

    /// <summary>Why an eligible teacher is not chosen: the quota is filled, the school's or the district's.</summary>
    private static UserText QuotaFilled(RotationPolicy policy, int eligible, int quota, int districtQuota) =>
        policy.QuotaUnit == QuotaUnit.School
            ? new($"本校轮岗名额 {quota} 人已满（符合条件 {eligible} 人 × {policy.QuotaShare:P0}，向上取整）。",
                $"The school's quota of {quota} is filled ({eligible} eligible × {policy.QuotaShare:P0}, rounded up).")
            : new($"全区轮岗名额 {districtQuota} 人已满（全区符合条件人数 × {policy.QuotaShare:P0}，向上取整）。",
                $"The district's quota of {districtQuota} is filled (its eligible teachers × {policy.QuotaShare:P0}, rounded up).");

    private static UserText QuotaShort(int selected, int quota) =>
        new($"安排 {selected} 人，少于名额 {quota} 人。", $"{selected} assigned, fewer than the quota of {quota}.");

    private static UserText BackboneShort(int selected, int target) =>
        new($"骨干教师 {selected} 人，少于要求的 {target} 人。",
            $"{selected} backbone teachers, fewer than the {target} required.");

    private static List<Reason> Answered(IEnumerable<PlanReason> reasons) => [.. reasons.Select(r => r.ToReason())];

    /// <summary>
    /// What a sending school is held to: ⌈eligible × quota share⌉ teachers, ⌈quota × backbone share⌉ of them backbone.
    /// A school with no eligible backbone teacher has its backbone target waived (the district's backbone share still
    /// holds); under a district-wide quota no school is held to a share of its own.
    /// </summary>
    private static (int Quota, int BackboneTarget, IReadOnlyList<PlanReason> Waived) Targets(
        int eligible, int eligibleBackbone, RotationPolicy policy)
    {
        if (policy.QuotaUnit == QuotaUnit.District)
            return (0, 0, [new("district_quota", new(
                "名额按全区统筹（全区符合条件人数 × 比例，向上取整），不分校核定。",
                "The quota is the district's (all its eligible × the share, rounded up), not set school by school."))]);
        var quota = RoundedUp(eligible, policy.QuotaShare);
        var backboneTarget = RoundedUp(quota, policy.BackboneShare);
        return backboneTarget > 0 && eligibleBackbone == 0
            ? (quota, 0, [new("backbone_waived", new(
                $"本校没有符合条件的骨干教师，骨干要求（{backboneTarget} 人）免除，由全区骨干比例统筹。",
                $"The school has no eligible backbone teacher: its backbone target ({backboneTarget}) is waived, and the "
                + "district's backbone share decides."))])
            : (quota, backboneTarget, []);
    }

    /// <summary>The district's quota: the schools' quotas added up, or ⌈all eligible × quota share⌉ district-wide.</summary>
    private static int Required(int eligible, int schoolQuotas, RotationPolicy policy) =>
        policy.QuotaUnit == QuotaUnit.District ? RoundedUp(eligible, policy.QuotaShare) : schoolQuotas;

    /// <summary>⌈count × share⌉, with 10 % of 10 exactly 1 despite floating point.</summary>
    private static int RoundedUp(int count, double share) => (int)Math.Ceiling(count * share - 1e-9);

    private static DistrictQuota DistrictQuotaOf(
        int eligible, int required, IReadOnlyCollection<Assignment> assignments, double requiredBackboneShare)
    {
        var backbone = assignments.Count(a => a.Backbone);
        return new(eligible, required, assignments.Count, backbone,
            assignments.Count == 0 ? 0 : (double)backbone / assignments.Count, requiredBackboneShare);
    }

    /// <summary>Full years from <paramref name="from"/> to <paramref name="on"/>: an anniversary on the date counts.</summary>
    public static int FullYears(DateOnly from, DateOnly on) =>
        on.Year - from.Year - (on.Month < from.Month || (on.Month == from.Month && on.Day < from.Day) ? 1 : 0);

    /// <summary>Every reason the teacher may not rotate; empty when eligible.</summary>
    public static List<PlanReason> Ineligibility(
        RotationTeacher teacher, RotationPolicy policy, DateOnly on, IReadOnlyDictionary<string, RotationSchool> schools)
    {
        var reasons = new List<PlanReason>();
        if (!schools.ContainsKey(teacher.SchoolId))
            reasons.Add(new("school_outside_plan",
                new("所在学校不在本计划范围内。", "The teacher's school is not in this plan.")));
        if (!teacher.InEstablishment)
            reasons.Add(new("not_in_establishment", new("非在编教师，不在交流范围内。", "Not in the establishment, so not rotated.")));
        if (teacher.Exemption is { } exemption && exemption.Covers(on))
        {
            var why = TeacherCodes.ExemptionText(exemption.Reason);
            var (noteZh, noteEn) = exemption.Note is { } note ? ($"（{note}）", $" ({note})") : ("", "");
            reasons.Add(new("exempt", new($"{exemption.From:yyyy-MM-dd} 至 {exemption.To:yyyy-MM-dd} 免于交流：{why.Zh}{noteZh}。",
                $"Exempt from rotation from {exemption.From:yyyy-MM-dd} to {exemption.To:yyyy-MM-dd}: {why.En}{noteEn}.")));
        }
        if (teacher.Rotating is { } rotating)
            reasons.Add(new("rotating", new($"正在交流（{rotating.PlanYear} 年度方案），{rotating.Until:yyyy-MM-dd} 返回。",
                $"Rotating under the {rotating.PlanYear} plan, home on {rotating.Until:yyyy-MM-dd}.")));
        var principal = teacher.Role == Role.Principal;
        var maxAge = (principal, teacher.Gender) switch
        {
            (true, Gender.Male) => policy.PrincipalMaleMaxAge,
            (true, Gender.Female) => policy.PrincipalFemaleMaxAge,
            (false, Gender.Male) => policy.MaleMaxAge,
            _ => policy.FemaleMaxAge,
        };
        var age = FullYears(teacher.BirthDate, on);
        var male = teacher.Gender == Gender.Male;
        if (age >= maxAge)
            reasons.Add(new("age", new(
                $"{on:yyyy-MM-dd} 时 {age} 岁，{(male ? "男" : "女")}{(principal ? "校长" : "教师")}须未满 {maxAge} 岁。",
                $"{age} years old on {on:yyyy-MM-dd}: a {(male ? "male" : "female")} {(principal ? "principal" : "teacher")} "
                + $"must be under {maxAge}.")));
        var minYears = principal ? policy.PrincipalMinYears : policy.MinYearsAtSchool;
        var years = FullYears(teacher.AtSchoolSince, on);
        if (years < minYears)
            reasons.Add(new("tenure", new($"在本校连续任教 {years} 年，未满 {minYears} 年。",
                $"{years} years at the school without a break, fewer than {minYears}.")));
        return reasons;
    }

    private static RotationSchool? Destination(
        RotationTeacher teacher, RotationSchool home, IReadOnlyList<RotationSchool> schools,
        Dictionary<string, Dictionary<string, int>> balance, Dictionary<string, int> room, RotationPolicy policy)
    {
        var surplusAtHome = balance[home.Id].GetValueOrDefault(teacher.Subject) > 0;
        RotationSchool? best = null;
        (int Gap, int Strength) bestKey = default;
        foreach (var school in schools)
        {
            if (school.Id == home.Id || room[school.Id] <= 0 || !InScope(home, school, policy.Scope))
                continue;
            var gap = -balance[school.Id].GetValueOrDefault(teacher.Subject);
            if (WhyNotTo(teacher, home, school, gap, policy) is not null)
                continue;
            var weaker = policy.Directions.Contains(Direction.StrongToWeak) && school.Strength < home.Strength;
            var relieves = policy.Directions.Contains(Direction.OverToUnderStaffed) && surplusAtHome && gap > 0;
            if (!weaker && !relieves)
                continue;
            var key = (Math.Max(gap, 0), -school.Strength);
            if (best is null || key.CompareTo(bestKey) > 0 || (key == bestKey && string.CompareOrdinal(school.Id, best.Id) < 0))
                (best, bestKey) = (school, key);
        }
        return best;
    }

    /// <summary>
    /// Why <paramref name="teacher"/> may not be sent from <paramref name="home"/> to <paramref name="destination"/>, or
    /// null when they may: within the stage they teach (a primary teacher of a nine-year school does not go to a middle
    /// school), or the home school's stages when theirs is unknown, and to a school short of their subject
    /// (<paramref name="gap"/> above 0), unless the policy allows crossing stages or sending beyond the subject's need.
    /// The planner and hand edits ask the same.
    /// </summary>
    public static PlanReason? WhyNotTo(
        RotationTeacher teacher, RotationSchool home, RotationSchool destination, int gap, RotationPolicy policy)
    {
        var from = teacher.Stage is { } own ? [own] : home.Stages;
        if (!policy.AcrossStages && from is { Count: > 0 } && destination.Stages is { Count: > 0 } to && !from.Intersect(to).Any())
        {
            var stages = from.Select(WorkforceTexts.StageName).ToList();
            return new("other_stage", new(
                $"{destination.Name}不设该教师的任教学段（{string.Join("、", stages.Select(s => s.Zh))}），不跨学段交流。",
                $"{destination.Name} teaches none of the teacher's stages ({string.Join(", ", stages.Select(s => s.En))}): "
                + "teachers rotate within their stage."));
        }
        return !policy.BeyondSubjectNeed && gap <= 0
            ? new("subject_not_needed",
                new($"{destination.Name}不缺{teacher.Subject}教师。", $"{destination.Name} is not short of {teacher.Subject} teachers."))
            : null;
    }

    private static bool InScope(RotationSchool home, RotationSchool other, RotationScope scope) => scope switch
    {
        RotationScope.Zone => home.ZoneId is not null && home.ZoneId == other.ZoneId,
        RotationScope.Group => home.GroupId is not null && home.GroupId == other.GroupId,
        _ => true,
    };

    private static List<PlanReason> SelectionReasons(
        RotationTeacher teacher, RotationSchool home, RotationSchool destination, int balanceBefore)
    {
        var reasons = new List<PlanReason>();
        if (teacher.Backbone != BackboneLevel.None)
            reasons.Add(new("backbone", new("骨干教师，优先安排以满足骨干比例。",
                "A backbone teacher, chosen first to meet the backbone share.")));
        reasons.Add(new("tenure", new($"自 {teacher.AtSchoolSince:yyyy-MM-dd} 起在本校连续任教。",
            $"At the school without a break since {teacher.AtSchoolSince:yyyy-MM-dd}.")));
        if (balanceBefore < 0)
            reasons.Add(new("fills_gap", new($"{destination.Name}缺{teacher.Subject}教师 {-balanceBefore} 人。",
                $"{destination.Name} is short of {-balanceBefore} {teacher.Subject} teachers.")));
        if (destination.Strength < home.Strength)
            reasons.Add(new("strong_to_weak", new($"由较强学校（{home.Strength}）到较弱学校（{destination.Strength}）。",
                $"From a stronger school ({home.Strength}) to a weaker one ({destination.Strength}).")));
        return reasons;
    }

    /// <summary>The directions a policy allows, and its scope.</summary>
    private static UserText Describe(RotationPolicy policy)
    {
        var directions = policy.Directions.Select(d => RotationPolicy.DirectionNames[d]).ToList();
        var (scopeZh, scopeEn) = policy.Scope switch
        {
            RotationScope.Zone => ("，限本学区", ", within the zone"),
            RotationScope.Group => ("，限本集团", ", within the group"),
            _ => ("", ""),
        };
        return new(string.Join("、", directions.Select(d => d.Zh)) + scopeZh, string.Join(", ", directions.Select(d => d.En)) + scopeEn);
    }
}
