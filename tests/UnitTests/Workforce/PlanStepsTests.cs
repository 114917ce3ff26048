using Platform.Contracts;
using Platform.Workforce.Rotation;

namespace Platform.UnitTests.Workforce;

public sealed class PlanStepsTests
{
    private static readonly string[] Steps = ["submit", "return", "approve", "start", "complete"];

    /// <summary>The only moves a plan may make; every other step from every other status is refused.</summary>
    private static readonly HashSet<(PlanStatus, string)> Allowed =
    [
        (PlanStatus.Draft, "submit"),
        (PlanStatus.Submitted, "return"),
        (PlanStatus.Submitted, "approve"),
        (PlanStatus.Approved, "start"),
        (PlanStatus.InEffect, "complete"),
    ];

    public static TheoryData<PlanStatus, string, bool> EveryStepFromEveryStatus()
    {
        var data = new TheoryData<PlanStatus, string, bool>();
        foreach (var status in Enum.GetValues<PlanStatus>())
            foreach (var step in Steps)
                data.Add(status, step, Allowed.Contains((status, step)));
        return data;
    }

    [Theory]
    [InlineData("submit", PlanStatus.Draft, PlanStatus.Submitted)]
    [InlineData("return", PlanStatus.Submitted, PlanStatus.Draft)]
    [InlineData("approve", PlanStatus.Submitted, PlanStatus.Approved)]
    [InlineData("start", PlanStatus.Approved, PlanStatus.InEffect)]
    [InlineData("complete", PlanStatus.InEffect, PlanStatus.Completed)]
    public void Each_step_moves_a_plan_from_one_status_to_the_next(string step, PlanStatus from, PlanStatus to) =>
        Assert.Equal((from, to), (PlanSteps.Moves[step].From, PlanSteps.Moves[step].To));

    [Fact]
    public void The_steps_are_offered_in_the_order_a_plan_takes_them() =>
        Assert.Equal(Steps, PlanSteps.Moves.Keys);

    [Theory]
    [InlineData("")]
    [InlineData("cancel")]
    [InlineData("reopen")]
    [InlineData("Submit")]
    [InlineData("approve ")]
    public void Anything_else_is_not_a_step(string step) =>
        Assert.False(PlanSteps.Moves.ContainsKey(step));

    [Theory]
    [InlineData(PlanStatus.Draft, new[] { "submit" })]
    [InlineData(PlanStatus.Submitted, new[] { "return", "approve" })]
    [InlineData(PlanStatus.Approved, new[] { "start" })]
    [InlineData(PlanStatus.InEffect, new[] { "complete" })]
    [InlineData(PlanStatus.Completed, new string[0])]
    public void A_plan_is_offered_only_the_steps_from_its_status(PlanStatus status, string[] offered) =>
        Assert.Equal(offered, PlanSteps.From(status));

    [Theory]
    [MemberData(nameof(EveryStepFromEveryStatus))]
    public void A_step_is_allowed_only_from_its_own_status(PlanStatus status, string step, bool allowed)
    {
        Assert.Equal(allowed, PlanSteps.From(status).Contains(step));
        Assert.Equal(allowed, PlanSteps.Moves[step].From == status);
    }

    [Fact]
    public void A_status_that_is_not_one_offers_no_step() =>
        Assert.Empty(PlanSteps.From((PlanStatus)99));

    [Fact]
    public void Submitting_approving_and_starting_check_the_teachers_again_and_only_approval_the_quotas()
    {
        Assert.Equal(["submit", "approve", "start"], PlanSteps.Moves.Where(m => m.Value.RechecksEligibility).Select(m => m.Key));
        Assert.Equal(["approve"], PlanSteps.Moves.Where(m => m.Value.ChecksQuotas).Select(m => m.Key));
        Assert.Equal(["return"], PlanSteps.Moves.Where(m => m.Value.NeedsNote).Select(m => m.Key));
    }
}
