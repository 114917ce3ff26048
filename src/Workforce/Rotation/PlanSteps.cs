namespace Platform.Workforce.Rotation;

/// <summary>The steps of a plan's status (plain: no I/O): submit, return (with a note), approve, start, complete.</summary>
public static class PlanSteps
{
    /// <summary>Each step: from which status, to which, in the order the steps are offered.</summary>
    public static readonly IReadOnlyDictionary<string, (string From, string To)> Moves = new Dictionary<string, (string, string)>
    {
        ["submit"] = ("draft", "submitted"),
        ["return"] = ("submitted", "draft"),
        ["approve"] = ("submitted", "approved"),
        ["start"] = ("approved", "in_effect"),
        ["complete"] = ("in_effect", "completed"),
    };

    /// <summary>The steps a plan may take from <paramref name="status"/>.</summary>
    public static IReadOnlyList<string> From(string status) =>
        [.. Moves.Where(move => move.Value.From == status).Select(move => move.Key)];
}
