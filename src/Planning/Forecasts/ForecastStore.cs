using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;
using Platform.Planning.Enrolment;
using Platform.Planning.Forecasting;

namespace Platform.Planning.Forecasts;

/// <summary>The district, a zone or a school (Kind) of a forecast, by code or id, with its name.</summary>
public sealed record ForecastUnit(string Kind, string Id, string Name);

/// <summary>
/// Loads what the engine needs for one district: its schools' enrolment history, its births and its housing; and the
/// areas its results are named by.
/// </summary>
public static class ForecastStore
{
    /// <summary>
    /// The district's schools that are not closed, with their enrolment; the base year is the latest year with
    /// enrolment unless given. Births of the district and of each zone that has its own series; after the last
    /// registered year they take the district's <paramref name="birthSeries"/> where it gives a year, and otherwise
    /// grow from the year before by <paramref name="birthGrowth"/> (0 keeps them flat), up to the last year the
    /// horizon needs. Housing: the developments completed after the base year (earlier ones are in the enrolment).
    /// </summary>
    /// <returns>null when the district has no enrolment yet.</returns>
    public static async Task<ForecastInput?> LoadAsync(
        NpgsqlConnection connection, string districtCode, int? baseYear, int horizon, double birthGrowth,
        IReadOnlyDictionary<int, int>? birthSeries, CancellationToken cancellationToken)
    {
        var schools = (await EnrolmentStore.SchoolsAsync(connection, districtCode, cancellationToken))
            .Where(s => s.Status != SchoolStatus.Closed)
            .ToList();
        var enrolment = await EnrolmentStore.ListAsync(connection, districtCode, null, cancellationToken);
        if (enrolment.Count == 0)
            return null;

        var lastYear = baseYear ?? enrolment.Max(e => e.Year);
        var firstYear = Math.Min(enrolment.Min(e => e.Year), lastYear);
        var bySchool = enrolment.ToLookup(e => e.SchoolId);
        var histories = schools.Select(school =>
        {
            var grid = new EnrolmentGrid(
                firstYear, Math.Max(lastYear, bySchool[school.Id].Select(e => e.Year).DefaultIfEmpty(lastYear).Max()));
            foreach (var row in bySchool[school.Id])
                grid[row.Grade, row.Year] = row.Pupils;
            return new SchoolHistory(school.Id.ToString(), school.ZoneId.ToString(), districtCode, school.Grades, grid);
        }).ToList();

        // The district's series, and each zone's own series where one is registered (keyed by zone id).
        var births = (await connection.ListAsync<(string Area, int Year, int Births)>("""
                SELECT coalesce(zone_id::text, district_code), year, births
                FROM births
                WHERE district_code = @districtCode
                """, new { districtCode }, cancellationToken))
            .GroupBy(b => b.Area)
            .ToDictionary(area => area.Key, area => (IReadOnlyDictionary<int, double>)Extend(
                area.ToDictionary(b => b.Year, b => (double)b.Births), lastYear + horizon, birthGrowth,
                area.Key == districtCode ? birthSeries : null));
        var housing = await connection.ListAsync<HousingDevelopment>("""
            SELECT zone_id::text AS ZoneId, dwellings, completion_year AS CompletionYear
            FROM housing_developments
            WHERE district_code = @districtCode AND completion_year > @lastYear
            """, new { districtCode, lastYear }, cancellationToken);
        return new ForecastInput(lastYear, histories, births, housing.ToList());
    }

    /// <summary>The district, its zones and its schools, so moves are checked and results read as names.</summary>
    public static async Task<IReadOnlyList<ForecastUnit>> UnitsAsync(
        NpgsqlConnection connection, string district, CancellationToken cancellationToken) =>
        (await connection.ListAsync<ForecastUnit>("""
            SELECT 'district' AS Kind, code AS Id, name
            FROM districts
            WHERE code = @district
            UNION ALL
            SELECT 'zone', id::text, name
            FROM zones
            WHERE district_code = @district
            UNION ALL
            SELECT 'school', id::text, name
            FROM schools
            WHERE district_code = @district
            """, new { district }, cancellationToken)).ToList();

    /// <summary>
    /// Births after the last registered year, up to what the horizon needs: from the series, else grown from the year
    /// before.
    /// </summary>
    private static Dictionary<int, double> Extend(
        Dictionary<int, double> births, int lastForecastYear, double growth, IReadOnlyDictionary<int, int>? series)
    {
        // 小班 in the last forecast year was born three years before it.
        for (var year = births.Keys.Max() + 1; year <= lastForecastYear - 3; year++)
            births[year] = series?.TryGetValue(year, out var given) == true ? given : births[year - 1] * (1 + growth);
        return births;
    }
}
