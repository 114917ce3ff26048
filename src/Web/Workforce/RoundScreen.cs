using Platform.Contracts;

namespace Platform.Web.Workforce;

/// <summary>What the round's page shows of a round: who is left, the open posts, whom a school may choose now.</summary>
public sealed class RoundScreen(RoundView round, IReadOnlyDictionary<Guid, string> schools)
{
    public RoundView Round => round;

    public IReadOnlyDictionary<Guid, string> Schools => schools;

    public string SchoolName(Guid id) => schools.GetValueOrDefault(id, id.ToString());

    /// <summary>"done", "current" or null (still to come), for the stepper.</summary>
    public string? StageState(RoundStage stage) => Position(stage).CompareTo(Position(round.Stage)) switch
    {
        < 0 => "done",
        0 => "current",
        _ => null,
    };

    /// <summary>The schools that have posts in the round, by name.</summary>
    public IEnumerable<(Guid Id, string Name)> PostSchools =>
        round.Posts.Select(p => p.SchoolId).Distinct().Select(id => (id, SchoolName(id))).OrderBy(s => s.Item2, StringComparer.Ordinal);

    public List<RoundCandidate> Unplaced =>
        round.Candidates.Where(c => c.PlacedSchoolId is null).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    /// <summary>Neither placed nor sent to 待岗培训 or 转岗.</summary>
    public List<RoundCandidate> Unsettled => Unplaced.Where(c => c.UnplacedOutcome is null).ToList();

    /// <summary>A school's open posts by subject, as "语文 2、数学 1"; "0" when it has none.</summary>
    public string OpenPosts(Guid school) =>
        string.Join("、", round.Posts.Where(p => p.SchoolId == school && p.Posts > p.Filled)
            .Select(p => $"{p.Subject} {p.Posts - p.Filled}")) is { Length: > 0 } open ? open : "0";

    /// <summary>Whom the school may choose now, as the service answers it (RoundView.Choosable), by name.</summary>
    public List<RoundCandidate> Choosable(Guid school) =>
        round.Choosable.GetValueOrDefault(school) is { } ids ? [.. Unplaced.Where(c => ids.Contains(c.TeacherId))] : [];

    private int Position(RoundStage stage) => round.Stages.TakeWhile(s => s != stage).Count();
}
