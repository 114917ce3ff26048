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
        Assert.Equal(["internal", "cross_school", "placement", "closed"], RoundRules.Stages[..^1].Select(RoundRules.After));
        Assert.Throws<ArgumentOutOfRangeException>(() => RoundRules.After("closed"));
        Assert.Throws<ArgumentOutOfRangeException>(() => RoundRules.After("unknown"));
    }

    [Fact]
    public void Open_posts_are_the_rounds_posts_less_those_filled()
    {
        var posts = new Dictionary<(string, string), int> { [("A", "数学")] = 3 };
        var filled = new Dictionary<(string, string), int> { [("A", "数学")] = 2 };
        Assert.Equal(1, RoundRules.Open(posts, filled, "A", "数学"));
        Assert.Equal(0, RoundRules.Open(posts, filled, "A", "语文"));
    }
}
