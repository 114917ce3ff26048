using Platform.Contracts;

namespace Platform.UnitTests;

public class CodesTests
{
    [Theory]
    [InlineData("inEffect", true)]
    [InlineData("InEffect", true)]
    [InlineData("INEFFECT", true)]
    [InlineData("3", false)]   // Enum.TryParse would take it, a member or not
    [InlineData("99", false)]
    [InlineData("in_effect", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_code_is_a_members_name_in_any_case_and_nothing_else(string? code, bool known)
    {
        Assert.Equal(known, Codes.TryParse<PlanStatus>(code, out var status));
        Assert.Equal(known ? PlanStatus.InEffect : default, status);
        Assert.Equal("inEffect", PlanStatus.InEffect.Code());
    }
}
