using Platform.BuildingBlocks.Http;
using Platform.Contracts;
using Platform.Planning.Schools;

namespace Platform.UnitTests.Planning;

public class SchoolRulesTests
{
    private static readonly Guid Zone = Guid.NewGuid();

    private static SchoolRequest Request(params StageRequest[] stages) =>
        new("红桥区实验学校", "120106", Zone, null, "public", "open", null, stages);

    private static (SchoolDraft? Draft, IDictionary<string, string[]> Errors) Validate(SchoolRequest request)
    {
        var validation = new Validation();
        var draft = SchoolRules.Validate(request, validation);
        return (draft, validation.IsValid ? new Dictionary<string, string[]>() : validation.Problem().ProblemDetails.Errors);
    }

    [Fact]
    public void A_nine_year_school_keeps_each_stages_norm_and_grades_in_order()
    {
        var (draft, errors) = Validate(Request(
            new StageRequest("junior_secondary", 45, [4, 4, 4]),
            new StageRequest("primary", null, [3, 3, 3, 3, 3, 3])));
        Assert.Empty(errors);
        Assert.Equal(["primary", "junior_secondary"], draft!.Stages.Select(s => s.Stage));
        Assert.Equal([45, 45], draft.Stages.Select(s => s.ClassSizeNorm)); // primary's default; junior's override of 50
    }

    [Fact]
    public void A_planned_school_needs_its_opening_year() =>
        Assert.Contains("openingYear",
            Validate(Request(new StageRequest("primary", null, [1, 1, 1, 1, 1, 1])) with { Status = "planned" }).Errors.Keys);

    [Fact]
    public void Inclusive_private_ownership_is_for_kindergartens_only()
    {
        Assert.Contains("ownership",
            Validate(Request(new StageRequest("primary", null, [1, 1, 1, 1, 1, 1])) with { Ownership = "inclusive_private" }).Errors.Keys);
        Assert.Empty(Validate(Request(new StageRequest("kindergarten", null, [2, 2, 2])) with { Ownership = "inclusive_private" }).Errors);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1, 1, 1 }, "stages[0].classesPerGrade")] // a primary stage has 6 grades
    public void Classes_are_given_for_each_grade_of_the_stage(int[] classes, string field) =>
        Assert.Contains(field, Validate(Request(new StageRequest("primary", null, classes))).Errors.Keys);

    [Fact]
    public void A_stage_is_listed_once()
    {
        var (_, errors) = Validate(Request(new StageRequest("primary", null, [1, 1, 1, 1, 1, 1]),
            new StageRequest("primary", null, [1, 1, 1, 1, 1, 1])));
        Assert.Contains("stages[1].stage", errors.Keys);
    }

    [Fact]
    public void A_school_serves_at_least_one_stage() =>
        Assert.Contains("stages", Validate(Request()).Errors.Keys);

    [Fact]
    public void The_stages_are_those_the_messages_use() =>
        Assert.Equal(SchoolStages.Codes, Stage.All.Keys);

    [Theory]
    [InlineData("kindergarten", new[] { -2, -1, 0 })]
    [InlineData("primary", new[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData("junior_secondary", new[] { 7, 8, 9 })]
    [InlineData("senior_secondary", new[] { 10, 11, 12 })]
    public void Each_stage_has_its_grades(string stage, int[] grades) => Assert.Equal(grades, Stage.All[stage].Grades);
}
