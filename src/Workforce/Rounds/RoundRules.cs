using Platform.Contracts;

namespace Platform.Workforce.Rounds;

/// <summary>A teacher still without a post, with the schools they asked for, in order.</summary>
public sealed record Unplaced(string TeacherId, string Subject, IReadOnlyList<string> Preferences);

public sealed record Placement(string TeacherId, string SchoolId);

/// <summary>The rules of a 区管校聘 round (plain: no I/O).</summary>
public static class RoundRules
{
    /// <summary>The steps of a round, in order.</summary>
    public static readonly RoundStage[] Stages = Enum.GetValues<RoundStage>();

    /// <summary>Each step as the round's page names it.</summary>
    public static readonly IReadOnlyDictionary<RoundStage, UserText> StageNames = new Dictionary<RoundStage, UserText>
    {
        [RoundStage.Posts] = new("核定岗位", "Posts"),
        [RoundStage.Internal] = new("校内竞聘", "Within schools"),
        [RoundStage.CrossSchool] = new("跨校竞聘", "Across schools"),
        [RoundStage.Placement] = new("组织调剂", "Placement"),
        [RoundStage.Closed] = new("结束", "Closed"),
    };

    /// <summary>The step that follows an open stage.</summary>
    public static RoundStage After(RoundStage stage) => Array.IndexOf(Stages, stage) is var at and >= 0 && at < Stages.Length - 1
        ? Stages[at + 1]
        : throw new ArgumentOutOfRangeException(nameof(stage), stage, "No step follows it.");

    /// <summary>
    /// 组织调剂: the district places each teacher still without a post, in the order given, in a school with an open post
    /// in their subject: the first of their preferences that has one, else the school with the most open posts in it.
    /// Teachers for whom no post is open stay unplaced (for 待岗培训 or 转岗).
    /// </summary>
    public static IReadOnlyList<Placement> AutoPlace(
        IReadOnlyList<Unplaced> teachers, IReadOnlyDictionary<(string School, string Subject), int> openPosts)
    {
        var open = new Dictionary<(string School, string Subject), int>(openPosts);
        var placements = new List<Placement>();
        foreach (var teacher in teachers)
        {
            var school = teacher.Preferences.FirstOrDefault(s => open.GetValueOrDefault((s, teacher.Subject)) > 0)
                ?? open.Where(o => o.Key.Subject == teacher.Subject && o.Value > 0)
                    .OrderByDescending(o => o.Value).ThenBy(o => o.Key.School, StringComparer.Ordinal)
                    .Select(o => o.Key.School).FirstOrDefault();
            if (school is null)
                continue;
            open[(school, teacher.Subject)]--;
            placements.Add(new Placement(teacher.TeacherId, school));
        }
        return placements;
    }

    public static readonly UserText NotACandidate = new("不是本轮的候选教师。", "is not a candidate of this round.");

    public static readonly UserText PlacedAlready = new("已受聘或已确定去向。", "has been placed already.");

    /// <summary>
    /// Why a school may not choose a candidate in <paramref name="stage"/>, or null when it may: the candidate must be
    /// unplaced; in 校内竞聘 the school's own teacher, in 跨校竞聘 one who asked for the school; and the school must have
    /// an open post in their subject (<paramref name="openPosts"/>).
    /// </summary>
    public static UserText? WhyNotChosen(RoundStage stage, RoundCandidate? candidate, Guid schoolId, bool askedForSchool, int openPosts) =>
        candidate switch
        {
            null => NotACandidate,
            { PlacedSchoolId: not null } or { UnplacedOutcome: not null } => PlacedAlready,
            _ when stage == RoundStage.Internal && candidate.HomeSchoolId != schoolId => new(
                "不是本校教师：校内竞聘中学校只在本校教师中选聘。",
                "is not the school's own teacher: within schools, a school chooses among its own."),
            _ when stage == RoundStage.CrossSchool && !askedForSchool => new(
                "没有报名本校：跨校竞聘中学校只在报名本校的教师中选聘。",
                "did not ask for this school: across schools, a school chooses among those who asked for it."),
            _ when openPosts <= 0 => new($"任教{candidate.Subject}，本校没有该学科的空缺岗位。",
                $"teaches {candidate.Subject}, and the school has no open post in it."),
            _ => null,
        };

    /// <summary>
    /// In 校内竞聘 and 跨校竞聘, for each school with posts, the candidates it may choose now (<see cref="WhyNotChosen"/>
    /// has nothing against them); no school may choose in the other stages.
    /// </summary>
    public static IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> Choosable(
        RoundStage stage, IReadOnlyList<RoundPost> posts, IReadOnlyList<RoundCandidate> candidates)
    {
        if (stage is not (RoundStage.Internal or RoundStage.CrossSchool))
            return new Dictionary<Guid, IReadOnlyList<Guid>>();
        var open = posts.GroupBy(p => (p.SchoolId, p.Subject)).ToDictionary(g => g.Key, g => g.Sum(p => p.Posts - p.Filled));
        return posts.Select(p => p.SchoolId).Distinct().ToDictionary(school => school, IReadOnlyList<Guid> (school) =>
            [.. candidates.Where(c => WhyNotChosen(stage, c, school, c.Preferences.Contains(school),
                open.GetValueOrDefault((school, c.Subject))) is null).Select(c => c.TeacherId)]);
    }

    /// <summary>
    /// Posts a school may choose a teacher for: the round's posts in the subject less those already filled.
    /// </summary>
    public static int Open(
        IReadOnlyDictionary<(string School, string Subject), int> posts,
        IReadOnlyDictionary<(string School, string Subject), int> filled, string school, string subject) =>
        posts.GetValueOrDefault((school, subject)) - filled.GetValueOrDefault((school, subject));
}
