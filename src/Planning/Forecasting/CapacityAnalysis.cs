using Platform.Contracts;

namespace Platform.Planning.Forecasting;

/// <summary>
/// Places (学位) available in a zone and stage: from <see cref="FromYear"/> (a planned school's opening, or the school
/// year a project is in use) until <see cref="UntilYear"/> (a closure), both inclusive. <see cref="FromPipeline"/>:
/// places of a facility project that is not yet in use.
/// </summary>
public sealed record CapacitySource(
    string ZoneId, string Stage, int Places, int Classes, int FromYear = int.MinValue, int UntilYear = int.MaxValue,
    bool FromPipeline = false);

public sealed record CapacitySettings
{
    /// <summary>Below this utilisation a zone's stage has places to spare (红桥's plan is about decline too).</summary>
    public double SurplusBelowUtilisation { get; init; } = 0.85;

    /// <summary>大班额 starts at 56 pupils per class (56-65 大班额, 66 and more 超大班额).</summary>
    public int LargeClassPupils { get; init; } = 56;

    /// <summary>Warnings whose first year is at most this many years after the base year are urgent.</summary>
    public int UrgentWithinYears { get; init; } = 2;
}

/// <summary>
/// Demand against capacity per zone, stage and year (domain.md, "Places and capacity"): utilisation = demand /
/// capacity; a shortfall is demand above capacity, in places and in classes at the zone's average norm; a surplus
/// is capacity unused below the surplus threshold; 大班额 risk when demand per class reaches the large-class size.
/// Warnings: per zone and stage the first year of each kind and its largest size, urgent ones first, then by severity.
/// </summary>
public static class CapacityAnalysis
{
    public static CapacityReport Run(
        IEnumerable<DemandRow> zoneDemand, IReadOnlyList<CapacitySource> capacity, int baseYear, CapacitySettings settings)
    {
        var rows = new List<CapacityRow>();
        var byZoneAndStage = capacity.ToLookup(c => (c.ZoneId, c.Stage));
        foreach (var demand in zoneDemand)
        {
            var sources = byZoneAndStage[(demand.Unit, demand.Stage)]
                .Where(c => c.FromYear <= demand.Year && demand.Year <= c.UntilYear)
                .ToList();
            var places = sources.Sum(c => c.Places);
            var classes = sources.Sum(c => c.Classes);
            var norm = classes > 0 ? (double)places / classes : Schools.Stage.All[demand.Stage].DefaultClassSizeNorm;
            var gap = demand.Pupils - places;
            var surplus = places > 0 && demand.Pupils / places < settings.SurplusBelowUtilisation ? places - demand.Pupils : 0;
            var perClass = classes > 0 ? demand.Pupils / classes : double.PositiveInfinity;
            rows.Add(new CapacityRow(demand.Unit, demand.Stage, demand.Year, demand.Pupils, places,
                sources.Where(c => c.FromPipeline).Sum(c => c.Places), classes,
                places > 0 ? demand.Pupils / places : null, // no places at all
                Math.Max(gap, 0), gap > 0 ? (int)Math.Ceiling(gap / norm) : 0,
                surplus, (int)Math.Floor(surplus / norm),
                classes > 0 ? perClass : 0, perClass >= settings.LargeClassPupils));
        }

        var warnings = new List<CapacityWarning>();
        foreach (var series in rows.GroupBy(r => (r.Zone, r.Stage)))
        {
            var byYear = series.OrderBy(r => r.Year).ToList();
            Warn(byYear.Where(r => r.Shortfall > 0).ToList(), WarningKind.Shortfall,
                r => r.Shortfall, r => r.ShortfallClasses, r => r.Shortfall / Math.Max(r.Capacity, 1));
            Warn(byYear.Where(r => r.LargeClassRisk && r.Shortfall == 0).ToList(), WarningKind.LargeClasses,
                r => 0, r => 0, r => r.PupilsPerClass / settings.LargeClassPupils - 1);
            Warn(byYear.Where(r => r.Surplus > 0).ToList(), WarningKind.Surplus,
                r => r.Surplus, r => r.SurplusClasses, r => r.Surplus / Math.Max(r.Capacity, 1));

            void Warn(
                List<CapacityRow> years, WarningKind kind, Func<CapacityRow, double> places, Func<CapacityRow, int> classes,
                Func<CapacityRow, double> severity)
            {
                if (years.Count == 0)
                    return;
                var worst = years.MaxBy(places)!;
                warnings.Add(new CapacityWarning(series.Key.Zone, series.Key.Stage, kind, years[0].Year, places(worst), classes(worst),
                    years.Max(severity), years[0].Year <= baseYear + settings.UrgentWithinYears));
            }
        }
        return new CapacityReport(rows,
            warnings.OrderByDescending(w => w.Urgent).ThenBy(w => w.Kind).ThenByDescending(w => w.Severity).ToList());
    }
}
