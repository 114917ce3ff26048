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
        var firstYears = report.Warnings.Where(w => w.Kind == WarningKind.Shortfall).ToDictionary(w => (w.Zone, w.Stage), w => w.FirstYear);
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
}
