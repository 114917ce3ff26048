using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;
using Platform.Planning.Forecasting;
using Platform.Planning.Pipeline;
using Platform.Planning.Schools;

namespace Platform.Planning.Forecasts;

/// <summary>The places of a district by zone and stage, as the capacity analysis counts them year by year.</summary>
public static class CapacityStore
{
    private sealed record Addition(Guid SchoolId, string Stage, int ClassesAdded, int PlacesAdded, DateOnly InUseFrom);

    /// <summary>
    /// Open schools count from their opening year (from the start when it is not known); planned schools from their
    /// opening year; closed schools not at all.
    /// A commissioned project counts from the first school year it is in use at the autumn start (1 September).
    /// Levers: a stage's class-size norm changes the places of all its classes; a school opened in a year counts
    /// from then, a school closed in a year counts until the year before. The facility pipeline: approved projects
    /// (and proposed ones when <paramref name="countProposed"/>) count from the school year of their planned date; a
    /// project building a planned school adds no places of its own but opens the school from that year.
    /// </summary>
    /// <returns>The capacity, and the ids of changed schools that are not in the district.</returns>
    public static async Task<(IReadOnlyList<CapacitySource> Capacity, IReadOnlyList<Guid> UnknownSchools)> LoadAsync(
        NpgsqlConnection connection, string districtCode, IReadOnlyDictionary<string, int>? classSizeNorms,
        IReadOnlyList<SchoolChange>? schoolChanges, bool countProposed, CancellationToken cancellationToken)
    {
        var all = await SchoolStore.ListAsync(connection, districtCode, null, cancellationToken);
        var changes = (schoolChanges ?? []).ToLookup(c => c.SchoolId!.Value);
        var unknown = changes.Select(c => c.Key).Where(id => all.All(s => s.Id != id)).ToList();
        var schools = all.Where(s => s.Status != SchoolStatus.Closed || changes[s.Id].Any(c => c.Change == "open")).ToDictionary(s => s.Id);
        var additions = await connection.ListAsync<Addition>("""
            SELECT a.school_id AS SchoolId, a.stage, a.classes_added AS ClassesAdded, a.places_added AS PlacesAdded,
                   a.in_use_from AS InUseFrom
            FROM capacity_additions a
            JOIN schools s ON s.id = a.school_id
            WHERE s.district_code = @districtCode
            """, new { districtCode }, cancellationToken);

        // A counted project that builds a planned school decides when the school opens; its places are the school's own.
        var pipeline = (await PipelineStore.ListAsync(connection, districtCode, cancellationToken))
            .Where(p => p.PlannedInUse is not null && (p.Status == "approved" || countProposed)).ToList();
        var opensPlannedSchool = pipeline
            .Where(p => p.SchoolId is { } id && schools.TryGetValue(id, out var school) && school.Status == SchoolStatus.Planned)
            .ToDictionary(p => p.SchoolId!.Value, p => PipelineStore.FirstSchoolYear(p.PlannedInUse!.Value));

        (int From, int Until) Years(SchoolView school)
        {
            var from = school.Status == SchoolStatus.Open ? school.OpeningYear ?? int.MinValue
                : opensPlannedSchool.TryGetValue(school.Id, out var opening) ? opening : school.OpeningYear ?? int.MaxValue;
            var until = int.MaxValue;
            foreach (var change in changes[school.Id])
                if (change.Change == "open")
                    from = change.Year!.Value;
                else
                    until = change.Year!.Value - 1;
            return (from, until);
        }
        int Places(string stage, int classes, int places) =>
            classSizeNorms?.TryGetValue(stage, out var norm) == true ? classes * norm : places;

        var sources = schools.Values.SelectMany(school => school.Stages.Select(stage =>
        {
            var (from, until) = Years(school);
            var classes = stage.ClassesPerGrade.Sum();
            return new CapacitySource(
                school.ZoneId.ToString(), stage.Stage, Places(stage.Stage, classes, classes * stage.ClassSizeNorm), classes, from, until);
        })).ToList();
        foreach (var addition in additions.Where(a => schools.ContainsKey(a.SchoolId)))
        {
            var school = schools[addition.SchoolId];
            var (from, until) = Years(school);
            sources.Add(new CapacitySource(school.ZoneId.ToString(), addition.Stage,
                Places(addition.Stage, addition.ClassesAdded, addition.PlacesAdded), addition.ClassesAdded,
                Math.Max(PipelineStore.FirstSchoolYear(addition.InUseFrom), from), until));
        }
        foreach (var project in pipeline.Where(p => p.SchoolId is not { } id || !opensPlannedSchool.ContainsKey(id)))
        {
            var (from, until) = project.SchoolId is { } id && schools.TryGetValue(id, out var school)
                ? Years(school)
                : (int.MinValue, int.MaxValue);
            foreach (var added in project.Places)
                sources.Add(new CapacitySource(project.ZoneId.ToString(), added.Stage,
                    Places(added.Stage, added.Classes, added.Places), added.Classes,
                    Math.Max(PipelineStore.FirstSchoolYear(project.PlannedInUse!.Value), from), until, FromPipeline: true));
        }
        return (sources, unknown);
    }
}
