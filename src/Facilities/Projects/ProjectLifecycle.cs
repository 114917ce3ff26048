using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Schools;
using Platform.Contracts;
using Platform.Facilities.Stages;

namespace Platform.Facilities.Projects;

/// <summary>
/// What a step decides: the project after it (its version raised; null when the step changes only what others know)
/// and the events that announce it, in order; or the conflict when the project's status, or its missing school, does
/// not allow the step.
/// </summary>
public sealed record ProjectStep(Project? Changed, IReadOnlyList<object> Events, StateConflict? Conflict = null)
{
    public static ProjectStep Refused(StateConflict conflict) => new(null, [], conflict);
}

/// <summary>
/// The life of a project (plain: no I/O): proposed (谋划) → approved (立项) → commissioned (投入使用), or cancelled while
/// proposed or approved; rescheduled and given a school on the way. Every change is announced with the project's new
/// state; <c>school</c> arguments are the registry's record of the project's school, null while it has
/// none or builds a new one.
/// </summary>
public static class ProjectLifecycle
{
    /// <summary>The statuses in which a project is still being delivered.</summary>
    public static readonly IReadOnlyList<ProjectStatus> Active = [ProjectStatus.Proposed, ProjectStatus.Approved];

    public static FacilityProjectProposed Proposed(Project project, KnownSchool? school) => new(State(project, school));

    public static ProjectStep Reschedule(Project project, DateOnly plannedInUse, KnownSchool? school) =>
        Take(project, Active, new("改期", "rescheduled"), project with { PlannedInUse = plannedInUse }, changed =>
            [new FacilityProjectScheduleChanged(State(changed, school), project.PlannedInUse)]);

    public static ProjectStep Cancel(Project project, string reason, KnownSchool? school) =>
        Take(project, Active, new("撤销", "cancelled"), project with { Status = ProjectStatus.Cancelled }, changed =>
            [new FacilityProjectCancelled(State(changed, school), reason)]);

    /// <summary>The school of a proposal (one made from a shortfall names only its zone).</summary>
    public static ProjectStep ChooseSchool(Project project, KnownSchool school) =>
        Take(project, [ProjectStatus.Proposed], new("选定学校", "given a school"), project with { SchoolId = school.Id }, changed =>
            [Proposed(changed, school)]);

    /// <summary>
    /// Why <paramref name="school"/> cannot be the school of a proposal (one made from a shortfall names only its zone):
    /// the project builds a new school, or the school is unknown, closed, of another zone or not serving the project's
    /// stage (a planned school may be registered in Planning first); null when it can.
    /// </summary>
    public static UserText? WhyNotAt(Project project, KnownSchool? school) =>
        project.NewSchoolId is not null ? new($"不能选择：本项目新建学校（{project.NewSchoolName}）。",
            $"cannot be chosen: the project builds a new school ({project.NewSchoolName}).")
        : school is null ? UnknownSchool
        : school.ZoneId != project.ZoneId || school.Status == SchoolStatus.Closed || school.Stages.All(s => s.Stage != project.Stage)
            ? new($"须为本项目学区内、有{SchoolStages.ChineseName(project.Stage)}学段的学校。",
                $"must be a school of the project's zone serving its stage ({project.Stage}).")
            : null;

    public static readonly UserText UnknownSchool = new("不是校建已知的学校。", "is not a school known to Facilities.");

    public static readonly UserText InUseYears = new("须为 2000 年到 2100 年之间的日期。", "must be a date between 2000 and 2100.");

    /// <summary>
    /// 立项: announced, and the staffing the classes will need raised with Workforce (for the next school year when no
    /// date is planned).
    /// </summary>
    public static ProjectStep Approve(Project project, KnownSchool? school, DateOnly today) =>
        Take(project, [ProjectStatus.Proposed], new("立项", "approved"), project with { Status = ProjectStatus.Approved }, changed =>
            [new FacilityProjectApproved(State(changed, school)),
                .. Staffing(changed, school, changed.PlannedInUse ?? new DateOnly(today.Year + 1, 9, 1), "approved")],
            needsSchool: true);

    /// <summary>投入使用 from a date: the capacity announced once per stage, and the staffing raised again.</summary>
    public static ProjectStep Commission(Project project, KnownSchool? school, DateOnly inUseFrom) =>
        Take(project, Active, new("投入使用", "commissioned"),
            project with { Status = ProjectStatus.Commissioned, InUseFrom = inUseFrom }, changed =>
            [.. changed.AllStages.Select(added => new CapacityCommissioned(changed.Id, school?.Id ?? changed.NewSchoolId!.Value,
                added.Stage, added.Classes, added.Places, inUseFrom, OpensSchool: school?.Status == SchoolStatus.Planned,
                // A school the registry does not have yet is registered by Planning with these details.
                school is null ? NewSchool(changed) : null)),
            .. Staffing(changed, school, inUseFrom, "commissioned")],
            needsSchool: true);

    /// <summary>竣工验收 passed (not waived): Workforce is told again, from the planned opening, what the classes need.</summary>
    public static IReadOnlyList<object> Completed(Project project, KnownSchool? school, DateOnly passedOn) =>
        project.HasSchool ? Staffing(project, school, project.PlannedInUse ?? passedOn, "completion") : [];

    /// <summary>
    /// What passing a gate does to the project: 立项 approves a proposed one, 投入使用 commissions it from the gate's
    /// date, 竣工验收 passed (a waived one is no completion to announce) tells Workforce again; null for other gates.
    /// </summary>
    public static ProjectStep? Pass(Project project, KnownSchool? school, Passage passage, DateOnly today) => passage switch
    {
        { Gate: "approved" } when project.Status == ProjectStatus.Proposed => Approve(project, school, today),
        { Gate: "in_use" } => Commission(project, school, passage.Date),
        { Gate: "completion", Waived: false } => new ProjectStep(null, Completed(project, school, passage.Date)),
        _ => null,
    };

    /// <summary>
    /// When the forecast 投入使用 falls in another school year than the planned in-use date (or none is planned), the
    /// planned date follows the forecast; null when it stays.
    /// </summary>
    public static ProjectStep? FollowForecast(Project project, DateOnly forecastInUse, KnownSchool? school) =>
        Active.Contains(project.Status) && (project.PlannedInUse is not { } planned
            || Clocks.SchoolYearFrom(planned) != Clocks.SchoolYearFrom(forecastInUse))
            ? Reschedule(project, forecastInUse, school)
            : null;

    public static FacilityProject State(Project project, KnownSchool? school) =>
        new(project.Id, project.Version, project.DistrictCode, project.ZoneId, school?.Id, project.Name, project.Status.Code(),
            project.AllStages, project.PlannedInUse);

    /// <summary>Null when the project is in one of the statuses a step belongs to; otherwise the conflict, saying why.</summary>
    public static StateConflict? Allows(Project project, IReadOnlyList<ProjectStatus> from, UserText? action = null)
    {
        if (from.Contains(project.Status))
            return null;
        var (step, inUse) = (action ?? Changed, project.InUseFrom);
        return new StateConflict(
            new($"项目{ProjectStatuses.ChineseNames[project.Status]}。", $"The project is {project.Status.Code()}."),
            new($"项目只有在{string.Join("或", from.Select(s => ProjectStatuses.ChineseNames[s]))}时才能{step.Zh}"
                + (inUse is null ? "。" : $"；它已于 {inUse:yyyy-MM-dd} 投入使用。"),
                $"Project {project.Id} can be {step.En} only while {string.Join(" or ", from.Select(s => s.Code()))}"
                + (inUse is null ? "." : $"; it was put into use from {inUse:yyyy-MM-dd}.")));
    }

    private static readonly UserText Changed = new("修改", "changed");

    private static ProjectStep Take(Project project, IReadOnlyList<ProjectStatus> from, UserText action, Project change,
        Func<Project, IReadOnlyList<object>> announce, bool needsSchool = false)
    {
        if (Allows(project, from, action) is { } conflict)
            return ProjectStep.Refused(conflict);
        if (needsSchool && !project.HasSchool)
            return ProjectStep.Refused(new StateConflict(new("项目尚未选定学校。", "The project has no school yet."),
                new("请先为项目选定学校。", $"Choose its school first (PUT /projects/{project.Id}/school).")));
        var changed = change with { Version = project.Version + 1 };
        return new ProjectStep(changed, announce(changed));
    }

    /// <summary>
    /// The teachers the project's classes will need, one requirement per stage. Classes for a school the registry still
    /// has as planned, or does not have yet, open a new school.
    /// </summary>
    private static IReadOnlyList<object> Staffing(Project project, KnownSchool? school, DateOnly from, string milestone) =>
        [.. project.AllStages.Select(stage => new StaffingRequirementRaised(project.Id, project.DistrictCode,
            school?.Id ?? project.NewSchoolId!.Value, stage.Stage, stage.Classes, stage.Places, from,
            NewSchool: school is null || school.Status == SchoolStatus.Planned, milestone))];

    private static NewSchoolDetails NewSchool(Project project) =>
        new(project.NewSchoolName!, project.DistrictCode, project.ZoneId, project.NewSchoolOwnership!);
}
