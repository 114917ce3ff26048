using Platform.BuildingBlocks;
using Platform.Workforce.Rotation;

namespace Platform.UnitTests.Workforce;

public sealed class RotationDatesTests
{
    [Theory]
    [InlineData("2027-08-31", false)]
    [InlineData("2027-09-01", true)]
    [InlineData("2027-09-02", true)]
    [InlineData("2028-08-31", true)]
    [InlineData("2028-09-01", false)]
    public void A_reference_date_falls_in_the_plans_school_year(string day, bool allowed) =>
        Assert.Equal(allowed, RotationDates.WhyNotReferenceDate(2027, DateOnly.Parse(day)) is null);

    [Fact]
    public void A_teacher_is_home_again_on_the_anniversary_of_the_reference_date_after_the_term_and_its_extensions()
    {
        Assert.Equal(new DateOnly(2030, 9, 1), RotationDates.HomeOn(new DateOnly(2027, 9, 1), 3));
        Assert.Equal(new DateOnly(2031, 9, 1), RotationDates.HomeOn(new DateOnly(2027, 9, 1), 3 + 1));
    }

    [Theory]
    [InlineData("2027-08-31", "after the term began")]
    [InlineData("2027-09-01", "after the term began")]
    [InlineData("2027-09-02", null)]
    [InlineData("2030-08-31", null)]
    [InlineData("2030-09-01", "before the term ends")]
    public void An_early_return_falls_after_the_term_began_and_before_it_ends(string day, string? refusal)
    {
        var why = RotationDates.WhyNotReturnOn(new DateOnly(2027, 9, 1), 3, DateOnly.Parse(day));
        if (refusal is null)
            Assert.Null(why);
        else
            Assert.Contains(refusal, why?.En);
    }

    [Theory]
    [InlineData("2027-08-31T15:59:59Z", "2027-08-31")]
    [InlineData("2027-08-31T16:00:00Z", "2027-09-01")] // midnight in Beijing
    [InlineData("2027-09-01T15:59:59Z", "2027-09-01")]
    public void Today_is_the_day_in_Beijing(string utc, string day) =>
        Assert.Equal(DateOnly.Parse(day), new At(DateTimeOffset.Parse(utc)).Today());

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
