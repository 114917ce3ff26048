using Platform.Contracts;

namespace Platform.Workforce.Rotation;

/// <summary>The steps of a plan's status (plain: no I/O): submit, return (with a note), approve, start, complete.</summary>
public static class PlanSteps
{
    /// <summary>Each step: from which status, to which, in the order the steps are offered.</summary>
    public static readonly IReadOnlyDictionary<string, (PlanStatus From, PlanStatus To)> Moves =
        new Dictionary<string, (PlanStatus, PlanStatus)>
        {
            ["submit"] = (PlanStatus.Draft, PlanStatus.Submitted),
            ["return"] = (PlanStatus.Submitted, PlanStatus.Draft),
            ["approve"] = (PlanStatus.Submitted, PlanStatus.Approved),
            ["start"] = (PlanStatus.Approved, PlanStatus.InEffect),
            ["complete"] = (PlanStatus.InEffect, PlanStatus.Completed),
        };

    /// <summary>The steps a plan may take from <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> From(PlanStatus status) =>
        [.. Moves.Where(move => move.Value.From == status).Select(move => move.Key)];
}
