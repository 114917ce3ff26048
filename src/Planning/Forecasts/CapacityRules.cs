using Platform.BuildingBlocks;
using Platform.Contracts;
using Platform.Planning.Forecasting;
using Platform.Planning.Pipeline;
using Platform.Planning.Schools;

namespace Platform.Planning.Forecasts;

/// <summary>Classes a commissioned project added to a school, in use from a day.</summary>
public sealed record CapacityAddition(Guid SchoolId, string Stage, int ClassesAdded, int PlacesAdded, DateOnly InUseFrom);

/// <summary>
/// Which places the capacity analysis counts, and from which school year to which (plain: no I/O).
/// Open schools count from their opening year (from the start when it is not known); planned schools from their
/// opening year; closed schools not at all. A commissioned project counts from the first school year it is in use at
/// the autumn start (1 September). Levers: a stage's class-size norm changes the places of all its classes; a school
/// opened in a year counts from then, a school closed in a year counts until the year before. The facility pipeline:
/// approved projects (and proposed ones when asked) count from the school year of their planned date; a project
/// building a planned school adds no places of its own but opens the school from that year.
/// </summary>
public sealed class CapacityRules(
    IReadOnlyList<SchoolView> schools, IReadOnlyList<SchoolChange>? schoolChanges,
    IReadOnlyDictionary<string, int>? classSizeNorms)
{
    private readonly ILookup<Guid, SchoolChange> changes = (schoolChanges ?? []).ToLookup(c => c.SchoolId!.Value);

    /// <summary>The ids of changed schools that are not among the district's.</summary>
    public IReadOnlyList<Guid> UnknownSchools => [.. changes.Select(c => c.Key).Where(id => schools.All(s => s.Id != id))];

    public IReadOnlyList<CapacitySource> Sources(
        IReadOnlyList<CapacityAddition> additions, IReadOnlyList<PipelineProject> projects, bool countProposed)
    {
        // Every school but the closed ones, unless a lever opens them again.
        var counted = schools
            .Where(s => s.Status != SchoolStatus.Closed || changes[s.Id].Any(c => c.Change == "open"))
            .ToDictionary(s => s.Id);
        var pipeline = projects
            .Where(p => p.PlannedInUse is not null && (p.Status == ProjectStatus.Approved || countProposed)).ToList();
        // A counted project that builds a planned school decides when the school opens; its places are the school's own.
        var opensPlannedSchool = pipeline
            .Where(p => p.SchoolId is { } id && counted.TryGetValue(id, out var school) && school.Status == SchoolStatus.Planned)
            .ToDictionary(p => p.SchoolId!.Value, p => Clocks.SchoolYearFrom(p.PlannedInUse!.Value));
        (int From, int Until) Years(SchoolView school) => this.Years(school, opensPlannedSchool);

        var sources = counted.Values.SelectMany(school => school.Stages.Select(stage =>
        {
            var (from, until) = Years(school);
            var classes = stage.ClassesPerGrade.Sum();
            return new CapacitySource(school.ZoneId.ToString(), stage.Stage,
                Places(stage.Stage, classes, classes * stage.ClassSizeNorm), classes, from, until);
        })).ToList();
        foreach (var addition in additions.Where(a => counted.ContainsKey(a.SchoolId)))
        {
            var school = counted[addition.SchoolId];
            var (from, until) = Years(school);
            sources.Add(new CapacitySource(school.ZoneId.ToString(), addition.Stage,
                Places(addition.Stage, addition.ClassesAdded, addition.PlacesAdded), addition.ClassesAdded,
                Math.Max(Clocks.SchoolYearFrom(addition.InUseFrom), from), until));
        }
        foreach (var project in pipeline.Where(p => p.SchoolId is not { } id || !opensPlannedSchool.ContainsKey(id)))
        {
            var (from, until) = project.SchoolId is { } id && counted.TryGetValue(id, out var school)
                ? Years(school)
                : (int.MinValue, int.MaxValue);
            foreach (var added in project.Places)
                sources.Add(new CapacitySource(project.ZoneId.ToString(), added.Stage,
                    Places(added.Stage, added.Classes, added.Places), added.Classes,
                    Math.Max(Clocks.SchoolYearFrom(project.PlannedInUse!.Value), from), until, FromPipeline: true));
        }
        return sources;
    }

    private (int From, int Until) Years(SchoolView school, IReadOnlyDictionary<Guid, int> opensPlannedSchool)
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

    private int Places(string stage, int classes, int places) =>
        classSizeNorms?.TryGetValue(stage, out var norm) == true ? classes * norm : places;
}
