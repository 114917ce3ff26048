using Platform.Contracts;
using Platform.Workforce.Training;

namespace Platform.UnitTests.Workforce;

public class TrainingRuleTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(2000.5)]
    public void Hours_out_of_range_or_not_a_number_are_refused(double hours) =>
        Assert.Contains(nameof(TrainingRule.Hours), new TrainingRule(RuleKind.Cycle, hours, 5).Problems().Keys);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(1000.5)]
    public void A_new_teachers_hours_out_of_range_or_not_a_number_are_refused(double hours) =>
        Assert.Contains(nameof(TrainingRule.NewTeacherHours), new TrainingRule(RuleKind.Cycle, 360, 5, 2021, hours).Problems().Keys);

    [Fact]
    public void The_default_rule_holds() => Assert.Empty(new TrainingRule(RuleKind.Cycle, 360, 5, 2021, 120).Problems());
}
