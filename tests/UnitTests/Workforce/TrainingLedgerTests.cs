using Platform.Contracts;
using Platform.Workforce.Training;

namespace Platform.UnitTests.Workforce;

public class TrainingLedgerTests
{
    private static readonly TrainingRule Dongli = new(RuleKind.Annual, 96);

    [Fact]
    public void The_cycle_is_the_five_years_containing_the_date()
    {
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31), 360.0),
            TrainingLedger.Period(TrainingRule.NationalCycle, new DateOnly(2010, 9, 1), new DateOnly(2026, 11, 22)));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), 360.0),
            TrainingLedger.Period(TrainingRule.NationalCycle, null, new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void A_new_teacher_needs_120_hours_in_the_first_year_after_hiring()
    {
        var hired = new DateOnly(2026, 9, 1);
        Assert.Equal((hired, new DateOnly(2027, 8, 31), 120.0),
            TrainingLedger.Period(TrainingRule.NationalCycle, hired, new DateOnly(2026, 11, 22)));
        // 30 hours by 22 November: 83 of 365 days gone, so 120 × 83 / 365 = 27.3 expected; on track.
        var progress = Assert.Single(TrainingLedger.Evaluate([TrainingRule.NationalCycle], hired, [new(new DateOnly(2026, 10, 10), 30)],
            new DateOnly(2026, 11, 22)));
        Assert.Equal((120.0, 30.0, 27.3, TrainingStatus.OnTrack), (progress.Required, progress.Earned, progress.Expected, progress.Status));
    }

    [Fact]
    public void An_annual_rule_expects_hours_in_proportion_to_the_year_gone_by()
    {
        // 1 July 2026 is day 182 of 365: 96 × 182 / 365 = 47.9 expected. 40 hours is behind, 48 on track, 96 done.
        var on = new DateOnly(2026, 7, 1);
        TrainingStatus StatusWith(double hours) => TrainingLedger.Evaluate([Dongli], null, [new(new DateOnly(2026, 3, 1), hours)], on)
            .Single().Status;
        Assert.Equal(47.9, TrainingLedger.Evaluate([Dongli], null, [], on).Single().Expected);
        Assert.Equal([TrainingStatus.Behind, TrainingStatus.OnTrack, TrainingStatus.Done], new[] { 40.0, 48, 96 }.Select(StatusWith));
        // Hours of last year do not count this year.
        Assert.Equal(0, TrainingLedger.Evaluate([Dongli], null, [new(new DateOnly(2025, 12, 31), 96)], on).Single().Earned);
    }

    [Fact]
    public void Both_kinds_of_rule_apply_together_and_the_worst_status_wins()
    {
        // 东丽: 96 a year on top of the 360-hour cycle. 100 hours this year: done for the year, but 100 of 360 by
        // late 2026 is on track for the 2026-2030 cycle (expected 360 × 326 / 1826 = 64.3).
        var progress = TrainingLedger.Evaluate([TrainingRule.NationalCycle, Dongli], new DateOnly(2010, 9, 1),
            [new(new DateOnly(2026, 5, 1), 100)], new DateOnly(2026, 11, 22));
        Assert.Equal([TrainingStatus.OnTrack, TrainingStatus.Done], progress.Select(p => p.Status));
        Assert.Equal(64.3, progress[0].Expected);
        Assert.Equal(TrainingStatus.OnTrack, TrainingLedger.Overall(progress));
    }

    [Fact]
    public void A_teacher_who_can_no_longer_finish_is_flagged()
    {
        // 20 November: 41 days left, about 1.35 months × 40 hours = 54 hours at most; 96 - 10 = 86 are still needed.
        var late = TrainingLedger.Evaluate([Dongli], null, [new(new DateOnly(2026, 2, 1), 10)], new DateOnly(2026, 11, 20)).Single();
        Assert.True(late.CannotFinish);
        var closeEnough = TrainingLedger.Evaluate([Dongli], null, [new(new DateOnly(2026, 2, 1), 50)], new DateOnly(2026, 11, 20)).Single();
        Assert.False(closeEnough.CannotFinish); // 46 hours still needed fit in the time left
    }
}
