using Platform.Contracts;

namespace Platform.Planning.Scenarios;

/// <summary>Which shortfalls of an adopted forecast are announced (plain: no I/O).</summary>
public static class Publishing
{
    /// <summary>
    /// A shortfall of at least <paramref name="thresholdPlaces"/> in a zone, stage and year is announced when it was
    /// not before, or when its size in classes changed since it was; others are left as they were announced.
    /// </summary>
    public static IReadOnlyList<PlaceShortfallDetected> ShortfallsToAnnounce(
        Guid forecastId, string districtCode, CapacityReport report, double thresholdPlaces,
        IReadOnlyDictionary<(Guid Zone, string Stage, int Year), int> announcedClasses)
    {
        var firstYears = report.Warnings.Where(w => w.Kind == WarningKind.Shortfall).ToDictionary(w => (w.Zone, w.Stage), w => w.FirstYear);
        return report.Rows
            .Where(row => row.Shortfall >= thresholdPlaces)
            .Where(row => !announcedClasses.TryGetValue((Guid.Parse(row.Zone), row.Stage, row.Year), out var classes)
                || classes != row.ShortfallClasses)
            .Select(row => new PlaceShortfallDetected(forecastId, districtCode, Guid.Parse(row.Zone), row.Stage, row.Year,
                firstYears.GetValueOrDefault((row.Zone, row.Stage), row.Year), Math.Round(row.Shortfall, 1), row.ShortfallClasses))
            .ToList();
    }
}
