using Platform.Contracts;
using Platform.Web.Components.Interactive;
using Platform.Web.Workforce;
using Platform.Workforce.Rounds;

namespace Platform.UnitTests.Web;

public sealed class RoundViewTests
{
    private static readonly Guid Dingzigu = Guid.NewGuid();
    private static readonly Guid Xigu = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Schools = new() { [Dingzigu] = "丁字沽小学", [Xigu] = "西沽小学" };

    private static RoundCandidate Teacher(string name, Guid home, string subject, Guid[]? preferences = null, Guid? placed = null,
        string? outcome = null) =>
        new(Guid.NewGuid(), name, home, subject, placed, placed is null ? null : RoundStage.Internal, outcome, preferences ?? []);

    /// <summary>A round as Workforce answers it: whom each school may choose is the service's rule (RoundRules).</summary>
    private static RoundScreen Round(RoundStage stage, params RoundCandidate[] candidates)
    {
        RoundPost[] posts = [new(Dingzigu, "丁字沽小学", "语文", 2, 1), new(Xigu, "西沽小学", "数学", 1, 1)];
        return new(new RoundView(Guid.NewGuid(), "120106", new DateOnly(2026, 9, 1), new DateOnly(2029, 8, 31), stage,
            posts, [.. candidates], [], RoundRules.Stages, RoundRules.Choosable(stage, posts, candidates)), Schools);
    }

    [Fact]
    public void Within_schools_a_school_chooses_its_own_unsettled_teachers_in_a_subject_with_an_open_post()
    {
        var own = Teacher("甲", Dingzigu, "语文");
        var round = Round(RoundStage.Internal, own, Teacher("乙", Dingzigu, "数学"), Teacher("丙", Xigu, "语文"),
            Teacher("丁", Dingzigu, "语文", outcome: "training"), Teacher("戊", Dingzigu, "语文", placed: Dingzigu));
        Assert.Equal([own], round.Choosable(Dingzigu));
        Assert.Empty(round.Choosable(Xigu)); // its 数学 post is filled
    }

    [Fact]
    public void Across_schools_a_school_chooses_among_those_who_asked_for_it()
    {
        var asking = Teacher("甲", Xigu, "语文", preferences: [Dingzigu]);
        var round = Round(RoundStage.CrossSchool, asking, Teacher("乙", Dingzigu, "语文"));
        Assert.Equal([asking], round.Choosable(Dingzigu));
    }

    [Fact]
    public void Open_posts_are_named_by_subject_and_the_stepper_marks_stages_done_and_current()
    {
        var round = Round(RoundStage.CrossSchool);
        Assert.Equal("语文 1", round.OpenPosts(Dingzigu));
        Assert.Equal("0", round.OpenPosts(Xigu));
        Assert.Equal(["done", "done", "current", null, null], RoundRules.Stages.Select(round.StageState));
        Assert.Equal(["丁字沽小学", "西沽小学"], round.PostSchools.Select(s => s.Name));
    }

    [Theory]
    [InlineData(null, "a")]
    [InlineData("b", "b")]
    [InlineData("gone", "a")]
    public void A_select_sends_what_it_shows(string? current, string sent) =>
        Assert.Equal(sent, Choice.Shown(current, ["a", "b"]));

    [Fact]
    public void An_empty_select_sends_nothing() => Assert.Null(Choice.Shown("a", []));
}
