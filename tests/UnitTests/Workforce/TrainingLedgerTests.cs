using Platform.Contracts;
using Platform.Workforce.Training;

namespace Platform.UnitTests.Workforce;

public class TrainingLedgerTests
{
    // Both from 2026, so the tests of one period see no period before it.
    private static readonly TrainingRule Dongli = new(RuleKind.Annual, 96, FirstCycleStart: 2026);
    private static readonly TrainingRule Cycle = TrainingRule.NationalCycle with { FirstCycleStart = 2026 };
    private static readonly TrainingRule FromCycle2021 = TrainingRule.NationalCycle;

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
        var progress = TrainingLedger.Evaluate([Cycle, Dongli], new DateOnly(2010, 9, 1),
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

    [Fact]
    public void A_cycle_that_ended_short_stays_on_record_from_the_day_after_it_ends()
    {
        var hours = new TrainingHours[] { new(new DateOnly(2022, 5, 1), 150), new(new DateOnly(2025, 5, 1), 150) };
        IReadOnlyList<RuleProgress> On(int year, int month, int day) =>
            TrainingLedger.Evaluate([FromCycle2021], new DateOnly(2010, 9, 1), hours, new DateOnly(year, month, day));

        // The last day of the cycle: still the current period, behind (300 of 360).
        Assert.Equal([(TrainingStatus.Behind, new DateOnly(2025, 12, 31))], On(2025, 12, 31).Select(p => (p.Status, p.Until)));
        foreach (var day in new[] { On(2026, 1, 1), On(2026, 1, 2), On(2029, 6, 1) })
        {
            Assert.Equal(2, day.Count); // the cycle missed, then the current one
            Assert.Equal((TrainingStatus.Missed, new DateOnly(2021, 1, 1), 300.0, 360.0),
                (day[0].Status, day[0].From, day[0].Earned, day[0].Required));
            Assert.Equal(TrainingStatus.Missed, TrainingLedger.Overall(day));
        }
        // Completed in time, nothing stays.
        Assert.Single(TrainingLedger.Evaluate([FromCycle2021], new DateOnly(2010, 9, 1),
            [.. hours, new(new DateOnly(2025, 12, 31), 60)], new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void A_first_year_short_of_its_hours_stays_on_record_and_a_cycle_that_ended_inside_it_is_not_judged()
    {
        // Hired 1 March 2025: the first year (to 28 February 2026) needs 120; the 2021-2025 cycle ended inside it.
        var hired = new DateOnly(2025, 3, 1);
        var progress = TrainingLedger.Evaluate([FromCycle2021], hired, [new(new DateOnly(2025, 6, 1), 100)], new DateOnly(2026, 3, 1));

        Assert.Equal([(TrainingStatus.Missed, hired, 120.0), (TrainingStatus.Behind, new DateOnly(2026, 1, 1), 360.0)],
            progress.Select(p => (p.Status, p.From, p.Required)));
        // A teacher hired after a period ended is not judged on it.
        Assert.DoesNotContain(TrainingLedger.Evaluate([Dongli with { FirstCycleStart = 2021 }], new DateOnly(2024, 9, 1), [],
            new DateOnly(2026, 2, 1)), p => p.Until.Year < 2024);
    }

    [Fact]
    public void Hours_owed_are_raised_from_three_months_before_the_period_ends()
    {
        TrainingHours[] owing = [new(new DateOnly(2026, 3, 1), 50)];
        bool DueSoon(DateOnly on, int alertMonths = 3) =>
            TrainingLedger.Evaluate([Dongli], null, owing, on, alertMonths: alertMonths).Single().DueSoon;

        Assert.False(DueSoon(new DateOnly(2026, 9, 30)));
        Assert.True(DueSoon(new DateOnly(2026, 10, 1)));
        Assert.True(DueSoon(new DateOnly(2026, 10, 2)));
        Assert.False(DueSoon(new DateOnly(2026, 10, 31), alertMonths: 2));
        Assert.True(DueSoon(new DateOnly(2026, 11, 1), alertMonths: 2));
        Assert.False(DueSoon(new DateOnly(2026, 12, 31), alertMonths: 0));
        // Done is never due.
        Assert.False(TrainingLedger.Evaluate([Dongli], null, [new(new DateOnly(2026, 3, 1), 96)], new DateOnly(2026, 12, 1))
            .Single().DueSoon);
    }

    [Fact]
    public void Hours_recorded_after_the_day_of_reckoning_do_not_count_on_it()
    {
        TrainingHours[] hours = [new(new DateOnly(2026, 3, 1), 40), new(new DateOnly(2026, 10, 10), 56)];

        Assert.Equal(40, TrainingLedger.Evaluate([Dongli], null, hours, new DateOnly(2026, 10, 9)).Single().Earned);
        Assert.Equal(96, TrainingLedger.Evaluate([Dongli], null, hours, new DateOnly(2026, 10, 10)).Single().Earned);
    }

    [Fact]
    public void A_teacher_hired_during_a_period_owes_its_hours_for_the_part_since_hiring()
    {
        // Hired 1 September 2022, past the first year from September 2023: 1,218 of the cycle's 1,826 days, so
        // 360 × 1,218 / 1,826 = 240.1 hours; 250 done in time is complete.
        var hired = new DateOnly(2022, 9, 1);
        TrainingHours[] hours = [new(new DateOnly(2022, 11, 1), 130), new(new DateOnly(2024, 5, 1), 120)];
        var running = TrainingLedger.Evaluate([FromCycle2021], hired, hours, new DateOnly(2025, 6, 30)).Last();
        Assert.Equal(240.1, running.Required);
        // Expected in proportion to the part gone by since hiring: 1,034 of 1,218 days.
        Assert.Equal(Math.Round(240.1 * 1034 / 1218, 1), running.Expected);
        Assert.DoesNotContain(TrainingLedger.Evaluate([FromCycle2021], hired, hours, new DateOnly(2026, 1, 1)),
            p => p.Status == TrainingStatus.Missed);
        var onlyFirstYear = TrainingLedger.Evaluate([FromCycle2021], hired, hours[..1], new DateOnly(2026, 1, 1));
        Assert.Contains(onlyFirstYear, p => p is { Status: TrainingStatus.Missed, Required: 240.1, Earned: 130 });
    }

    [Fact]
    public void A_schools_completion_rate_is_its_share_of_teachers_done_with_every_rule()
    {
        var school = Guid.NewGuid();
        TeacherTraining Teacher(TrainingStatus status, bool cannotFinish = false) =>
            new(Guid.NewGuid(), "T", "教师", school, "学校", status, cannotFinish, []);

        var rates = Assert.Single(TrainingLedger.BySchool([Teacher(TrainingStatus.Done), Teacher(TrainingStatus.OnTrack),
            Teacher(TrainingStatus.Behind, cannotFinish: true), Teacher(TrainingStatus.Missed), Teacher(TrainingStatus.Done),
            Teacher(TrainingStatus.Done)]));

        Assert.Equal((6, 3, 1, 1, 1, 1, 0.5),
            (rates.Teachers, rates.Done, rates.OnTrack, rates.Behind, rates.Missed, rates.CannotFinish, rates.CompletionRate));
    }
}
