using Platform.Planning.Enrolment;

namespace Platform.Planning.Forecasting;

/// <summary>
/// Cohort-survival enrolment forecast (domain.md, "Forecasting enrolment"), plain and without I/O:
/// <list type="bullet">
/// <item>entry grades (小班, grade 1): Ê[g,t] = mean(E[g,τ] / B[τ-L]) · B[t-L]</item>
/// <item>other grades: Ê[g,t] = R[g] · Ê[g-1,t-1], R summarised from r[g,τ] = E[g,τ] / E[g-1,τ-1]</item>
/// <item>grades 7 and 10 at a school without the grade before (小升初, 初升高): the same ratio against the sum of
/// grade 6 (or 9) over the zone's feeder schools, or over the district's when the zone has none (初升高 admission
/// is often district-wide)</item>
/// <item>housing: dwellings × yield(stage) × maturation(t - completion), added per zone and stage</item>
/// </list>
/// Every projected ratio is multiplied by the migration factor. Only years up to the base year are read.
/// </summary>
public static class ForecastEngine
{
    private enum Source { None, Births, OwnPreviousGrade, ZoneFeeders, DistrictFeeders }

    private sealed record GradeRule(Source Source, double Ratio);

    public static Forecast Run(ForecastInput input, ForecastSettings settings)
    {
        var problems = settings.Problems();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems.Select(p => $"{p.Key} {p.Value.En}")), nameof(settings));

        var baseYear = input.BaseYear;
        var lastYear = baseYear + settings.Horizon;
        var firstYear = input.Schools.Count == 0 ? baseYear : Math.Min(baseYear, input.Schools.Min(s => s.Enrolment.FirstYear));
        var warnings = new List<UserText>();

        var zoneTotals = input.Schools
            .Select(s => s.ZoneId)
            .Distinct()
            .ToDictionary(zone => zone, _ => new EnrolmentGrid(firstYear, lastYear));
        var districtTotals = input.Schools
            .Select(s => s.DistrictId)
            .Distinct()
            .ToDictionary(district => district, _ => new EnrolmentGrid(firstYear, lastYear));
        foreach (var school in input.Schools)
            for (var year = school.Enrolment.FirstYear; year <= Math.Min(baseYear, school.Enrolment.LastYear); year++)
                foreach (var grade in school.Grades)
                    AddTo(zoneTotals[school.ZoneId], districtTotals[school.DistrictId], grade, year, school.Enrolment[grade, year]);

        var projections = new EnrolmentGrid[input.Schools.Count];
        var rules = new GradeRule[input.Schools.Count][];
        for (var i = 0; i < input.Schools.Count; i++)
        {
            var school = input.Schools[i];
            rules[i] = Grades.All.Select(grade => school.Grades.Contains(grade)
                ? RuleFor(school, grade, input, zoneTotals[school.ZoneId], districtTotals[school.DistrictId], settings, warnings)
                : new GradeRule(Source.None, 0)).ToArray();
            projections[i] = new EnrolmentGrid(Math.Min(school.Enrolment.FirstYear, baseYear), lastYear);
            for (var year = school.Enrolment.FirstYear; year <= Math.Min(baseYear, school.Enrolment.LastYear); year++)
                foreach (var grade in school.Grades)
                    projections[i][grade, year] = school.Enrolment[grade, year];
        }

        for (var year = baseYear + 1; year <= lastYear; year++)
        {
            for (var i = 0; i < input.Schools.Count; i++)
            {
                var school = input.Schools[i];
                foreach (var grade in school.Grades)
                {
                    var rule = rules[i][grade - Grades.Min];
                    var from = rule.Source switch
                    {
                        Source.Births => RequiredBirths(input, school, year - Grades.BirthLag(grade)!.Value),
                        Source.OwnPreviousGrade => projections[i][grade - 1, year - 1],
                        Source.ZoneFeeders => zoneTotals[school.ZoneId][grade - 1, year - 1],
                        Source.DistrictFeeders => districtTotals[school.DistrictId][grade - 1, year - 1],
                        _ => 0,
                    };
                    projections[i][grade, year] = rule.Ratio * settings.MigrationFactor * (double.IsNaN(from) ? 0 : from);
                }
            }
            for (var i = 0; i < input.Schools.Count; i++)
                foreach (var grade in input.Schools[i].Grades)
                    AddTo(zoneTotals[input.Schools[i].ZoneId], districtTotals[input.Schools[i].DistrictId], grade, year,
                        projections[i][grade, year]);
        }

        return new Forecast(
            baseYear, settings.Horizon, input.Schools, projections, HousingDemand(input, settings, baseYear, lastYear), warnings);
    }

    private static GradeRule RuleFor(
        SchoolHistory school, int grade, ForecastInput input, EnrolmentGrid zone, EnrolmentGrid district, ForecastSettings settings,
        List<UserText> warnings)
    {
        var history = school.Enrolment;
        // Feeders' years read by the ratios below: the year before each of the last n years.
        var feederYears = Enumerable.Range(input.BaseYear - settings.RatioYears, settings.RatioYears);
        var (feederSource, feederTotals) = feederYears.Any(year => !double.IsNaN(zone[grade - 1, year]))
            ? (Source.ZoneFeeders, zone)
            : (Source.DistrictFeeders, district);
        var (source, years, numerator, denominator) = Grades.BirthLag(grade) is { } lag
            ? (Source.Births, settings.EntryRatioYears, (Func<int, double>)(t => history[grade, t]),
                (Func<int, double>)(t => BirthsIfKnown(input, school, t - lag)))
            : school.Grades.Contains(grade - 1)
                ? (Source.OwnPreviousGrade, settings.RatioYears, t => history[grade, t], t => history[grade - 1, t - 1])
                : Grades.IsStageTransition(grade)
                    ? (feederSource, settings.RatioYears, t => history[grade, t], t => feederTotals[grade - 1, t - 1])
                    : (Source.None, 0, _ => double.NaN, _ => double.NaN);
        if (source == Source.None)
        {
            warnings.Add(new(
                $"学校 {school.SchoolId}：{GradeNames.Name(grade)}既无前一年级，也不是起始年级，按 0 预测。",
                $"School {school.SchoolId}: grade {grade} has no grade before it and is not an entry grade; projected as 0."));
            return new GradeRule(Source.None, 0);
        }

        var ratios = new List<double>();
        for (var t = input.BaseYear - years + 1; t <= input.BaseYear; t++)
        {
            double top = numerator(t), bottom = denominator(t);
            if (!double.IsNaN(top) && !double.IsNaN(bottom) && bottom > 0)
                ratios.Add(top / bottom);
        }
        if (ratios.Count == 0)
        {
            warnings.Add(new(
                $"学校 {school.SchoolId}：{GradeNames.Name(grade)}近 {years} 年没有可用的历史数据，按 0 预测。",
                $"School {school.SchoolId}: grade {grade} has no usable history in the last {years} years; projected as 0."));
            return new GradeRule(source, 0);
        }
        // Birth-to-entry ratios are averaged (domain.md); progression ratios follow the chosen method.
        var method = source == Source.Births ? RatioMethod.Mean : settings.Method;
        return new GradeRule(source, RatioSummary.Summarise(ratios, method, settings.Alpha));
    }

    /// <summary>Births a projection needs: missing ones stop the forecast with the year to add.</summary>
    private static double RequiredBirths(ForecastInput input, SchoolHistory school, int year) =>
        BirthsIfKnown(input, school, year) is var count && !double.IsNaN(count)
            ? count
            : throw new ForecastInputException(new(
                $"预测需要 {school.DistrictId} 区 {year} 年的出生人口："
                + $"请把出生人口序列（方案的预计出生数）延长到 {year} 年。",
                $"Births for {year} are needed for {school.DistrictId}; extend the births series (a scenario's birth variant) to {year}."));

    /// <summary>Births for an entry ratio of the past: a gap only leaves that year's ratio out.</summary>
    private static double BirthsIfKnown(ForecastInput input, SchoolHistory school, int year)
    {
        var births = input.BirthsFor(school)
            ?? throw new ForecastInputException(new($"学区 {school.ZoneId} 和 {school.DistrictId} 区都没有登记出生人口。",
                $"No births are registered for zone {school.ZoneId} or district {school.DistrictId}."));
        return births.TryGetValue(year, out var count) ? count : double.NaN;
    }

    private static void AddTo(EnrolmentGrid zone, EnrolmentGrid district, int grade, int year, double value)
    {
        if (double.IsNaN(value))
            return;
        foreach (var totals in new[] { zone, district })
        {
            var current = totals[grade, year];
            totals[grade, year] = double.IsNaN(current) ? value : current + value;
        }
    }

    private static Dictionary<(string Zone, string Stage, int Year), double> HousingDemand(
        ForecastInput input, ForecastSettings settings, int baseYear, int lastYear)
    {
        var demand = new Dictionary<(string, string, int), double>();
        if (settings.Housing is not { } housing)
            return demand;
        foreach (var development in input.Housing)
            foreach (var (stage, yield) in housing.Yields())
                for (var year = baseYear + 1; year <= lastYear; year++)
                {
                    var pupils = development.Dwellings * yield * housing.Factor(year - development.CompletionYear);
                    if (pupils > 0)
                        demand[(development.ZoneId, stage, year)] = demand.GetValueOrDefault((development.ZoneId, stage, year)) + pupils;
                }
        return demand;
    }
}
