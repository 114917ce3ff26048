using Dapper;
using Npgsql;
using Platform.Planning.Forecasting;
using Platform.Planning.Schools;

namespace Platform.Planning.Forecasts;

/// <summary>The places of a district by zone and stage, as the capacity analysis counts them year by year.</summary>
public static class CapacityData
{
    private sealed record Addition(Guid SchoolId, string Stage, int ClassesAdded, int PlacesAdded, DateOnly InUseFrom);

    /// <summary>
    /// Open schools count from the start; planned schools from their opening year; closed schools not at all.
    /// A commissioned project counts from the first school year it is in use at the autumn start (1 September).
    /// </summary>
    public static async Task<IReadOnlyList<CapacitySource>> LoadAsync(NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken)
    {
        var schools = (await SchoolQueries.ListAsync(connection, districtCode, null, cancellationToken)).Where(s => s.Status != "closed").ToDictionary(s => s.Id);
        var additions = await connection.QueryAsync<Addition>(new CommandDefinition("""
            SELECT a.school_id AS SchoolId, a.stage, a.classes_added AS ClassesAdded, a.places_added AS PlacesAdded, a.in_use_from AS InUseFrom
            FROM capacity_additions a JOIN schools s ON s.id = a.school_id WHERE s.district_code = @districtCode
            """, new { districtCode }, cancellationToken: cancellationToken));

        var sources = schools.Values.SelectMany(school => school.Stages.Select(stage => new CapacitySource(
            school.ZoneId.ToString(), stage.Stage, stage.ClassesPerGrade.Sum() * stage.ClassSizeNorm, stage.ClassesPerGrade.Sum(),
            FromYear: school.Status == SchoolStatus.Planned ? school.OpeningYear ?? int.MaxValue : int.MinValue))).ToList();
        foreach (var addition in additions.Where(a => schools.ContainsKey(a.SchoolId)))
        {
            var school = schools[addition.SchoolId];
            var firstYear = addition.InUseFrom <= new DateOnly(addition.InUseFrom.Year, 9, 1) ? addition.InUseFrom.Year : addition.InUseFrom.Year + 1;
            var opens = school.Status == SchoolStatus.Planned ? school.OpeningYear ?? int.MaxValue : int.MinValue;
            sources.Add(new CapacitySource(school.ZoneId.ToString(), addition.Stage, addition.PlacesAdded, addition.ClassesAdded, Math.Max(firstYear, opens)));
        }
        return sources;
    }
}
