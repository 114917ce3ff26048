using System.Security.Claims;
using Platform.BuildingBlocks.Security;

namespace Platform.UnitTests.Security;

public class DistrictScopeTests
{
    [Theory]
    [InlineData("120106", "120106", true)]  // 红桥区 sees itself
    [InlineData("120106", "120104", false)] // and not 南开区
    [InlineData("120000", "120104", true)]  // 天津市 sees every district of the city
    [InlineData("120000", "310104", false)] // but not Shanghai's
    [InlineData("120100", "120110", true)]  // a city-level code ending in 00 covers its districts
    [InlineData("120106", null, false)]
    public void A_scope_covers_its_own_district_or_the_districts_under_its_code(string scope, string? district, bool covered) =>
        Assert.Equal(covered, new DistrictScope(scope).Covers(district));

    [Theory]
    [InlineData("120106", "120106", true)]
    [InlineData("120000", "12", false)]
    [InlineData("120100", "1201", false)]
    public void The_prefix_is_what_every_covered_code_starts_with(string scope, string prefix, bool singleDistrict)
    {
        var district = new DistrictScope(scope);
        Assert.Equal((prefix, singleDistrict), (district.Prefix, district.IsSingleDistrict));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12010")]
    [InlineData("1201066")]
    [InlineData("012010")]
    [InlineData("12O106")]
    public void Anything_but_a_six_digit_code_is_refused(string code)
    {
        Assert.False(DistrictScope.IsCode(code));
        Assert.Throws<ArgumentException>(() => new DistrictScope(code));
        Assert.Null(DistrictScope.Of(new ClaimsPrincipal(new ClaimsIdentity([new Claim(DistrictScope.ClaimType, code)], "test"))));
    }

    [Fact]
    public void A_user_without_a_district_claim_has_no_scope() =>
        Assert.Null(DistrictScope.Of(new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", "planner")], "test"))));
}
