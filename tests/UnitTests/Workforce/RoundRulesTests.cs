using Platform.Contracts;
using Platform.Workforce.Rounds;

namespace Platform.UnitTests.Workforce;

public class RoundRulesTests
{
    [Fact]
    public void Placement_follows_preferences_then_the_most_open_posts_and_leaves_the_rest_unplaced()
    {
        var open = new Dictionary<(string, string), int> { [("A", "数学")] = 1, [("B", "数学")] = 2, [("C", "语文")] = 1 };
        var placements = RoundRules.AutoPlace(
        [
            new("t1", "数学", ["A"]),   // first choice open
            new("t2", "数学", ["A"]),   // A is now full: the school with most open 数学 posts, B
            new("t3", "数学", []),      // B has one left
            new("t4", "数学", ["B"]),   // none left
            new("t5", "英语", ["C"]),   // no 英语 post anywhere
        ], open);

        Assert.Equal([("t1", "A"), ("t2", "B"), ("t3", "B")], placements.Select(p => (p.TeacherId, p.SchoolId)));
    }

    [Fact]
    public void Each_open_stage_is_followed_by_the_next_and_nothing_follows_closed()
    {
        Assert.Equal([RoundStage.Internal, RoundStage.CrossSchool, RoundStage.Placement, RoundStage.Closed],
            RoundRules.Stages[..^1].Select(RoundRules.After));
        Assert.Throws<ArgumentOutOfRangeException>(() => RoundRules.After(RoundStage.Closed));
        Assert.Throws<ArgumentOutOfRangeException>(() => RoundRules.After((RoundStage)99));
    }

    [Fact]
    public void Open_posts_are_the_rounds_posts_less_those_filled()
    {
        var posts = new Dictionary<(string, string), int> { [("A", "数学")] = 3 };
        var filled = new Dictionary<(string, string), int> { [("A", "数学")] = 2 };
        Assert.Equal(1, RoundRules.Open(posts, filled, "A", "数学"));
        Assert.Equal(0, RoundRules.Open(posts, filled, "A", "语文"));
    }

    private static readonly Guid School = Guid.NewGuid();

    private static RoundCandidate Candidate(Guid homeSchool, Guid? placedIn = null, string? unplaced = null) =>
        new(Guid.NewGuid(), "李老师", homeSchool, "数学", placedIn, placedIn is null ? null : RoundStage.Internal, unplaced, []);

    [Fact]
    public void In_the_internal_stage_a_school_chooses_only_its_own_unplaced_teachers_for_open_posts()
    {
        Assert.Null(RoundRules.WhyNotChosen(RoundStage.Internal, Candidate(School), School, askedForSchool: false, openPosts: 1));
        Assert.Contains("校内竞聘", RoundRules.WhyNotChosen(RoundStage.Internal, Candidate(Guid.NewGuid()), School, true, 1)?.Zh);
        Assert.Contains("no open post", RoundRules.WhyNotChosen(RoundStage.Internal, Candidate(School), School, false, 0)?.En);
        Assert.Equal(RoundRules.PlacedAlready,
            RoundRules.WhyNotChosen(RoundStage.Internal, Candidate(School, School), School, false, 1));
        Assert.Equal(RoundRules.PlacedAlready,
            RoundRules.WhyNotChosen(RoundStage.Internal, Candidate(School, null, "training"), School, false, 1));
        Assert.Equal(RoundRules.NotACandidate, RoundRules.WhyNotChosen(RoundStage.Internal, null, School, false, 1));
    }

    [Fact]
    public void In_the_cross_school_stage_a_school_chooses_only_among_those_who_asked_for_it()
    {
        var other = Candidate(Guid.NewGuid());
        Assert.Null(RoundRules.WhyNotChosen(RoundStage.CrossSchool, other, School, askedForSchool: true, openPosts: 1));
        Assert.Contains("跨校竞聘",
            RoundRules.WhyNotChosen(RoundStage.CrossSchool, other, School, askedForSchool: false, openPosts: 1)?.Zh);
    }
}
