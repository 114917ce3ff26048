using Platform.Planning.Forecasting;
using static Platform.UnitTests.Forecasting.Histories;

namespace Platform.UnitTests.Forecasting;

public class ForecastEngineTests
{
    // Births 2013-2017; grade 1 took 10% of each birth cohort six years later (100/1000, 110/1100, 120/1200).
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> DistrictBirths =
        Births((2013, 1000), (2014, 1100), (2015, 1200), (2016, 1250), (2017, 1300));

    // Grade 2 kept 95% of last year's grade 1 in 2020 (95/100) and 90% in 2021 (99/110).
    private static readonly SchoolHistory Primary = School("S1", "Z1", [1, 2],
        (1, 2019, 100), (1, 2020, 110), (1, 2021, 120),
        (2, 2019, 90), (2, 2020, 95), (2, 2021, 99));

    private static Forecast Run(ForecastSettings settings, params SchoolHistory[] schools) =>
        ForecastEngine.Run(Input(2021, DistrictBirths, schools.Length == 0 ? [Primary] : schools), settings);

    [Fact]
    public void Projects_the_entry_grade_from_births_with_the_mean_entry_ratio()
    {
        var forecast = Run(new ForecastSettings { Horizon = 2 });
        Assert.Equal(125, forecast.Pupils("S1", 1, 2022), precision: 9); // 0.1 × B[2016] = 0.1 × 1250
        Assert.Equal(130, forecast.Pupils("S1", 1, 2023), precision: 9); // 0.1 × B[2017]
    }

    [Theory]
    [InlineData(RatioMethod.Mean, 111.0)]     // (0.95 + 0.90) / 2 × E[1,2021] 120; 2019 has no grade 1 of 2018 to divide by
    [InlineData(RatioMethod.LastValue, 108.0)] // 0.90 × 120
    public void Projects_the_next_grade_with_the_summarised_progression_ratio(RatioMethod method, double expected) =>
        Assert.Equal(expected, Run(new ForecastSettings { Method = method, Horizon = 1 }).Pupils("S1", 2, 2022), precision: 9);

    [Fact]
    public void Follows_a_cohort_through_its_projected_grades()
    {
        var forecast = Run(new ForecastSettings { Method = RatioMethod.Mean, Horizon = 2 });
        Assert.Equal(115.625, forecast.Pupils("S1", 2, 2023), precision: 9); // 0.925 × Ê[1,2022] 125
    }

    [Fact]
    public void Applies_the_migration_factor_to_every_projected_ratio()
    {
        var forecast = Run(new ForecastSettings { Method = RatioMethod.Mean, Horizon = 1, MigrationFactor = 1.1 });
        Assert.Equal(137.5, forecast.Pupils("S1", 1, 2022), precision: 9); // 0.1 × 1.1 × 1250
        Assert.Equal(122.1, forecast.Pupils("S1", 2, 2022), precision: 9); // 0.925 × 1.1 × 120
    }

    [Fact]
    public void Takes_a_junior_schools_intake_from_the_grade_six_of_its_zones_feeder_schools()
    {
        // Zone grade 6: 200 in 2019, 2020 and 2021 (two primaries). Grade 7 took 190 of 200 in 2020, 180 of 200 in 2021.
        var feederA = School("P1", "Z1", [6], (6, 2019, 100), (6, 2020, 100), (6, 2021, 120));
        var feederB = School("P2", "Z1", [6], (6, 2019, 100), (6, 2020, 100), (6, 2021, 80));
        var junior = School("J1", "Z1", [7], (7, 2020, 190), (7, 2021, 180));
        var forecast = Run(new ForecastSettings { Method = RatioMethod.Mean, Horizon = 1 }, feederA, feederB, junior);
        Assert.Equal(185, forecast.Pupils("J1", 7, 2022), precision: 9); // (0.95 + 0.90) / 2 × 200
    }

    [Fact]
    public void Takes_a_senior_schools_intake_from_the_district_when_its_zone_has_no_feeders()
    {
        // Grade 9 only in zone Z1 (300 each year); the senior school in Z2 took 270 (0.9) in 2020 and 285 (0.95) in 2021.
        var junior = School("J1", "Z1", [9], (9, 2019, 300), (9, 2020, 300), (9, 2021, 300));
        var senior = School("H1", "Z2", [10], (10, 2020, 270), (10, 2021, 285));
        var forecast = Run(new ForecastSettings { Method = RatioMethod.Mean, Horizon = 1 }, junior, senior);
        Assert.Equal(277.5, forecast.Pupils("H1", 10, 2022), precision: 9); // 0.925 × the district's 300
    }

    [Fact]
    public void A_nine_year_school_continues_its_own_grade_six_into_grade_seven()
    {
        var nineYear = School("N1", "Z2", [6, 7], (6, 2020, 50), (6, 2021, 60), (7, 2021, 48));
        var otherPrimary = School("P3", "Z2", [6], (6, 2020, 500), (6, 2021, 500));
        var forecast = Run(new ForecastSettings { Horizon = 1 }, nineYear, otherPrimary);
        Assert.Equal(57.6, forecast.Pupils("N1", 7, 2022), precision: 9); // 48/50 = 0.96 × its own 60, not the zone's 560
    }

    [Fact]
    public void Warns_about_grades_it_cannot_project()
    {
        var forecast = Run(new ForecastSettings { Horizon = 1 }, School("P1", "Z1", [6], (6, 2021, 100)));
        Assert.Equal(0, forecast.Pupils("P1", 6, 2022));
        Assert.Contains(forecast.Warnings, w => w.Zh.Contains("P1") && w.Zh.Contains("六年级") && w.En.Contains("grade 6"));
    }

    [Fact]
    public void Adds_housing_demand_by_zone_with_the_maturation_curve()
    {
        var housing = new HousingSettings(new Dictionary<string, double> { ["primary"] = 0.12 }, [0.5, 1.0, 0.8]);
        var births = Births((2013, 1000), (2014, 1100), (2015, 1200), (2016, 1250), (2017, 1300), (2018, 1300), (2019, 1300), (2020, 1300));
        var input = Input(2021, births, Primary) with { Housing = [new HousingDevelopment("Z1", 500, 2022)] };
        var forecast = ForecastEngine.Run(input, new ForecastSettings { Horizon = 5, Housing = housing });

        var fromHousing = forecast.Demand(Level.Zone).Where(r => r.Stage == "primary").Select(r => r.FromHousing);
        Assert.Equal([30, 60, 48, 48, 48], fromHousing); // 500 × 0.12 × 0.5, × 1.0, × 0.8, then the last factor holds
        var district2022 = forecast.Demand(Level.District).Single(r => r.Stage == "primary" && r.Year == 2022);
        var school2022 = forecast.Demand(Level.School).Single(r => r.Stage == "primary" && r.Year == 2022);
        Assert.Equal(school2022.Pupils + 30, district2022.Pupils, precision: 9);
        Assert.Equal(0, school2022.FromHousing);
    }

    [Fact]
    public void Housing_yields_can_be_given_as_places_per_thousand_residents()
    {
        // 千人学位: 80 primary places per 1,000 residents, 2.8 residents a dwelling → 0.224 pupils a dwelling.
        var housing = new HousingSettings(null, [1.0], new Dictionary<string, double> { ["primary"] = 80 }, ResidentsPerDwelling: 2.8);
        Assert.Equal(0.224, housing.Yields()["primary"], precision: 12);
        var input = Input(2021, DistrictBirths, Primary) with { Housing = [new HousingDevelopment("Z1", 1000, 2022)] };
        var forecast = ForecastEngine.Run(input, new ForecastSettings { Horizon = 1, Housing = housing });
        Assert.Equal(224, forecast.Demand(Level.Zone).Single().FromHousing, precision: 9);
    }

    [Fact]
    public void Housing_takes_one_kind_of_yield_and_千人学位_needs_the_residents_per_dwelling()
    {
        Assert.Contains("YieldPerDwelling", new HousingSettings(new Dictionary<string, double> { ["primary"] = 0.1 }, [1.0],
            new Dictionary<string, double> { ["primary"] = 80 }, 2.8).Problems().Keys);
        Assert.Contains("ResidentsPerDwelling",
            new HousingSettings(null, [1.0], new Dictionary<string, double> { ["primary"] = 80 }).Problems().Keys);
        Assert.Empty(new HousingSettings(null, [1.0], new Dictionary<string, double> { ["primary"] = 80 }, 2.8).Problems());
    }

    [Fact]
    public void A_zones_own_births_drive_its_schools_entry_grades_instead_of_the_districts()
    {
        // Zone Z1 registers its own births: half the district's, so the entry ratio doubles and the projection is the same
        // 10% of the district's cohort expressed as 20% of the zone's. A school in Z2 keeps the district's series.
        var births = new Dictionary<string, IReadOnlyDictionary<int, double>>
        {
            ["D1"] = DistrictBirths["D1"],
            ["Z1"] = new Dictionary<int, double> { [2013] = 500, [2014] = 550, [2015] = 600, [2016] = 700 },
        };
        var other = School("S2", "Z2", [1], (1, 2019, 100), (1, 2020, 110), (1, 2021, 120));
        var forecast = ForecastEngine.Run(Input(2021, births, Primary, other), new ForecastSettings { Horizon = 1 });

        Assert.Equal(140, forecast.Pupils("S1", 1, 2022), precision: 9); // 0.2 × 700, the zone's own 2016 births
        Assert.Equal(125, forecast.Pupils("S2", 1, 2022), precision: 9); // 0.1 × 1250, the district's
    }

    [Fact]
    public void Sums_grades_into_stages_at_each_level()
    {
        var forecast = Run(new ForecastSettings { Method = RatioMethod.Mean, Horizon = 1 });
        var row = Assert.Single(forecast.Demand(Level.Zone));
        Assert.Equal(("Z1", "primary", 2022), (row.Unit, row.Stage, row.Year));
        Assert.Equal(125 + 111, row.Pupils, precision: 9);
    }

    [Fact]
    public void Names_the_missing_birth_year_when_the_series_is_too_short()
    {
        var error = Assert.Throws<ForecastInputException>(() => Run(new ForecastSettings { Horizon = 3 }));
        Assert.Contains("2018 年的出生人口", error.Reason.Zh); // 2024's grade 1 was born in 2018
    }

    [Fact]
    public void Refuses_settings_out_of_range()
    {
        var error = Assert.Throws<ArgumentException>(() => Run(new ForecastSettings { Horizon = 16, RatioYears = 2 }));
        Assert.Contains("Horizon", error.Message);
        Assert.Contains("RatioYears", error.Message);
    }

    [Fact]
    public void Reads_nothing_after_the_base_year()
    {
        // Actuals for 2022 are in the grid (a later school year) but the forecast from 2021 must not see them.
        var withLaterYear = School("S1", "Z1", [1, 2],
            (1, 2019, 100), (1, 2020, 110), (1, 2021, 120), (2, 2019, 90), (2, 2020, 95), (2, 2021, 99), (1, 2022, 999), (2, 2022, 999));
        var forecast = Run(new ForecastSettings { Method = RatioMethod.Mean, Horizon = 1 }, withLaterYear);
        Assert.Equal(111, forecast.Pupils("S1", 2, 2022), precision: 9);
        Assert.Equal(125, forecast.Pupils("S1", 1, 2022), precision: 9);
    }
}
