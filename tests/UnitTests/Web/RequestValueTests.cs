using Platform.Web.Account;
using Platform.Web.Api;

namespace Platform.UnitTests.Web;

public sealed class RequestValueTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/planning?districtCode=120106", "/planning?districtCode=120106")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("~/planning", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Only_a_path_of_this_site_is_a_place_to_return_to(string? url, string expected) =>
        Assert.Equal(expected, LocalUrl.OrHome(url));

    [Theory]
    [InlineData("120106", true)]
    [InlineData("12010", false)]
    [InlineData("1201066", false)]
    [InlineData("12010a", false)]
    [InlineData("１２０１０６", false)] // full-width digits
    [InlineData("120106?", false)]
    [InlineData(null, false)]
    public void A_district_code_is_six_ascii_digits(string? value, bool valid) =>
        Assert.Equal(valid, DistrictCode.TryParse(value, out _));

    [Theory]
    [InlineData("hebei-14", true)]
    [InlineData("tianjin_14", true)]
    [InlineData("hebei-14?x", false)]
    [InlineData("hebei-14#x", false)]
    [InlineData("..", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void A_plan_id_is_letters_digits_and_dashes(string value, bool valid) =>
        Assert.Equal(valid, PlanId.TryParse(value, out _));
}
