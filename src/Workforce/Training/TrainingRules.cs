using Platform.BuildingBlocks.Http;
using Platform.Contracts;

namespace Platform.Workforce.Training;

/// <summary>
/// A continuing-education (继续教育) rule of a district. Cycle: <see cref="Hours"/> per cycle of <see cref="Years"/>
/// years counted from <see cref="FirstCycleStart"/> (360 hours per 5 years by default; a teacher in the first year
/// after hiring needs <see cref="NewTeacherHours"/> in that year instead). Annual: <see cref="Hours"/> per calendar
/// year (东丽: 96).
/// </summary>
public sealed record TrainingRule(
    RuleKind Kind, [property: Bounds(0, 2000)] double Hours, [property: Bounds(1, 10)] int Years = 1,
    [property: Bounds(1990, 2100)] int FirstCycleStart = 2021, [property: Bounds(0, 1000)] double? NewTeacherHours = null)
{
    public static readonly TrainingRule NationalCycle = new(RuleKind.Cycle, 360, 5, 2021, 120);

    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (!(Hours is > 0 and <= 2000))
            problems[nameof(Hours)] = "must be above 0 and at most 2,000 hours.";
        if (Kind == RuleKind.Cycle && Years is < 1 or > 10)
            problems[nameof(Years)] = "must be a cycle of 1 to 10 years.";
        if (FirstCycleStart is < 1990 or > 2100)
            problems[nameof(FirstCycleStart)] = "must be a year between 1990 and 2100.";
        if (NewTeacherHours is { } newTeacherHours && !(newTeacherHours is > 0 and <= 1000))
            problems[nameof(NewTeacherHours)] = "must be above 0 and at most 1,000 hours.";
        return problems;
    }
}

public sealed record TrainingHours(DateOnly Date, double Hours);

/// <summary>Judges teachers' training hours against a district's rules (plain: no I/O).</summary>
public static class TrainingLedger
{
    /// <param name="maxHoursPerMonth">The most a teacher can do in a month, which decides when finishing is out of reach.</param>
    public static IReadOnlyList<RuleProgress> Evaluate(
        IReadOnlyList<TrainingRule> rules, DateOnly? hiredOn, IReadOnlyList<TrainingHours> records, DateOnly asOf,
        double maxHoursPerMonth = 40)
    {
        var progress = new List<RuleProgress>();
        foreach (var rule in rules)
        {
            var (from, until, required) = Period(rule, hiredOn, asOf);
            var earned = records.Where(r => r.Date >= from && r.Date <= until).Sum(r => r.Hours);
            var elapsed = Math.Clamp((asOf.DayNumber - from.DayNumber + 1) / (double)(until.DayNumber - from.DayNumber + 1), 0, 1);
            var expected = Math.Round(required * elapsed, 1);
            var status = earned >= required ? TrainingStatus.Done : earned >= expected ? TrainingStatus.OnTrack : TrainingStatus.Behind;
            var monthsLeft = Math.Max(0, until.DayNumber - asOf.DayNumber) / 30.4375;
            progress.Add(new RuleProgress(rule.Kind, from, until, required, earned, expected, status,
                status != TrainingStatus.Done && required - earned > monthsLeft * maxHoursPerMonth));
        }
        return progress;
    }

    /// <summary>The worst status over the rules: behind if any rule is behind, done if all are done.</summary>
    public static TrainingStatus Overall(IReadOnlyList<RuleProgress> progress) =>
        progress.Count == 0 ? TrainingStatus.Done : progress.Max(p => p.Status) switch
        {
            TrainingStatus.Behind => TrainingStatus.Behind,
            TrainingStatus.OnTrack => TrainingStatus.OnTrack,
            _ => TrainingStatus.Done,
        };

    /// <summary>
    /// The period a rule judges on <paramref name="asOf"/>: the calendar year (annual), the new teacher's first year
    /// after hiring (when the rule has new-teacher hours), or the cycle containing the date.
    /// </summary>
    public static (DateOnly From, DateOnly Until, double Required) Period(TrainingRule rule, DateOnly? hiredOn, DateOnly asOf)
    {
        if (rule.Kind == RuleKind.Annual)
            return (new DateOnly(asOf.Year, 1, 1), new DateOnly(asOf.Year, 12, 31), rule.Hours);
        if (rule.NewTeacherHours is { } newTeacherHours && hiredOn is { } hired && asOf >= hired && asOf < hired.AddYears(1))
            return (hired, hired.AddYears(1).AddDays(-1), newTeacherHours);
        var cycle = (int)Math.Floor((asOf.Year - rule.FirstCycleStart) / (double)rule.Years);
        var start = rule.FirstCycleStart + cycle * rule.Years;
        return (new DateOnly(start, 1, 1), new DateOnly(start + rule.Years - 1, 12, 31), rule.Hours);
    }
}
