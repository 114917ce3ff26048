using Platform.Contracts;
using Platform.Planning.Indicators;

namespace Platform.UnitTests.Indicators;

public class IndicatorProgressTests
{
    // 东丽 学前三年毛入园率: 91.5 in 2020, 95 by 2025.
    private static readonly PlanTarget Preschool = new("higher", 2020, "", 91.5, 2025, "", 95);

    [Fact]
    public void Compares_a_value_with_the_straight_path_from_baseline_to_target()
    {
        Assert.Equal(92.9, IndicatorProgress.Expected(Preschool, 2022)!.Value, precision: 9); // 91.5 + 3.5 × 2/5
        Assert.Equal(ProgressStatus.OnTrack, IndicatorProgress.Status(Preschool, 93.0, 2022));
        Assert.Equal(ProgressStatus.Behind, IndicatorProgress.Status(Preschool, 92.8, 2022));
        Assert.Equal(ProgressStatus.NoData, IndicatorProgress.Status(Preschool, null, null));
    }

    [Fact]
    public void Meeting_the_target_is_on_track_and_the_target_year_leaves_no_slack()
    {
        Assert.Equal(ProgressStatus.OnTrack, IndicatorProgress.Status(Preschool, 95.2, 2021));
        Assert.Equal(ProgressStatus.Behind, IndicatorProgress.Status(Preschool, 94.9, 2025));
    }

    [Theory]
    [InlineData(">", 99.0, false)] // "＞99": 99 itself is not above
    [InlineData(">", 99.1, true)]
    [InlineData("≥", 99.0, true)]
    [InlineData("", 99.0, true)]   // no comparator: at least the target, as the indicator is better higher
    public void Reads_the_comparator_printed_with_the_target(string comparator, double value, bool meets) =>
        Assert.Equal(meets, IndicatorProgress.Meets(new PlanTarget("higher", 2020, "", 99, 2025, comparator, 99), value));

    [Fact]
    public void Lower_is_better_for_large_classes_and_myopia()
    {
        var myopia = new PlanTarget("lower", 2020, "", 58.2, 2025, "", 53.2); // 河北 近视率
        Assert.Equal(ProgressStatus.OnTrack, IndicatorProgress.Status(myopia, 56.0, 2022)); // path: 58.2 - 5 × 2/5 = 56.2
        Assert.Equal(ProgressStatus.Behind, IndicatorProgress.Status(myopia, 57.0, 2022));
        Assert.True(IndicatorProgress.Meets(new PlanTarget("lower", 2020, "", 0, 2025, "", 0), 0));
        Assert.False(IndicatorProgress.Meets(new PlanTarget("lower", 2020, "", 0, 2025, "", 0), 0.4));
    }

    [Fact]
    public void A_target_below_its_baseline_is_taken_as_printed()
    {
        var publicShare = new PlanTarget("higher", 2020, ">", 64, 2025, ">", 60); // 河北 公办园 >64 → >60
        Assert.Equal(ProgressStatus.OnTrack, IndicatorProgress.Status(publicShare, 61, 2023));
        Assert.Equal(ProgressStatus.Behind, IndicatorProgress.Status(publicShare, 59, 2023));
    }
}

public class IndicatorValuesTests
{
    [Fact]
    public void Computes_coverage_shares_retention_and_registry_indicators_by_hand()
    {
        YearFigures[] years =
        [
            new(2016, 2000, 1200, 500, 1000, 0, 0, 2100, null),
            new(2024, 2400, 1300, 900, 900, 970, 600, 2500, 700),
        ];
        var values = IndicatorValues.Compute(years, new RegistryFigures(2024, 400, 10, 40, 30))
            .ToDictionary(v => (v.IndicatorCode, v.Year), v => v.Value);

        Assert.Equal(95.24, values[("preschool_gross_enrolment", 2016)]);   // 2000 / 2100
        Assert.Equal(96.0, values[("preschool_gross_enrolment", 2024)]);    // 2400 / 2500
        Assert.Equal(91.67, values[("inclusive_kindergarten_coverage", 2024)]); // (1300 + 900) / 2400
        Assert.Equal(54.17, values[("public_kindergarten_share", 2024)]);   // 1300 / 2400
        Assert.Equal(97.0, values[("compulsory_retention", 2024)]);         // grade 9 in 2024 / grade 1 in 2016: 970 / 1000
        Assert.Equal(85.71, values[("senior_gross_enrolment", 2024)]);      // 600 / 700
        Assert.Equal(75.0, values[("zoned_schooling_share", 2024)]);        // 30 / 40
        Assert.Equal(2.5, values[("large_class_share", 2024)]);             // 10 / 400
    }

    [Fact]
    public void Leaves_out_what_has_no_denominator()
    {
        var values = IndicatorValues.Compute([new YearFigures(2024, 0, 0, 0, 100, 90, 0, null, null)], null);
        Assert.Empty(values); // no population, no kindergarten pupils, no grade 1 eight years before, no registry
    }
}
