using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;

namespace Platform.Planning.Indicators;

/// <summary>An indicator of the plans. (Init properties: Dapper binds text[] only to them, not to a constructor.)</summary>
public sealed record Indicator
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string English { get; init; } = "";
    public string Unit { get; init; } = "";
    public string Better { get; init; } = "";
    public string[] Aliases { get; init; } = [];
    public string? Formula { get; init; }
}

/// <summary>A value of an indicator for an area and year: computed from Planning's data, or entered (observed).</summary>
public sealed record AreaValue(string IndicatorCode, string Stage, int Year, double Value, string Source);

public static class IndicatorStore
{
    public static async Task<IReadOnlyList<Indicator>> IndicatorsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.ListAsync<Indicator>("""
            SELECT code, name, english, unit, better, aliases, formula
            FROM indicators
            ORDER BY code
            """, null, cancellationToken)).ToList();

    public static async Task<IReadOnlyList<IndicatorPlan>> PlansAsync(
        NpgsqlConnection connection, string? id, CancellationToken cancellationToken) =>
        (await connection.ListAsync<IndicatorPlan>("""
            SELECT id, area_code AS AreaCode, area_name AS AreaName, title, baseline_year AS BaselineYear, target_year AS TargetYear,
                   document_status AS DocumentStatus, source
            FROM plans
            WHERE @id::text IS NULL OR id = @id
            ORDER BY area_code, baseline_year
            """, new { id }, cancellationToken)).ToList();

    public static async Task<IReadOnlyList<TargetRow>> TargetsAsync(
        NpgsqlConnection connection, string planId, CancellationToken cancellationToken) =>
        (await connection.ListAsync<TargetRow>("""
            SELECT t.indicator_code AS IndicatorCode, i.name, i.unit, i.better, t.stage, t.label,
                   t.baseline_comparator AS BaselineComparator, t.baseline_value::float8 AS BaselineValue,
                   t.target_comparator AS TargetComparator, t.target_value::float8 AS TargetValue, t.binding
            FROM plan_targets t
            JOIN indicators i ON i.code = t.indicator_code
            WHERE t.plan_id = @planId
            ORDER BY t.ctid
            """, new { planId }, cancellationToken)).ToList();

    /// <summary>
    /// Every value known for an area: computed ones (for a district) and entered ones; entered ones win in the same year.
    /// </summary>
    public static async Task<IReadOnlyList<AreaValue>> ValuesAsync(
        NpgsqlConnection connection, string areaCode, int largeClassPupils, CancellationToken cancellationToken)
    {
        var observed = (await connection.ListAsync<AreaValue>("""
            SELECT indicator_code AS IndicatorCode, stage, year, value::float8 AS Value, source
            FROM indicator_observations
            WHERE area_code = @areaCode
            """, new { areaCode }, cancellationToken)).ToList();
        var years = (await connection.ListAsync<YearFigures>("""
            WITH e AS (
                SELECT e.year,
                       sum(e.pupils) FILTER (WHERE e.grade <= 0) AS kindergarten,
                       sum(e.pupils) FILTER (WHERE e.grade <= 0 AND s.ownership = 'public') AS public_kindergarten,
                       sum(e.pupils) FILTER (WHERE e.grade <= 0 AND s.ownership = 'inclusive_private') AS inclusive_kindergarten,
                       sum(e.pupils) FILTER (WHERE e.grade = 1) AS grade1,
                       sum(e.pupils) FILTER (WHERE e.grade = 9) AS grade9,
                       sum(e.pupils) FILTER (WHERE e.grade >= 10) AS senior
                FROM enrolment e
                JOIN schools s ON s.id = e.school_id
                WHERE s.district_code = @areaCode
                GROUP BY e.year
            ), p AS (
                SELECT year,
                       CASE WHEN count(*) FILTER (WHERE age BETWEEN 3 AND 5) = 3
                            THEN sum(persons) FILTER (WHERE age BETWEEN 3 AND 5) END AS aged3to5,
                       CASE WHEN count(*) FILTER (WHERE age BETWEEN 15 AND 17) = 3
                            THEN sum(persons) FILTER (WHERE age BETWEEN 15 AND 17) END AS aged15to17
                FROM population
                WHERE district_code = @areaCode
                GROUP BY year
            )
            SELECT e.year AS Year, coalesce(e.kindergarten, 0)::int AS KindergartenPupils,
                   coalesce(e.public_kindergarten, 0)::int AS PublicKindergartenPupils,
                   coalesce(e.inclusive_kindergarten, 0)::int AS InclusiveKindergartenPupils, coalesce(e.grade1, 0)::int AS Grade1Pupils,
                   coalesce(e.grade9, 0)::int AS Grade9Pupils, coalesce(e.senior, 0)::int AS SeniorPupils,
                   p.aged3to5::int AS Aged3To5, p.aged15to17::int AS Aged15To17
            FROM e
            LEFT JOIN p ON p.year = e.year
            ORDER BY e.year
            """, new { areaCode }, cancellationToken)).ToList();
        var registry = years.Count == 0 ? null : await connection.SingleAsync<RegistryFigures>("""
            WITH classes AS (
                SELECT c.classes, coalesce(e.pupils, 0) AS pupils
                FROM school_classes c
                JOIN schools s ON s.id = c.school_id
                LEFT JOIN enrolment e ON e.school_id = c.school_id AND e.grade = c.grade AND e.year = @year
                WHERE s.district_code = @areaCode AND s.status = 'open' AND c.grade BETWEEN 1 AND 9 AND c.classes > 0
            ), compulsory AS (
                SELECT DISTINCT s.id, z.kind
                FROM schools s
                JOIN school_stages st ON st.school_id = s.id
                JOIN zones z ON z.id = s.zone_id
                WHERE s.district_code = @areaCode AND s.status = 'open' AND st.stage IN ('primary', 'junior_secondary')
            )
            SELECT @year AS Year,
                   (SELECT coalesce(sum(classes), 0) FROM classes)::int AS CompulsoryClasses,
                   (SELECT coalesce(sum(classes) FILTER (WHERE pupils >= @largeClassPupils * classes), 0)
                    FROM classes)::int AS LargeCompulsoryClasses,
                   (SELECT count(*) FROM compulsory)::int AS OpenCompulsorySchools,
                   (SELECT count(*) FILTER (WHERE kind = 'school_district') FROM compulsory)::int AS ZonedCompulsorySchools
            """, new { areaCode, year = years[^1].Year, largeClassPupils }, cancellationToken);
        var computed = IndicatorValues.Compute(years, registry)
            .Where(v => !observed.Any(o => o.IndicatorCode == v.IndicatorCode && o.Stage == "" && o.Year == v.Year))
            .Select(v => new AreaValue(v.IndicatorCode, "", v.Year, v.Value, "computed"));
        return observed.Concat(computed).OrderBy(v => v.IndicatorCode).ThenBy(v => v.Stage).ThenBy(v => v.Year).ToList();
    }

    /// <summary>Whether the area is a district or a plan's area, and whether the indicator exists.</summary>
    public static Task<(bool Area, bool Indicator)> KnownAsync(
        NpgsqlConnection connection, string area, string code, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync<(bool Area, bool Indicator)>("""
            SELECT EXISTS (SELECT 1 FROM districts WHERE code = @area) OR EXISTS (SELECT 1 FROM plans WHERE area_code = @area),
                   EXISTS (SELECT 1 FROM indicators WHERE code = @code)
            """, new { area, code }, cancellationToken);

    /// <summary>An area's value of an indicator for a stage and year, replacing one entered before.</summary>
    public static Task RecordAsync(NpgsqlConnection connection, string area, AreaValue value, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            INSERT INTO indicator_observations (area_code, indicator_code, stage, year, value, source)
            VALUES (@area, @IndicatorCode, @Stage, @Year, @Value, @Source)
            ON CONFLICT (area_code, indicator_code, stage, year) DO UPDATE
                SET value = excluded.value, source = excluded.source, entered_at = now()
            """, new { area, value.IndicatorCode, value.Stage, value.Year, value.Value, value.Source }, cancellationToken);
}
