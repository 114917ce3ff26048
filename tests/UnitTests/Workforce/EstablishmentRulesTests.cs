using Platform.Workforce.Establishment;

namespace Platform.UnitTests.Workforce;

public class EstablishmentRulesTests
{
    private static readonly IReadOnlyDictionary<string, double> Defaults = EstablishmentRules.DefaultPupilsPerTeacher;

    [Fact]
    public void Required_teachers_are_pupils_over_the_stage_ratio_rounded_up()
    {
        Assert.Equal(32, EstablishmentRules.Required([("primary", 600)], Defaults));                 // 600 / 19 = 31.6
        Assert.Equal(60, EstablishmentRules.Required([("junior_secondary", 810)], Defaults));       // 810 / 13.5 = 60 exactly
        Assert.Equal(56, EstablishmentRules.Required([("primary", 380), ("senior_secondary", 450)], Defaults)); // 20 + 36
        Assert.Equal(20, EstablishmentRules.Required([("primary", 380)], new Dictionary<string, double> { ["primary"] = 19 }));
    }

    [Fact]
    public void Surplus_counts_only_schools_over_their_requirement()
    {
        Assert.Equal(8, EstablishmentRules.Surplus([(40, 32), (10, 15), (20, 20)])); // the short school does not offset
    }

    [Fact]
    public void A_requirement_is_covered_when_the_surplus_is_enough()
    {
        Assert.Equal((5, true), EstablishmentRules.Assess("primary", 90, surplus: 8, Defaults));   // ⌈90 / 19⌉ = 5
        Assert.Equal((19, false), EstablishmentRules.Assess("primary", 360, surplus: 8, Defaults)); // ⌈360 / 19⌉ = 19
    }
}
