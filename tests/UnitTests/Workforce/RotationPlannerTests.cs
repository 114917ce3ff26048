using Platform.Contracts;
using Platform.Workforce.Rotation;
using Platform.Workforce.Teachers;

namespace Platform.UnitTests.Workforce;

public class RotationPlannerTests
{
    private static readonly DateOnly On = new(2026, 9, 1);
    private static readonly RotationPolicy Tianjin = new();

    private static RotationSchool School(string id, int strength, params (string Subject, int Balance)[] balance) =>
        new(id, $"学校{id}", "Z1", "G1", strength, balance.ToDictionary(b => b.Subject, b => b.Balance));

    /// <summary>A male 在编 teacher aged 40 with eight years at the school, unless told otherwise.</summary>
    private static RotationTeacher Teacher(
        string id, string school, string subject = "数学", BackboneLevel backbone = BackboneLevel.None, Gender gender = Gender.Male,
        DateOnly? born = null, DateOnly? since = null, bool inEstablishment = true, Exemption? exemption = null,
        Role role = Role.Teacher) =>
        new(id, $"教师{id}", gender, born ?? new DateOnly(1986, 3, 1), school, since ?? new DateOnly(2018, 9, 1), subject, inEstablishment,
            backbone, role, exemption);

    [Fact]
    public void Eligibility_is_judged_on_the_reference_date_in_full_years()
    {
        var schools = new Dictionary<string, RotationSchool> { ["A"] = School("A", 3) };
        List<PlanReason> Why(RotationTeacher t) => RotationPlanner.Ineligibility(t, Tianjin, On, schools);

        Assert.Empty(Why(Teacher("t1", "A", born: new DateOnly(1976, 9, 2))));                     // 49 until tomorrow
        Assert.Equal(["age"], Why(Teacher("t2", "A", born: new DateOnly(1976, 9, 1))).Select(r => r.Code)); // 50 on the day
        // women: under 45
        Assert.Equal(["age"], Why(Teacher("t3", "A", gender: Gender.Female, born: new DateOnly(1981, 9, 1))).Select(r => r.Code));
        Assert.Empty(Why(Teacher("t4", "A", since: new DateOnly(2020, 9, 1))));                    // exactly six years
        Assert.Equal(["tenure"], Why(Teacher("t5", "A", since: new DateOnly(2020, 9, 2))).Select(r => r.Code)); // a day short
        var nursing = new Exemption("nursing", null, On, On.AddYears(1).AddDays(-1));
        Assert.Equal(["not_in_establishment", "exempt"],
            Why(Teacher("t6", "A", inEstablishment: false, exemption: nursing)).Select(r => r.Code));
        // An exemption holds on the days it covers: one that ended the day before, or begins the day after, does not.
        Assert.Empty(Why(Teacher("t7", "A", exemption: nursing with { From = On.AddYears(-1), To = On.AddDays(-1) })));
        Assert.Empty(Why(Teacher("t8", "A", exemption: nursing with { From = On.AddDays(1) })));
        var exempt = Why(Teacher("t9", "A", exemption: nursing with { To = On })).Single().Text;
        Assert.Contains("哺乳期", exempt.Zh);
        Assert.Contains("nursing", exempt.En);
        // A principal: men under 55 after ten years.
        Assert.Empty(Why(Teacher("p1", "A", role: Role.Principal, born: new DateOnly(1973, 1, 1), since: new DateOnly(2016, 9, 1))));
        Assert.Equal(["tenure"], Why(Teacher("p2", "A", role: Role.Principal, since: new DateOnly(2018, 9, 1))).Select(r => r.Code));
    }

    [Fact]
    public void A_teacher_still_away_in_another_plan_is_not_rotated_again()
    {
        var schools = new Dictionary<string, RotationSchool> { ["A"] = School("A", 3) };
        var away = Teacher("t1", "A") with { Rotating = new ActiveRotation(2025, new DateOnly(2028, 9, 1)) };
        var reason = Assert.Single(RotationPlanner.Ineligibility(away, Tianjin, On, schools));
        Assert.Equal(("rotating", "正在交流（2025 年度方案），2028-09-01 返回。"), (reason.Code, reason.Text.Zh));
        // Only the teacher at home is in the running (no school here has room, so nobody is chosen).
        var plan = RotationPlanner.Plan([away, Teacher("t2", "A")], [School("A", 5), School("B", 1)], Tianjin, On);
        Assert.Equal([("t1", TeacherOutcome.Ineligible), ("t2", TeacherOutcome.NotSelected)],
            plan.Teachers.OrderBy(t => t.TeacherId).Select(t => (t.TeacherId, t.Outcome)));
    }

    [Fact]
    public void Each_school_rotates_at_least_its_share_with_backbone_teachers_first()
    {
        // 12 eligible at strong school A: ⌈1.2⌉ = 2 must rotate, ⌈0.4⌉ = 1 of them backbone. B is weaker and short of 数学.
        var teachers = Enumerable.Range(1, 12)
            .Select(i => Teacher($"a{i:00}", "A", backbone: i == 12 ? BackboneLevel.District : BackboneLevel.None)).ToList();
        var plan = RotationPlanner.Plan(teachers, [School("A", 5), School("B", 2, ("数学", -3))], Tianjin, On);

        var quota = Assert.Single(plan.Schools);
        Assert.Equal((12, 2, 2, 1, 1, true),
            (quota.Eligible, quota.Quota, quota.Selected, quota.BackboneTarget, quota.BackboneSelected, quota.Met));
        // the backbone teacher, then the longest-serving (by id on a tie)
        Assert.Equal(["a12", "a01"], plan.Assignments.Select(a => a.TeacherId));
        Assert.All(plan.Assignments, a => Assert.Equal("B", a.ToSchoolId));
        Assert.Equal(TeacherOutcome.NotSelected, plan.Teachers.Single(t => t.TeacherId == "a02").Outcome);
        Assert.Equal("quota_met", plan.Teachers.Single(t => t.TeacherId == "a02").Reasons[0].Code);
        Assert.True(plan.District.Met);
        Assert.Equal(0.5, plan.District.BackboneShare);
    }

    [Fact]
    public void Subject_gaps_are_filled_first_and_a_school_takes_no_more_than_its_gaps_and_its_own_senders()
    {
        // A (strong) sends 2 数学 teachers. C lacks one 数学 teacher; D is weakest but lacks nothing and sends nobody.
        var teachers = Enumerable.Range(1, 20).Select(i => Teacher($"a{i:00}", "A")).ToList();
        var plan = RotationPlanner.Plan(teachers, [School("A", 5, ("数学", 2)), School("C", 3, ("数学", -1)), School("D", 1)], Tianjin, On);

        Assert.Equal(["C"], plan.Assignments.Select(a => a.ToSchoolId).Distinct());
        var quota = Assert.Single(plan.Schools);
        Assert.Equal((2, 1), (quota.Quota, quota.Selected)); // C had room for one; D had no gap and sends nobody, so no room
        Assert.Equal("quota_short", quota.Shortfall[0].Code);
        Assert.Contains(plan.Teachers, t => t.Reasons.Any(r => r.Code == "no_destination"));
        Assert.Contains(plan.Teachers, t => t.Reasons.Any(r => r.Code == "fills_gap"));

        // A district that lets schools receive beyond their gaps, and teachers go beyond their subject's need, sends the
        // second teacher to the weakest school.
        var beyond = RotationPlanner.Plan(teachers, [School("A", 5, ("数学", 2)), School("C", 3, ("数学", -1)), School("D", 1)],
            Tianjin with { ReceiveBeyondGaps = true, BeyondSubjectNeed = true }, On);
        Assert.Equal(["C", "D"], beyond.Assignments.Select(a => a.ToSchoolId));
    }

    [Fact]
    public void Teachers_stay_within_their_stage_and_go_where_their_subject_is_needed()
    {
        var kindergarten = School("K", 5, ("数学", 1)) with { Stages = ["kindergarten"] };
        var nineYear = School("N", 4, ("数学", 1)) with { Stages = ["primary", "junior_secondary"] };
        var middle = School("M", 1, ("数学", -3)) with { Stages = ["junior_secondary"] };
        var primaryFull = School("P", 1, ("数学", 0)) with { Stages = ["primary"] };

        var teacher = Teacher("t", "K");
        Assert.Equal("other_stage", RotationPlanner.WhyNotTo(teacher, kindergarten, middle, 3, Tianjin)?.Code);
        Assert.Null(RotationPlanner.WhyNotTo(teacher, nineYear, middle, 3, Tianjin)); // shares 初中
        Assert.Equal("subject_not_needed", RotationPlanner.WhyNotTo(teacher, nineYear, primaryFull, 0, Tianjin)?.Code);
        Assert.Null(RotationPlanner.WhyNotTo(teacher, kindergarten, middle, 3, Tianjin with { AcrossStages = true }));
        Assert.Null(RotationPlanner.WhyNotTo(teacher, nineYear, primaryFull, 0, Tianjin with { BeyondSubjectNeed = true }));
        // A teacher's own stage decides when it is known: the nine-year school's primary teacher stays in primary.
        var primaryTeacher = teacher with { Stage = "primary" };
        Assert.Equal("other_stage", RotationPlanner.WhyNotTo(primaryTeacher, nineYear, middle, 3, Tianjin)?.Code);
        Assert.Null(RotationPlanner.WhyNotTo(teacher with { Stage = "junior_secondary" }, nineYear, middle, 3, Tianjin));

        // The planner asks the same: the kindergarten's teacher finds no school, the nine-year school's goes to the middle school.
        var plan = RotationPlanner.Plan([Teacher("k1", "K"), Teacher("n1", "N")], [kindergarten, nineYear, middle, primaryFull], Tianjin,
            On);
        Assert.Equal([("n1", "M")], plan.Assignments.Select(a => (a.TeacherId, a.ToSchoolId)));
        Assert.Contains(plan.Teachers.Single(t => t.TeacherId == "k1").Reasons, r => r.Code == "no_destination");
    }

    [Fact]
    public void A_school_without_an_eligible_backbone_teacher_has_its_backbone_target_waived_and_the_district_share_decides()
    {
        var teachers = Enumerable.Range(1, 10).Select(i => Teacher($"a{i:00}", "A")).ToList();
        var plan = RotationPlanner.Plan(teachers, [School("A", 5, ("数学", 1)), School("B", 1, ("数学", -1))], Tianjin, On);

        var quota = Assert.Single(plan.Schools);
        Assert.Equal((1, 1, 0, "backbone_waived"), (quota.Quota, quota.Selected, quota.BackboneTarget, quota.Waived.Single().Code));
        Assert.True(quota.Met);
        Assert.False(plan.District.Met); // one rotated, none backbone: 0 % against the district's 20 %
        // The stored plan's check agrees; a plan made before eligible backbone teachers were kept waives nothing.
        Assert.Equal(0, RotationPlanner.Check(new Dictionary<string, int> { ["A"] = 10 }, new Dictionary<string, int> { ["A"] = 0 },
            plan.Assignments, Tianjin).Schools.Single().BackboneTarget);
        Assert.Equal(1, RotationPlanner.Check(new Dictionary<string, int> { ["A"] = 10 }, null, plan.Assignments, Tianjin)
            .Schools.Single().BackboneTarget);
    }

    [Fact]
    public void A_district_wide_quota_is_rounded_up_once_and_no_school_has_its_own()
    {
        // Three schools of four eligible each: ⌈0.4⌉ = 1 at each (3 in all), or ⌈1.2⌉ = 2 for the district.
        var teachers = new[] { "A", "B", "C" }.SelectMany(s => Enumerable.Range(1, 4).Select(i => Teacher($"{s}{i}", s))).ToList();
        RotationSchool[] schools = [School("A", 5, ("数学", 1)), School("B", 4, ("数学", 1)), School("C", 3, ("数学", 1)),
            School("D", 1, ("数学", -5))];

        Assert.Equal((3, 3), RotationPlanner.Plan(teachers, schools, Tianjin, On).District is var bySchool
            ? (bySchool.Required, bySchool.Rotated) : default);
        var districtWide = RotationPlanner.Plan(teachers, schools, Tianjin with { QuotaUnit = QuotaUnit.District }, On);
        Assert.Equal((2, 2), (districtWide.District.Required, districtWide.District.Rotated));
        Assert.All(districtWide.Schools, s => Assert.Equal((0, "district_quota"), (s.Quota, s.Waived.Single().Code)));
    }

    [Fact]
    public void Directions_and_scope_limit_where_teachers_go()
    {
        var teachers = Enumerable.Range(1, 10).Select(i => Teacher($"a{i:00}", "A", subject: "语文")).ToList();
        RotationSchool[] schools = [School("A", 3, ("语文", 1)), School("Strong", 5, ("语文", -2)),
            new("Other zone", "外区弱校", "Z2", "G2", 1, new Dictionary<string, int> { ["语文"] = -2 })];

        // Strong to weak only: the stronger school is closed, the weaker one is open.
        var strongToWeak = RotationPlanner.Plan(teachers, schools, Tianjin with { Directions = [Direction.StrongToWeak] }, On);
        Assert.Equal("Other zone", Assert.Single(strongToWeak.Assignments).ToSchoolId);
        // Over- to under-staffed: A has a 语文 surplus, so a stronger school short of 语文 may receive; the gap decides.
        var overToUnder = RotationPlanner.Plan(teachers, schools, Tianjin with { Directions = [Direction.OverToUnderStaffed] }, On);
        Assert.Single(overToUnder.Assignments);
        // Within the zone: only Strong is in A's zone, and it is stronger, so strong-to-weak alone leaves nowhere to go.
        var zoneOnly = RotationPlanner.Plan(teachers, schools,
            Tianjin with { Directions = [Direction.StrongToWeak], Scope = RotationScope.Zone }, On);
        Assert.Empty(zoneOnly.Assignments);
        Assert.False(zoneOnly.District.Met);
    }

    [Fact]
    public void An_infeasible_plan_says_why_for_the_school_and_each_teacher()
    {
        // The weakest school, with no surplus and no school short of anything: nowhere to send anyone.
        var teachers = Enumerable.Range(1, 10).Select(i => Teacher($"w{i:00}", "W", backbone: BackboneLevel.School)).ToList();
        var plan = RotationPlanner.Plan(teachers, [School("W", 1), School("X", 4)], Tianjin, On);

        var quota = Assert.Single(plan.Schools);
        Assert.False(quota.Met);
        Assert.Equal(["quota_short", "backbone_short"], quota.Shortfall.Select(r => r.Code));
        Assert.Contains("找不到", quota.Shortfall[1].Text);
        Assert.All(plan.Teachers, t => Assert.Equal("no_destination", t.Reasons.Single().Code));
        Assert.Equal((10, 1, 0), (plan.District.Eligible, plan.District.Required, plan.District.Rotated));
    }

    [Fact]
    public void A_policy_out_of_range_names_each_rule()
    {
        var problems = (Tianjin with { QuotaShare = 0, TermYears = 5, Directions = [] }).Problems();
        Assert.Equal(["Directions", "QuotaShare", "TermYears"], problems.Keys.Order(StringComparer.Ordinal));
    }
}
