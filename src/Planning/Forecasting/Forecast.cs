namespace Platform.Planning.Forecasting;

public enum Level { School, Zone, District }

/// <summary>Pupils expected in a unit (school, zone or district), stage and year; of which brought by new housing.</summary>
public sealed record DemandRow(string Unit, string Stage, int Year, double Pupils, double FromHousing);

/// <summary>The result of <see cref="ForecastEngine.Run"/>: projected enrolment for the years after the base year.</summary>
public sealed class Forecast
{
    private readonly IReadOnlyList<SchoolHistory> schools;
    private readonly EnrolmentGrid[] projections;
    private readonly Dictionary<string, int> schoolIndex;
    private readonly IReadOnlyDictionary<(string Zone, string Stage, int Year), double> housing;

    internal Forecast(
        int baseYear, int horizon, IReadOnlyList<SchoolHistory> schools, EnrolmentGrid[] projections,
        IReadOnlyDictionary<(string, string, int), double> housing, IReadOnlyList<UserText> warnings)
    {
        BaseYear = baseYear;
        Horizon = horizon;
        this.schools = schools;
        this.projections = projections;
        this.housing = housing;
        Warnings = warnings;
        schoolIndex = schools.Select((school, i) => (school.SchoolId, i)).ToDictionary(pair => pair.SchoolId, pair => pair.i);
    }

    public int BaseYear { get; }
    public int Horizon { get; }
    public IEnumerable<int> Years => Enumerable.Range(BaseYear + 1, Horizon);

    /// <summary>Schools and grades the forecast could not project from history; they are projected as 0.</summary>
    public IReadOnlyList<UserText> Warnings { get; }

    /// <summary>Projected pupils of one school and grade in a forecast year (NaN outside the forecast).</summary>
    public double Pupils(string schoolId, int grade, int year) =>
        year > BaseYear && year <= BaseYear + Horizon ? projections[schoolIndex[schoolId]][grade, year] : double.NaN;

    /// <summary>Projected pupils by unit, stage and year; zones and districts include housing.</summary>
    public IReadOnlyList<DemandRow> Demand(Level level)
    {
        var totals = new Dictionary<(string Unit, string Stage, int Year), (double Pupils, double Housing)>();
        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            var unit = UnitOf(school, level);
            foreach (var grade in school.Grades)
                foreach (var year in Years)
                {
                    var key = (unit, Grades.StageOf(grade), year);
                    var (pupils, fromHousing) = totals.GetValueOrDefault(key);
                    totals[key] = (pupils + projections[i][grade, year], fromHousing);
                }
        }
        if (level != Level.School)
        {
            var districtOfZone = schools.GroupBy(s => s.ZoneId).ToDictionary(g => g.Key, g => g.First().DistrictId);
            foreach (var ((zone, stage, year), pupils) in housing)
            {
                var key = (level == Level.Zone ? zone : districtOfZone.GetValueOrDefault(zone, zone), stage, year);
                var (total, fromHousing) = totals.GetValueOrDefault(key);
                totals[key] = (total + pupils, fromHousing + pupils);
            }
        }
        return totals
            .Select(t => new DemandRow(t.Key.Unit, t.Key.Stage, t.Key.Year, t.Value.Pupils, t.Value.Housing))
            .OrderBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.Stage, StringComparer.Ordinal).ThenBy(r => r.Year)
            .ToList();
    }

    internal static string UnitOf(SchoolHistory school, Level level) => level switch
    {
        Level.School => school.SchoolId,
        Level.Zone => school.ZoneId,
        _ => school.DistrictId,
    };
}
