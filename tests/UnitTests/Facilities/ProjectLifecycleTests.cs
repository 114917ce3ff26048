using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;
using Platform.Facilities.Projects;
using Platform.Facilities.Stages;

namespace Platform.UnitTests.Facilities;

public class ProjectLifecycleTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid Zone = Guid.NewGuid();

    private static readonly KnownSchool School = new(Guid.NewGuid(), 3, "南开区第一小学", "120104", Zone, "public", "open", null,
        [new SchoolStageCapacity("primary", 45, 24, 1080)]);

    private static Project Proposal(ProjectStatus status = ProjectStatus.Proposed, DateOnly? plannedInUse = null) =>
        new(Guid.NewGuid(), 4, School.Id, "120104", Zone, "南开区第一小学扩建", "primary", 6, 270, status,
            plannedInUse ?? new DateOnly(2028, 9, 1), null)
        { OtherStages = [new StagePlaces("junior", 3, 150)] };

    [Fact]
    public void Approval_raises_the_version_and_announces_it_with_the_staffing_of_each_stage()
    {
        var step = ProjectLifecycle.Approve(Proposal(), School, Today);

        Assert.Null(step.Conflict);
        Assert.Equal((ProjectStatus.Approved, 5), (step.Changed!.Status, step.Changed.Version));
        var approved = Assert.IsType<FacilityProjectApproved>(step.Events[0]);
        Assert.Equal(("approved", 5, School.Id), (approved.Project.Status, approved.Project.Version, approved.Project.SchoolId));
        var staffing = step.Events.Skip(1).Cast<StaffingRequirementRaised>().ToList();
        Assert.Equal(["primary", "junior"], staffing.Select(s => s.Stage));
        Assert.All(staffing, s => Assert.Equal((new DateOnly(2028, 9, 1), "approved", false), (s.From, s.Milestone, s.NewSchool)));
    }

    [Fact]
    public void Without_a_planned_date_the_staffing_is_wanted_for_the_next_school_year()
    {
        var step = ProjectLifecycle.Approve(Proposal() with { PlannedInUse = null }, School, Today);

        Assert.All(step.Events.OfType<StaffingRequirementRaised>(), s => Assert.Equal(new DateOnly(2027, 9, 1), s.From));
    }

    [Fact]
    public void A_step_from_the_wrong_status_or_without_a_school_is_a_conflict_and_changes_nothing()
    {
        var approvedTwice = ProjectLifecycle.Approve(Proposal(ProjectStatus.Approved), School, Today);
        Assert.Equal("The project is approved.", approvedTwice.Conflict!.Title.En);
        Assert.Null(approvedTwice.Changed);
        Assert.Empty(approvedTwice.Events);

        var noSchool = ProjectLifecycle.Approve(Proposal() with { SchoolId = null }, null, Today);
        Assert.Equal("项目尚未选定学校。", noSchool.Conflict!.Title.Zh);

        var inUse = Proposal(ProjectStatus.Commissioned) with { InUseFrom = new DateOnly(2026, 9, 1) };
        var cancelled = ProjectLifecycle.Cancel(inUse, "规划调整", School);
        Assert.Contains("only while proposed or approved; it was put into use from 2026-09-01.", cancelled.Conflict!.Detail.En);
        Assert.Contains("只有在谋划或已立项时才能撤销；它已于 2026-09-01 投入使用。", cancelled.Conflict!.Detail.Zh);
        Assert.NotNull(ProjectLifecycle.ChooseSchool(Proposal(ProjectStatus.Approved), School).Conflict);
    }

    [Fact]
    public void Commissioning_announces_the_places_of_every_stage_once_and_a_new_school_with_its_details()
    {
        var newSchool = Proposal(ProjectStatus.Approved) with
        {
            SchoolId = null,
            NewSchoolId = Guid.NewGuid(),
            NewSchoolName = "南开区新建小学",
            NewSchoolOwnership = "public",
        };
        var step = ProjectLifecycle.Commission(newSchool, null, new DateOnly(2028, 8, 25));

        var capacity = step.Events.OfType<CapacityCommissioned>().ToList();
        Assert.Equal([("primary", 270), ("junior", 150)], capacity.Select(c => (c.Stage, c.PlacesAdded)));
        Assert.All(capacity, c => Assert.Equal((newSchool.NewSchoolId!.Value, "南开区新建小学"), (c.SchoolId, c.NewSchool!.Name)));
        Assert.All(step.Events.OfType<StaffingRequirementRaised>(), s => Assert.True(s.NewSchool));
        Assert.Equal((ProjectStatus.Commissioned, new DateOnly(2028, 8, 25)), (step.Changed!.Status, step.Changed.InUseFrom));
    }

    [Theory]
    [InlineData("2028-08-31", null)]
    [InlineData("2028-09-01", null)]
    [InlineData("2028-09-02", "2028-09-02")]
    public void The_planned_date_follows_a_forecast_only_into_another_school_year(string forecast, string? followed)
    {
        var project = Proposal(ProjectStatus.Approved, plannedInUse: new DateOnly(2028, 9, 1));

        var step = ProjectLifecycle.FollowForecast(project, DateOnly.Parse(forecast), School);

        Assert.Equal(followed, step?.Changed!.PlannedInUse?.ToString("yyyy-MM-dd"));
        if (step is not null)
            Assert.Equal(new DateOnly(2028, 9, 1),
                Assert.IsType<FacilityProjectScheduleChanged>(step.Events.Single()).PreviousPlannedInUse);
    }

    [Fact]
    public void A_project_no_longer_being_delivered_keeps_its_dates()
    {
        Assert.Null(ProjectLifecycle.FollowForecast(Proposal(ProjectStatus.Cancelled), new DateOnly(2030, 9, 1), School));
    }

    [Fact]
    public void Completion_tells_workforce_again_only_for_a_project_with_a_school()
    {
        Assert.Equal(2, ProjectLifecycle.Completed(Proposal(), School, Today).Count);
        Assert.Empty(ProjectLifecycle.Completed(Proposal() with { SchoolId = null }, null, Today));
    }

    [Fact]
    public void A_plan_names_each_gate_out_of_order_or_not_of_the_path()
    {
        var problems = StageGates.CheckPlan(DeliveryPath.Government, [], new Dictionary<string, DateOnly>
        {
            ["approved"] = new(2027, 3, 1), ["site"] = new(2027, 2, 1), ["joint_acceptance"] = new(2027, 4, 1),
        }).ToDictionary(p => p.Field, p => p.Problem);

        Assert.Equal(["milestones.site", "milestones.joint_acceptance"], problems.Keys);
        Assert.Contains("before the gate planned before it (2027-03-01)", problems["milestones.site"].En);
    }

    [Fact]
    public void The_path_changes_only_before_the_first_gate()
    {
        var milestones = new Dictionary<string, DateOnly> { ["handover"] = new(2028, 6, 1) };
        Passage obligation = new("obligation", new(2026, 1, 5), new SignedInUser("planner", "规划员"), "配套协议");

        Assert.Empty(StageGates.CheckPlan(DeliveryPath.Government, [], milestones, DeliveryPath.Developer));
        Assert.Equal(["path"], StageGates.CheckPlan(DeliveryPath.Developer, [obligation], milestones, DeliveryPath.Government)
            .Select(p => p.Field));
        Assert.Empty(StageGates.CheckPlan(DeliveryPath.Developer, [obligation], milestones, DeliveryPath.Developer));
    }

    [Fact]
    public void A_proposal_is_built_at_an_open_or_planned_school_of_its_zone_serving_its_stage()
    {
        var proposal = Proposal() with { SchoolId = null };

        Assert.Null(ProjectLifecycle.WhyNotAt(proposal, School));
        Assert.Null(ProjectLifecycle.WhyNotAt(proposal, School with { Status = SchoolStatus.Planned }));
        Assert.NotNull(ProjectLifecycle.WhyNotAt(proposal, School with { Status = SchoolStatus.Closed }));
        Assert.NotNull(ProjectLifecycle.WhyNotAt(proposal, School with { ZoneId = Guid.NewGuid() }));
        Assert.NotNull(ProjectLifecycle.WhyNotAt(proposal, School with { Stages = [new SchoolStageCapacity("junior", 50, 12, 600)] }));
        Assert.NotNull(ProjectLifecycle.WhyNotAt(proposal, null));
        Assert.Contains("新建学校", ProjectLifecycle.WhyNotAt(proposal with { NewSchoolId = Guid.NewGuid() }, School)!.Zh);
    }

    [Fact]
    public void Passing_a_gate_approves_commissions_or_announces_completion_and_nothing_else()
    {
        var by = new SignedInUser("manager", "校建科");
        Passage Passed(string gate, string? waiver = null) => new(gate, Today, by, "文号", waiver);

        Assert.Equal(ProjectStatus.Approved, ProjectLifecycle.Pass(Proposal(), School, Passed("approved"), Today)!.Changed!.Status);
        Assert.Null(ProjectLifecycle.Pass(Proposal(ProjectStatus.Approved), School, Passed("approved"), Today));
        var commissioned = ProjectLifecycle.Pass(Proposal(ProjectStatus.Approved), School, Passed("in_use"), Today)!;
        Assert.Equal((ProjectStatus.Commissioned, Today), (commissioned.Changed!.Status, commissioned.Changed.InUseFrom));
        var completed = ProjectLifecycle.Pass(Proposal(), School, Passed("completion"), Today)!;
        Assert.Null(completed.Changed);
        Assert.Equal(2, completed.Events.Count);
        Assert.Null(ProjectLifecycle.Pass(Proposal(), School, Passed("completion", "已并入二期"), Today));
        Assert.Null(ProjectLifecycle.Pass(Proposal(), School, Passed("site"), Today));
    }

    [Fact]
    public void Approval_records_the_project_library_entry_first_when_no_gate_was_passed()
    {
        var by = new SignedInUser("manager", "校建科");
        var createdOn = new DateOnly(2026, 3, 1);

        var first = StageGates.Approval([], createdOn, Today, by, "津发改 12 号");
        Assert.Equal([("proposed", createdOn), ("approved", Today)], first.Select(p => (p.Gate, p.Date)));
        Assert.Equal("项目库入库 2026-03-01", first[0].DocumentReference);
        Assert.Equal(["approved"], StageGates.Approval([first[0]], createdOn, Today, by, "津发改 12 号").Select(p => p.Gate));
        Assert.Equal(new DateOnly(2026, 2, 1), StageGates.Approval([], createdOn, new(2026, 2, 1), by, null)[0].Date);
    }

    [Fact]
    public void Commissioning_waives_each_gate_not_passed_then_passes_the_last()
    {
        var by = new SignedInUser("manager", "校建科");
        var passed = new[] { new Passage("obligation", Today, by, "配套协议") };

        var unpassed = StageGates.Unpassed(DeliveryPath.Developer, passed);
        Assert.Equal(["construction_start", "completion", "joint_acceptance", "handover", "operator", "fit_out"],
            unpassed.Select(g => g.Code));
        var passages = StageGates.Commissioning(unpassed, Today, by, "开办批复", "移交前已开办");
        Assert.All(passages.SkipLast(1), p => Assert.True(p.Waived));
        Assert.Equal(("in_use", false), (passages[^1].Gate, passages[^1].Waived));
    }
}
