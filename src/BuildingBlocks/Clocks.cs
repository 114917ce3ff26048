namespace Platform.BuildingBlocks;

public static class Clocks
{
    /// <summary>Beijing time, the bureaus' day: China keeps UTC+8 all year, with no daylight saving.</summary>
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The day rules are checked against: today in Beijing (1 September begins at 16:00 UTC on 31 August).</summary>
    public static DateOnly Today(this TimeProvider clock) => DayOf(clock.GetUtcNow());

    /// <summary>
    /// The school year whose first day (1 September) is the first on or after <paramref name="day"/>: the year places
    /// in use on that day are first used in, or a term starting then begins.
    /// </summary>
    public static int SchoolYearFrom(DateOnly day) => day <= new DateOnly(day.Year, 9, 1) ? day.Year : day.Year + 1;

    /// <summary>The day an instant falls on in Beijing (an instant read from the database is UTC).</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Beijing).DateTime);
}
