namespace Platform.Contracts;

/// <summary>Pupils expected in a zone, stage and school year.</summary>
public sealed record ZoneStageDemand(Guid ZoneId, string Stage, int Year, double Pupils);

/// <summary>A planner adopted a scenario's forecast as the district's official one (Planning → Workforce, Facilities).</summary>
public sealed record PlaceDemandForecastPublished(
    Guid ForecastId,
    string DistrictCode,
    Guid ScenarioId,
    string ScenarioName,
    int BaseYear,
    DateTimeOffset PublishedAt,
    IReadOnlyList<ZoneStageDemand> Demand);

/// <summary>
/// The official forecast leaves a zone and stage short of places in a school year (Planning → Facilities): the gap
/// in places and in classes, and the first year of the shortfall it belongs to. Published for every year of a zone and
/// stage when one of them is new or its gap changed by a whole class or more; the zone's name travels with it.
/// </summary>
public sealed record PlaceShortfallDetected(
    Guid ForecastId,
    string DistrictCode,
    Guid ZoneId,
    string Stage,
    int Year,
    int FirstYear,
    double ShortfallPlaces,
    int ShortfallClasses,
    string? ZoneName = null);

/// <summary>Pupils of one stage at a school in a school year.</summary>
public sealed record StagePupils(int Year, string Stage, int Pupils);

/// <summary>
/// Enrolment of a school was recorded (Planning → Workforce): the stored totals of each stage for every school year
/// the import touched. <see cref="RecordedAt"/> orders the events of one school: the newest totals win.
/// </summary>
public sealed record EnrolmentRecorded(Guid SchoolId, string DistrictCode, DateTimeOffset RecordedAt, IReadOnlyList<StagePupils> Pupils);
