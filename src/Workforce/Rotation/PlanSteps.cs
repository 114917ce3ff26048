using Platform.Contracts;

namespace Platform.Workforce.Rotation;

/// <summary>
/// A step of a plan: from which status, to which; whether each teacher's eligibility is checked again first (a teacher
/// who moved, was exempted or rotates in another plan since the draft holds it up), whether broken quotas hold it up,
/// and whether it needs a note (a plan returned says why).
/// </summary>
public sealed record PlanMove(
    PlanStatus From, PlanStatus To, bool RechecksEligibility = false, bool ChecksQuotas = false, bool NeedsNote = false);

/// <summary>The steps of a plan's status (plain: no I/O): submit, return (with a note), approve, start, complete.</summary>
public static class PlanSteps
{
    /// <summary>Each step by its name, in the order the steps are offered.</summary>
    public static readonly IReadOnlyDictionary<string, PlanMove> Moves = new Dictionary<string, PlanMove>
    {
        ["submit"] = new(PlanStatus.Draft, PlanStatus.Submitted, RechecksEligibility: true),
        ["return"] = new(PlanStatus.Submitted, PlanStatus.Draft, NeedsNote: true),
        ["approve"] = new(PlanStatus.Submitted, PlanStatus.Approved, RechecksEligibility: true, ChecksQuotas: true),
        ["start"] = new(PlanStatus.Approved, PlanStatus.InEffect, RechecksEligibility: true),
        ["complete"] = new(PlanStatus.InEffect, PlanStatus.Completed),
    };

    /// <summary>Each status as the plan's page names it.</summary>
    public static readonly IReadOnlyDictionary<PlanStatus, UserText> StatusNames = new Dictionary<PlanStatus, UserText>
    {
        [PlanStatus.Draft] = new("草稿", "Draft"),
        [PlanStatus.Submitted] = new("已提交", "Submitted"),
        [PlanStatus.Approved] = new("已批准", "Approved"),
        [PlanStatus.InEffect] = new("执行中", "In effect"),
        [PlanStatus.Completed] = new("已完成", "Completed"),
    };

    /// <summary>The steps a plan may take from <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> From(PlanStatus status) =>
        [.. Moves.Where(move => move.Value.From == status).Select(move => move.Key)];
}
