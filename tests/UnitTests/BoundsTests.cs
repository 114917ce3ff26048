using Microsoft.Extensions.Hosting;
using Platform.BuildingBlocks.Http;

namespace Platform.UnitTests;

public class BoundsTests
{
    private static readonly BoundsAttribute Hours = new(0, 1000);

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(1000.0, true)]
    [InlineData(1000.5, false)]
    [InlineData(-0.1, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void A_number_is_within_bounds_only_between_them_and_never_NaN(double value, bool valid) =>
        Assert.Equal(valid, Hours.IsValid(value));

    [Fact]
    public void Money_beyond_the_bound_is_refused_even_at_decimals_limit() =>
        Assert.False(new BoundsAttribute(0, 1e11).IsValid(79_000_000_000_000_000_000_000_000_000m));

    [Fact]
    public void Every_number_of_a_list_or_map_is_held_to_the_bounds()
    {
        Assert.True(Hours.IsValid(new[] { 1, 2, 1000 }));
        Assert.False(Hours.IsValid(new[] { 1, 2, 1001 }));
        Assert.True(Hours.IsValid(new Dictionary<string, double> { ["数学"] = 3 }));
        Assert.False(Hours.IsValid(new Dictionary<string, double> { ["数学"] = double.NaN }));
        Assert.True(Hours.IsValid(null));
    }

    [Fact]
    public void The_message_gives_the_range() =>
        Assert.Equal("须在 0 到 1000 之间。", Hours.FormatErrorMessage("hours"));

    [Theory]
    [InlineData("9999-12-31", true)]
    [InlineData("0001-01-01T00:00:00", true)]
    [InlineData("1899-12-31", true)]
    [InlineData("1900-01-01", false)]
    [InlineData("2100-12-31", false)]
    [InlineData("2026-09-01T08:00:00Z", false)]
    [InlineData("12/31/9999", true)]
    [InlineData("01/01/0001", true)]
    [InlineData("09/01/2026", false)]
    [InlineData("not a date", false)]
    [InlineData("2030", false)]
    public void A_date_outside_1900_to_2100_is_outside_the_range(string text, bool outside) =>
        Assert.Equal(outside, DateRange.IsOutside(text));
}

public class PlainTextTests
{
    [Theory]
    [InlineData("红桥区第一小学", true)]
    [InlineData("行一\t行二\n", true)]
    [InlineData("学\u0000校", false)]
    [InlineData("\u202e\u200b", false)]
    [InlineData("abc\u2067", false)]
    public void Text_is_plain_without_control_characters_or_direction_overrides(string text, bool plain) =>
        Assert.Equal(plain, PlainText.IsPlain(text));

    [Theory]
    [InlineData("\u200b\u200b\u200b")]
    [InlineData(" \u00a0 ")]
    public void Invisible_characters_alone_are_no_text(string text)
    {
        var validation = new Validation();
        validation.Text("name", text, 50);
        Assert.False(validation.IsValid);
    }
}
