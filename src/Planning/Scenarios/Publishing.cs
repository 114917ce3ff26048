using Platform.Contracts;

namespace Platform.Planning.Scenarios;

/// <summary>Which shortfalls of an adopted forecast are announced (plain: no I/O).</summary>
public static class Publishing
{
    /// <summary>
    /// Shortfalls of at least <paramref name="thresholdPlaces"/> are announced by zone and stage: every year of a zone
    /// and stage when one of them was not announced before, or its size in classes changed since it was (so the
    /// proposal answering them sees the whole gap of the new forecast); a zone and stage unchanged is left as it was.
    /// </summary>
    public static IReadOnlyList<PlaceShortfallDetected> ShortfallsToAnnounce(
        Guid forecastId, string districtCode, CapacityReport report, double thresholdPlaces,
        IReadOnlyDictionary<(Guid Zone, string Stage, int Year), int> announcedClasses,
        IReadOnlyDictionary<string, string>? zoneNames = null)
    {
        var firstYears = FirstYears(report);
        var due = report.Rows.Where(row => row.Shortfall >= thresholdPlaces).ToList();
        var changed = due
            .Where(row => !announcedClasses.TryGetValue((Guid.Parse(row.Zone), row.Stage, row.Year), out var classes)
                || classes != row.ShortfallClasses)
            .Select(row => (row.Zone, row.Stage)).ToHashSet();
        return due
            .Where(row => changed.Contains((row.Zone, row.Stage)))
            .Select(row => new PlaceShortfallDetected(forecastId, districtCode, Guid.Parse(row.Zone), row.Stage, row.Year,
                firstYears.GetValueOrDefault((row.Zone, row.Stage), row.Year), Math.Round(row.Shortfall, 1), row.ShortfallClasses,
                zoneNames?.GetValueOrDefault(row.Zone)))
            .ToList();
    }

    /// <summary>
    /// The zones and stages the forecast leaves short by at least <paramref name="thresholdPlaces"/>, each from its
    /// first year with its largest gap over the years, marked when among <paramref name="toAnnounce"/>; the earliest
    /// first.
    /// </summary>
    public static IReadOnlyList<ShortfallSummary> Summaries(
        CapacityReport report, double thresholdPlaces, IReadOnlyList<PlaceShortfallDetected> toAnnounce,
        IReadOnlyDictionary<string, string> zoneNames)
    {
        var announced = toAnnounce.Select(s => (s.ZoneId, s.Stage)).ToHashSet();
        var firstYears = FirstYears(report);
        return [.. report.Rows.Where(row => row.Shortfall >= thresholdPlaces).GroupBy(row => (row.Zone, row.Stage)).Select(zone =>
            {
                var largest = zone.MaxBy(row => row.Shortfall)!;
                var id = Guid.Parse(zone.Key.Zone);
                return new ShortfallSummary(id, zoneNames.GetValueOrDefault(zone.Key.Zone, zone.Key.Zone), zone.Key.Stage,
                    firstYears.GetValueOrDefault(zone.Key, zone.Min(row => row.Year)), Math.Round(largest.Shortfall, 1),
                    largest.ShortfallClasses, announced.Contains((id, zone.Key.Stage)));
            })
            .OrderBy(s => s.FirstYear).ThenByDescending(s => s.Places)];
    }

    private static Dictionary<(string Zone, string Stage), int> FirstYears(CapacityReport report) =>
        report.Warnings.Where(w => w.Kind == WarningKind.Shortfall).ToDictionary(w => (w.Zone, w.Stage), w => w.FirstYear);
}
