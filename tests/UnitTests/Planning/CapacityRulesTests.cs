using Platform.Contracts;
using Platform.Planning.Forecasting;
using Platform.Planning.Forecasts;
using Platform.Planning.Pipeline;
using Platform.Planning.Schools;

namespace Platform.UnitTests.Planning;

public class CapacityRulesTests
{
    private static readonly Guid Zone = Guid.NewGuid();

    private static SchoolView School(string status, int? openingYear = null, int classesPerGrade = 2) =>
        new(Guid.NewGuid(), 1, "学校", "120104", Zone, null, "public", status, openingYear,
            [new StageView("primary", 45, [.. Enumerable.Repeat(classesPerGrade, 6)], classesPerGrade * 6, classesPerGrade * 270)]);

    private static PipelineProject Project(ProjectStatus status, DateOnly plannedInUse, Guid? schoolId = null) =>
        new(Guid.NewGuid(), "120104", Zone, "学区", schoolId, "项目", status, [new StagePlaces("primary", 6, 270)], plannedInUse);

    private static IReadOnlyList<CapacitySource> Sources(IReadOnlyList<SchoolView> schools, IReadOnlyList<PipelineProject>? projects = null,
        IReadOnlyList<SchoolChange>? changes = null, IReadOnlyDictionary<string, int>? norms = null, bool countProposed = false,
        IReadOnlyList<CapacityAddition>? additions = null) =>
        new CapacityRules(schools, changes, norms).Sources(additions ?? [], projects ?? [], countProposed);

    [Fact]
    public void Open_schools_count_from_their_opening_planned_ones_from_theirs_and_closed_ones_not_at_all()
    {
        var sources = Sources([School("open", 2015), School("open"), School("planned", 2028), School("closed")]);

        Assert.Equal([(2015, int.MaxValue, 540), (int.MinValue, int.MaxValue, 540), (2028, int.MaxValue, 540)],
            sources.Select(s => (s.FromYear, s.UntilYear, s.Places)));
    }

    [Fact]
    public void Levers_open_and_close_schools_in_a_year_and_change_every_class_of_a_stage()
    {
        var (open, closed) = (School("open"), School("closed"));
        var sources = Sources([open, closed],
            changes: [new SchoolChange(open.Id, "close", 2030), new SchoolChange(closed.Id, "open", 2029)],
            norms: new Dictionary<string, int> { ["primary"] = 40 });

        Assert.Equal([(int.MinValue, 2029, 480), (2029, int.MaxValue, 480)], sources.Select(s => (s.FromYear, s.UntilYear, s.Places)));
        Assert.Equal([closed.Id], new CapacityRules([open], [new SchoolChange(closed.Id, "open", 2029)], null).UnknownSchools);
    }

    [Fact]
    public void Approved_projects_count_from_the_school_year_of_their_planned_date_and_proposed_ones_when_asked()
    {
        // In use by 1 September: that school year; after it, the next.
        IReadOnlyList<PipelineProject> projects =
            [Project(ProjectStatus.Approved, new DateOnly(2027, 9, 1)), Project(ProjectStatus.Proposed, new DateOnly(2027, 9, 2))];

        Assert.Equal([2027], Sources([], projects).Select(s => s.FromYear));
        Assert.Equal([2027, 2028], Sources([], projects, countProposed: true).Select(s => s.FromYear));
        Assert.All(Sources([], projects, countProposed: true), s => Assert.True(s.FromPipeline));
    }

    [Fact]
    public void A_project_building_a_planned_school_opens_it_from_its_year_and_adds_no_places_of_its_own()
    {
        var planned = School("planned", 2030);
        var sources = Sources([planned], [Project(ProjectStatus.Approved, new DateOnly(2028, 8, 25), planned.Id)]);

        Assert.Equal([(2028, 540, false)], sources.Select(s => (s.FromYear, s.Places, s.FromPipeline)));
    }

    [Fact]
    public void Classes_a_project_added_count_from_the_first_school_year_they_are_in_use()
    {
        var school = School("open", 2010);
        var sources = Sources([school],
            additions: [new CapacityAddition(school.Id, "primary", 4, 180, new DateOnly(2026, 10, 8))]);

        Assert.Equal((2027, 180), (sources[1].FromYear, sources[1].Places));
    }
}
