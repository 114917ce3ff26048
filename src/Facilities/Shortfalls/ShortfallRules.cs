using Platform.BuildingBlocks;
using Platform.Contracts;

namespace Platform.Facilities.Shortfalls;

/// <summary>
/// What a shortfall Planning announced makes of a proposal (谋划), plain: one proposal per zone and stage, named by
/// them and the first year short, planned for a date it can meet.
/// </summary>
public static class ShortfallRules
{
    /// <summary>E.g. "三条石学区 初中学位缺口（2027年起）".</summary>
    public static string Name(string? zoneName, string stage, int firstYear) =>
        $"{(string.IsNullOrWhiteSpace(zoneName) ? "" : zoneName.Trim() + " ")}"
        + $"{SchoolStages.ChineseNames.GetValueOrDefault(stage, stage)}学位缺口（{firstYear}年起）";

    /// <summary>
    /// The day a proposal's places are planned in use: 1 September of the first school year short, but no sooner than
    /// the first 1 September a year or more from today (a project takes that long at the least), so a proposal is not
    /// overdue on the day it is made.
    /// </summary>
    public static DateOnly PlannedInUse(int firstYear, DateOnly today) =>
        new(Math.Max(firstYear, Clocks.SchoolYearFrom(today.AddYears(1))), 9, 1);

    public static Project Propose(PlaceShortfallDetected shortfall, DateOnly today) =>
        new(Guid.CreateVersion7(), 1, null, shortfall.DistrictCode, shortfall.ZoneId,
            Name(shortfall.ZoneName, shortfall.Stage, shortfall.FirstYear), shortfall.Stage, Math.Max(1, shortfall.ShortfallClasses),
            Places(shortfall), ProjectStatus.Proposed, PlannedInUse(shortfall.FirstYear, today), null, shortfall.ForecastId,
            shortfall.FirstYear, (decimal)shortfall.ShortfallPlaces);

    /// <summary>
    /// The open proposal after another announcement for its zone and stage: a newer forecast's gap replaces the one
    /// it answered, larger or smaller (Planning announces every year of a zone and stage whose gap changed); another
    /// year of the same forecast enlarges it when larger. Null when nothing changes. Its planned date stays the one
    /// the facility manager may have set.
    /// </summary>
    public static Project? Update(Project open, PlaceShortfallDetected shortfall)
    {
        var sameForecast = open.ShortfallForecastId == shortfall.ForecastId;
        if (sameForecast && open.ShortfallPlaces >= (decimal)shortfall.ShortfallPlaces)
            return null;
        var firstYear = sameForecast && open.ShortfallFirstYear is { } earlier
            ? Math.Min(earlier, shortfall.FirstYear)
            : shortfall.FirstYear;
        return open with
        {
            Version = open.Version + 1,
            Name = Name(shortfall.ZoneName, shortfall.Stage, firstYear),
            ClassesAdded = Math.Max(1, shortfall.ShortfallClasses),
            PlacesAdded = Places(shortfall),
            ShortfallForecastId = shortfall.ForecastId,
            ShortfallFirstYear = firstYear,
            ShortfallPlaces = (decimal)shortfall.ShortfallPlaces,
        };
    }

    private static int Places(PlaceShortfallDetected shortfall) => (int)Math.Ceiling(shortfall.ShortfallPlaces);
}
