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

    public IReadOnlyDictionary<string, UserText> Problems()
    {
        var problems = new Dictionary<string, UserText>();
        if (!(Hours is > 0 and <= 2000))
            problems[nameof(Hours)] = HoursUpTo("2,000");
        if (Kind == RuleKind.Cycle && Years is < 1 or > 10)
            problems[nameof(Years)] = new("须为 1 到 10 年的周期。", "must be a cycle of 1 to 10 years.");
        if (FirstCycleStart is < 1990 or > 2100)
            problems[nameof(FirstCycleStart)] = new("须为 1990 到 2100 之间的年份。", "must be a year between 1990 and 2100.");
        if (NewTeacherHours is { } newTeacherHours && !(newTeacherHours is > 0 and <= 1000))
            problems[nameof(NewTeacherHours)] = HoursUpTo("1,000");
        return problems;
    }

    /// <summary>Hours above 0 and at most <paramref name="most"/>, as a rule or a record must give them.</summary>
    internal static UserText HoursUpTo(string most) =>
        new($"须大于 0 且不超过 {most} 学时。", $"must be above 0 and at most {most} hours.");
}

public sealed record TrainingHours(DateOnly Date, double Hours);

/// <summary>Judges teachers' training hours against a district's rules (plain: no I/O).</summary>
public static class TrainingLedger
{
    /// <summary>
    /// Each rule's progress on <paramref name="asOf"/> in the period that contains it, after the periods of the rule
    /// that ended short of their hours: those stay on record as missed, each as the rule judged it while it ran. A
    /// teacher hired during a period owes its hours in proportion to the part of it since their hiring.
    /// </summary>
    /// <param name="maxHoursPerMonth">The most a teacher can do in a month, which decides when finishing is out of reach.</param>
    /// <param name="alertMonths">
    /// How long before a period ends a teacher still owing hours is raised (0: never). Three months before a period
    /// ending 31 December is from 1 October.
    /// </param>
    public static IReadOnlyList<RuleProgress> Evaluate(
        IReadOnlyList<TrainingRule> rules, DateOnly? hiredOn, IReadOnlyList<TrainingHours> records, DateOnly asOf,
        double maxHoursPerMonth = 40, int alertMonths = 3)
    {
        var progress = new List<RuleProgress>();
        foreach (var rule in rules)
        {
            foreach (var period in ClosedPeriods(rule, hiredOn, asOf))
                if (Owed(period, hiredOn) is var required && Earned(records, period.From, period.Until) is var earned
                    && earned < required)
                    progress.Add(new RuleProgress(rule.Kind, period.From, period.Until, required, earned, required,
                        TrainingStatus.Missed, CannotFinish: false, DueSoon: false));
            progress.Add(Current(rule, hiredOn, records, asOf, maxHoursPerMonth, alertMonths));
        }
        return progress;
    }

    /// <summary>
    /// Each school's teachers by their worst status, those who cannot finish, and its completion rate: the share of
    /// its teachers done with every rule (to 0.1%).
    /// </summary>
    public static List<SchoolTraining> BySchool(IReadOnlyList<TeacherTraining> teachers) =>
        [.. teachers.GroupBy(t => (t.SchoolId, t.SchoolName)).Select(g => new SchoolTraining(g.Key.SchoolId, g.Key.SchoolName,
            g.Count(), g.Count(t => t.Status == TrainingStatus.Done), g.Count(t => t.Status == TrainingStatus.OnTrack),
            g.Count(t => t.Status == TrainingStatus.Behind), g.Count(t => t.Status == TrainingStatus.Missed),
            g.Count(t => t.CannotFinish), Math.Round((double)g.Count(t => t.Status == TrainingStatus.Done) / g.Count(), 3)))];

    /// <summary>The worst status over the rules: missed if a period ended short, behind if any rule is, done if all are.</summary>
    public static TrainingStatus Overall(IReadOnlyList<RuleProgress> progress) =>
        progress.Count == 0 ? TrainingStatus.Done : progress.Max(p => p.Status);

    private static RuleProgress Current(TrainingRule rule, DateOnly? hiredOn, IReadOnlyList<TrainingHours> records,
        DateOnly asOf, double maxHoursPerMonth, int alertMonths)
    {
        var period = Period(rule, hiredOn, asOf);
        var (from, until, required) = (period.From, period.Until, Owed(period, hiredOn));
        // Hours recorded after the day of reckoning were not earned yet on it.
        var earned = Earned(records, from, until < asOf ? until : asOf);
        var start = Employed(period, hiredOn);
        var elapsed = Math.Clamp((asOf.DayNumber - start.DayNumber + 1) / (double)(until.DayNumber - start.DayNumber + 1), 0, 1);
        var expected = Math.Round(required * elapsed, 1);
        var status = earned >= required ? TrainingStatus.Done : earned >= expected ? TrainingStatus.OnTrack : TrainingStatus.Behind;
        var monthsLeft = Math.Max(0, until.DayNumber - asOf.DayNumber) / 30.4375;
        var owing = status != TrainingStatus.Done;
        return new RuleProgress(rule.Kind, from, until, required, earned, expected, status,
            owing && required - earned > monthsLeft * maxHoursPerMonth,
            owing && alertMonths > 0 && asOf >= until.AddDays(1).AddMonths(-alertMonths));
    }

    /// <summary>
    /// The periods of a rule that ended before <paramref name="asOf"/>, from the rule's first year and the teacher's
    /// hiring on: each one the rule judged on its last day (a cycle that ended in a new teacher's first year was not).
    /// </summary>
    private static IEnumerable<(DateOnly From, DateOnly Until, double Required)> ClosedPeriods(
        TrainingRule rule, DateOnly? hiredOn, DateOnly asOf)
    {
        var years = rule.Kind == RuleKind.Annual ? 1 : rule.Years;
        var periods = new List<(DateOnly From, DateOnly Until, double Required)>();
        for (var start = rule.FirstCycleStart; new DateOnly(start + years - 1, 12, 31) < asOf; start += years)
            periods.Add((new DateOnly(start, 1, 1), new DateOnly(start + years - 1, 12, 31), rule.Hours));
        if (rule.Kind == RuleKind.Cycle && rule.NewTeacherHours is { } hours && hiredOn is { } hired
            && hired.AddYears(1).AddDays(-1) < asOf)
            periods.Add((hired, hired.AddYears(1).AddDays(-1), hours));
        var ruleStart = new DateOnly(rule.FirstCycleStart, 1, 1);
        return periods
            .Where(p => p.From >= ruleStart && (hiredOn is null || p.Until >= hiredOn) && Period(rule, hiredOn, p.Until) == p)
            .OrderBy(p => p.From);
    }

    /// <summary>
    /// The hours a teacher owes in a period: all of them, or for one hired during it, the share of the period from
    /// the day they were hired (to 0.1 hour): hired two-thirds into a cycle, a third of its hours.
    /// </summary>
    private static double Owed((DateOnly From, DateOnly Until, double Required) period, DateOnly? hiredOn) =>
        Math.Round(period.Required * (period.Until.DayNumber - Employed(period, hiredOn).DayNumber + 1)
            / (period.Until.DayNumber - period.From.DayNumber + 1), 1);

    private static DateOnly Employed((DateOnly From, DateOnly Until, double Required) period, DateOnly? hiredOn) =>
        hiredOn is { } hired && hired > period.From ? hired : period.From;

    private static double Earned(IReadOnlyList<TrainingHours> records, DateOnly from, DateOnly until) =>
        records.Where(r => r.Date >= from && r.Date <= until).Sum(r => r.Hours);

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
