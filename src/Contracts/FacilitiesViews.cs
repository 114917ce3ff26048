namespace Platform.Contracts;

// What Facilities answers over HTTP, shared with the UI so that both read one shape. Enums travel as their camelCase
// names (Codes.Code), as every service's JSON options and the UI's ServiceApi have them.

/// <summary>Where a project stands: 谋划, 立项, 撤销 or 投入使用.</summary>
public enum ProjectStatus { Proposed, Approved, Cancelled, Commissioned }

public static class ProjectStatuses
{
    public static readonly IReadOnlyDictionary<ProjectStatus, string> ChineseNames = new Dictionary<ProjectStatus, string>
    {
        [ProjectStatus.Proposed] = "谋划", [ProjectStatus.Approved] = "已立项", [ProjectStatus.Cancelled] = "已撤销",
        [ProjectStatus.Commissioned] = "已投入使用",
    };
}

/// <summary>
/// How a project reaches its places: built by the government (incl. 改扩建, 迁建), or built by a developer and handed
/// over (接收配套).
/// </summary>
public enum DeliveryPath { Government, Developer }

/// <summary>
/// A project of a district and zone; <see cref="SchoolId"/> is null until its school is chosen (a proposal made from a
/// shortfall). The shortfall fields link such a proposal to the PlaceShortfallDetected it answers.
/// The main stage's classes and places are <see cref="Stage"/>, <see cref="ClassesAdded"/> and
/// <see cref="PlacesAdded"/>; a nine- or twelve-year school adds <see cref="OtherStages"/> too. A project that builds a
/// school the registry does not have yet names it (<see cref="NewSchoolId"/>, chosen by Facilities, with its name and
/// ownership) instead of a school.
/// </summary>
public sealed record Project(
    Guid Id, int Version, Guid? SchoolId, string DistrictCode, Guid ZoneId, string Name, string Stage,
    int ClassesAdded, int PlacesAdded, ProjectStatus Status, DateOnly? PlannedInUse, DateOnly? InUseFrom,
    Guid? ShortfallForecastId = null, int? ShortfallFirstYear = null, decimal? ShortfallPlaces = null,
    Guid? NewSchoolId = null, string? NewSchoolName = null, string? NewSchoolOwnership = null)
{
    public IReadOnlyList<StagePlaces> OtherStages { get; init; } = [];

    /// <summary>Every stage the project adds places in, the main one first.</summary>
    public IReadOnlyList<StagePlaces> AllStages => [new(Stage, ClassesAdded, PlacesAdded), .. OtherStages];

    /// <summary>Whether it has a school to build for: one of the registry's, or a new one it names.</summary>
    public bool HasSchool => SchoolId is not null || NewSchoolId is not null;
}

public enum FlagKind { Overdue, OpeningSlips, EstimateOverrun }

/// <summary>A warning on a project's schedule or budget, in the planners' words.</summary>
public sealed record Flag(FlagKind Kind, string Gate, string Text);

public enum EstimateKind { Feasibility, Design, Final }

/// <summary>A cost estimate of the project (万元): 可研估算, 概算 or 决算.</summary>
public sealed record Estimate(EstimateKind Kind, decimal Amount, DateOnly Date);

/// <summary>Earned value on a status date (万元): planned value, earned value and actual cost.</summary>
public sealed record EarnedValue(decimal PlannedValue, decimal EarnedValueAmount, decimal ActualCost)
{
    /// <summary>Schedule performance: EV / PV (below 1: behind schedule).</summary>
    public double? Spi => PlannedValue > 0 ? (double)(EarnedValueAmount / PlannedValue) : null;

    /// <summary>Cost performance: EV / AC (below 1: over budget).</summary>
    public double? Cpi => ActualCost > 0 ? (double)(EarnedValueAmount / ActualCost) : null;
}

/// <summary>A gate of a project's schedule: planned (first and now), passed or forecast, and who recorded it on what.</summary>
public sealed record MilestoneView(
    string Gate, string ChineseName, DateOnly? Baseline, DateOnly? Planned, DateOnly? Actual, DateOnly? Forecast,
    string? UserName, string? DisplayName, string? DocumentReference, string? WaiverReason);

/// <summary>
/// A project's schedule: its gates, the school year its places open (planned, first planned, forecast), the warnings,
/// estimates and earned value.
/// </summary>
public sealed record ScheduleView(
    Guid ProjectId, string Name, ProjectStatus Status, DeliveryPath Path, string? CurrentGate,
    int PlannedOpeningYear, int BaselineOpeningYear, int ForecastOpeningYear, bool Slips,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<Flag> Flags, IReadOnlyList<Estimate> Estimates,
    EarnedValue? EarnedValue, double? Spi, double? Cpi);

/// <summary>储备 (not yet under construction), 在建 (under construction), 竣工 (built, not yet in use).</summary>
public enum PortfolioStatus { Reserve, UnderConstruction, Completed }

/// <summary>Places arriving in a school year, by district, stage and status; as planned and as forecast (risk-adjusted).</summary>
public sealed record PlacesArriving(
    string DistrictCode, string Stage, PortfolioStatus Status, int Year, int PlannedPlaces, int ForecastPlaces);

/// <summary>The portfolio: places arriving per year, and the schedule of every project still being delivered.</summary>
public sealed record PortfolioView(IReadOnlyList<PlacesArriving> Arriving, IReadOnlyList<ScheduleView> Projects);
