using Dapper;
using Npgsql;
using Platform.Planning.Enrolment;
using Platform.Planning.Forecasting;

namespace Platform.Planning.Forecasts;

/// <summary>Loads what the engine needs for one district: its schools' enrolment history and its births.</summary>
public static class ForecastData
{
    /// <summary>
    /// The district's schools that are not closed, with their enrolment; the base year is the latest year with
    /// enrolment unless given. Births after the last registered year grow by <paramref name="birthGrowth"/> a year
    /// (0 keeps them flat) up to the last year the horizon needs.
    /// </summary>
    /// <returns>null when the district has no enrolment yet.</returns>
    public static async Task<ForecastInput?> LoadAsync(
        NpgsqlConnection connection, string districtCode, int? baseYear, int horizon, double birthGrowth, CancellationToken cancellationToken)
    {
        var schools = (await EnrolmentQueries.SchoolsAsync(connection, districtCode, cancellationToken)).Where(s => s.Status != "closed").ToList();
        var enrolment = await EnrolmentQueries.ListAsync(connection, districtCode, null, cancellationToken);
        if (enrolment.Count == 0)
            return null;

        var lastYear = baseYear ?? enrolment.Max(e => e.Year);
        var firstYear = Math.Min(enrolment.Min(e => e.Year), lastYear);
        var bySchool = enrolment.ToLookup(e => e.SchoolId);
        var histories = schools.Select(school =>
        {
            var grid = new EnrolmentGrid(firstYear, Math.Max(lastYear, bySchool[school.Id].Select(e => e.Year).DefaultIfEmpty(lastYear).Max()));
            foreach (var row in bySchool[school.Id])
                grid[row.Grade, row.Year] = row.Pupils;
            return new SchoolHistory(school.Id.ToString(), school.ZoneId.ToString(), districtCode, school.Grades, grid);
        }).ToList();

        var births = (await connection.QueryAsync<(int Year, int Births)>(new CommandDefinition(
            "SELECT year, births FROM births WHERE district_code = @districtCode", new { districtCode }, cancellationToken: cancellationToken)))
            .ToDictionary(b => b.Year, b => (double)b.Births);
        if (births.Count > 0)
        {
            var lastBirthYear = births.Keys.Max();
            // 小班 in the last forecast year was born three years before it.
            for (var year = lastBirthYear + 1; year <= lastYear + horizon - 3; year++)
                births[year] = births[lastBirthYear] * Math.Pow(1 + birthGrowth, year - lastBirthYear);
        }

        return new ForecastInput(lastYear, histories,
            new Dictionary<string, IReadOnlyDictionary<int, double>> { [districtCode] = births }, []);
    }
}
