using Platform.Contracts;
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
        // The short school does not offset; the school without enrolment has no requirement to be over.
        Assert.Equal(8, EstablishmentRules.Surplus([School(40, 32), School(10, 15), School(20, 20), School(12, null)]));
    }

    [Fact]
    public void A_requirement_is_covered_when_the_surplus_is_enough()
    {
        Assert.Equal((5, true), EstablishmentRules.Assess("primary", 90, surplus: 8, Defaults));   // ⌈90 / 19⌉ = 5
        Assert.Equal((19, false), EstablishmentRules.Assess("primary", 360, surplus: 8, Defaults)); // ⌈360 / 19⌉ = 19
    }

    [Fact]
    public void Each_forecast_year_requires_teachers_by_stage_against_today()
    {
        var years = EstablishmentRules.ByYear(
            [(2027, "primary", 190), (2027, "junior_secondary", 27), (2028, "primary", 191)],
            new Dictionary<string, double> { ["primary"] = 19 }, actualToday: 12);

        Assert.Equal([(2027, 12, 0), (2028, 11, -1)], years.Select(y => (y.Year, y.Required, y.Gap)));
        Assert.Equal(2, years[0].ByStage["junior_secondary"]);
    }

    [Fact]
    public void A_district_ratio_is_a_known_stage_above_0_and_at_most_100()
    {
        Assert.Null(EstablishmentRules.WhyNotRatio("primary", 17.5));
        Assert.Null(EstablishmentRules.WhyNotRatio("primary", 100));
        Assert.NotNull(EstablishmentRules.WhyNotRatio("college", 17.5));
        Assert.NotNull(EstablishmentRules.WhyNotRatio("primary", 0));
        Assert.NotNull(EstablishmentRules.WhyNotRatio("primary", 100.5));
        Assert.NotNull(EstablishmentRules.WhyNotRatio("primary", double.NaN));
    }

    [Fact]
    public void Each_stage_of_a_nine_year_school_is_rounded_up_before_they_are_added()
    {
        // 400 / 19 = 21.05 → 22 and 100 / 13.5 = 7.4 → 8: 30, where rounding the sum (28.46) would give 29.
        Assert.Equal(30, EstablishmentRules.Required([("primary", 400), ("junior_secondary", 100)], Defaults));
        Assert.Equal(30, EstablishmentRules.ByYear([(2027, "primary", 400), (2027, "junior_secondary", 100)], Defaults, 0)[0].Required);
        Assert.Equal(22, EstablishmentRules.Required([("primary", 250), ("primary", 150)], Defaults)); // one stage, once
    }

    [Fact]
    public void A_district_adds_up_only_the_requirements_it_knows()
    {
        var district = EstablishmentRules.District("120104", [School(40, 32), School(10, 15), School(12, null)]);

        Assert.Equal((47, 62, 8, 3, 1), (district.Required, district.Actual, district.Surplus, district.AgainstRequired,
            district.WithoutEnrolment));
        Assert.Null(district.Schools[2].AgainstRequired);
    }

    private static SchoolEstablishment School(int actual, int? required) =>
        new(Guid.NewGuid(), "学校", required is null ? null : 2026, new Dictionary<string, int>(), required, 0, actual, [], []);

    [Fact]
    public void A_school_counts_its_teachers_in_establishment_the_arts_it_lacks_and_the_classes_its_enrolment_does_not_show()
    {
        TeacherView[] staff =
        [
            new() { Establishment = "in_establishment", Subjects = ["语文"] },
            new() { Establishment = "in_establishment", Subjects = ["音乐", "美术"] },
            new() { Establishment = "contract", Subjects = ["体育"] },
        ];
        var school = EstablishmentRules.School(Guid.NewGuid(), "红桥小学", 2025, new Dictionary<string, int> { ["primary"] = 380 }, 30,
            staff, [("primary", 2, 90, new DateOnly(2025, 9, 1)), ("primary", 4, 180, new DateOnly(2026, 9, 1))], Defaults);

        Assert.Equal((20, 30, 2), (school.Required, school.Approved, school.Actual));
        Assert.Empty(school.MissingArtsAndSports); // a contract teacher still teaches 体育
        // In use on 1 September 2025, the classes are in the 2025 enrolment; those of 2026 are coming, with 10 teachers.
        Assert.Equal([(4, 10)], school.Coming.Select(c => (c.Classes, c.TeachersNeeded)));
        Assert.Equal(["体育", "美术", "音乐"], EstablishmentRules.School(Guid.NewGuid(), "新校", null, new Dictionary<string, int>(),
            0, [], [], Defaults).MissingArtsAndSports);
    }
}
