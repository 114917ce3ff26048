using Platform.Contracts;

namespace Platform.Planning.Indicators;

/// <summary>A plan's target for an indicator, as printed: comparators kept apart from values ("＞99" is '>' and 99).</summary>
public sealed record PlanTarget(
    string Better, int BaselineYear, string BaselineComparator, double? Baseline, int TargetYear, string TargetComparator, double Target);

/// <summary>
/// Whether an indicator is on track for its plan target (plain: no I/O). A value that already meets the target is on
/// track. Otherwise it is compared with the straight path from the baseline to the target: on track when it is at
/// least as good as the path in its year ("good" is higher or lower by the indicator), behind when worse, or when
/// the target year has come without the target met. Without a baseline only meeting the target counts.
/// </summary>
public static class IndicatorProgress
{
    public static ProgressStatus Status(PlanTarget target, double? value, int? year)
    {
        if (value is not { } v || year is not { } y)
            return ProgressStatus.NoData;
        if (Meets(target, v))
            return ProgressStatus.OnTrack;
        if (target.Baseline is null || y >= target.TargetYear)
            return ProgressStatus.Behind;
        return AtLeastAsGood(target.Better, v, Expected(target, y)!.Value) ? ProgressStatus.OnTrack : ProgressStatus.Behind;
    }

    /// <summary>The value the straight path from baseline to target reaches in <paramref name="year"/>; null without a baseline.</summary>
    public static double? Expected(PlanTarget target, int year)
    {
        if (target.Baseline is not { } baseline)
            return null;
        var progress = Math.Clamp((double)(year - target.BaselineYear) / (target.TargetYear - target.BaselineYear), 0, 1);
        return baseline + (target.Target - baseline) * progress;
    }

    /// <summary>The value satisfies the target: by its comparator when printed with one, else by the indicator's direction.</summary>
    public static bool Meets(PlanTarget target, double value) => target.TargetComparator switch
    {
        ">" => value > target.Target,
        "≥" => value >= target.Target,
        "<" => value < target.Target,
        "≤" => value <= target.Target,
        _ => AtLeastAsGood(target.Better, value, target.Target),
    };

    private static bool AtLeastAsGood(string better, double value, double reference) =>
        better == "lower" ? value <= reference + 1e-9 : value >= reference - 1e-9;
}
