using Platform.Planning.Forecasting;

namespace Platform.Planning.Benchmarks;

/// <summary>
/// A made-up city the size of Tianjin's school system: 16 districts, 8 zones each, 2,000 schools (kindergartens,
/// primaries, junior and senior secondaries, nine-year schools), enrolment for 2006-2025 and births for 1995-2040.
/// Fixed seed, so every run measures the same city.
/// </summary>
public static class SyntheticCity
{
    public const int FirstYear = 2006;
    public const int BaseYear = 2025;

    private static readonly (int[] Grades, double Share)[] SchoolKinds =
    [
        ([-2, -1, 0], 0.25),
        ([1, 2, 3, 4, 5, 6], 0.40),
        ([7, 8, 9], 0.20),
        ([10, 11, 12], 0.10),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9], 0.05),
    ];

    public static ForecastInput Create(int districts = 16, int zonesPerDistrict = 8, int schools = 2000)
    {
        var random = new Random(42);
        var births = new Dictionary<string, IReadOnlyDictionary<int, double>>();
        for (var d = 0; d < districts; d++)
            births[$"D{d:00}"] = Enumerable.Range(1995, 46)
                .ToDictionary(year => year, year => 6000 + 1500 * Math.Sin(year / 4.0) + random.Next(-300, 300));

        var histories = new List<SchoolHistory>(schools);
        for (var s = 0; s < schools; s++)
        {
            var district = s % districts;
            var zone = $"D{district:00}-Z{s / districts % zonesPerDistrict}";
            var grades = PickKind(random);
            var grid = new EnrolmentGrid(FirstYear, BaseYear);
            var size = random.Next(30, 90);
            foreach (var grade in grades)
                for (var year = FirstYear; year <= BaseYear; year++)
                    grid[grade, year] = Math.Round(size * (1 + 0.1 * Math.Sin((year - grade) / 3.0)) * (0.95 + 0.1 * random.NextDouble()));
            histories.Add(new SchoolHistory($"S{s:0000}", zone, $"D{district:00}", grades.ToHashSet(), grid));
        }
        return new ForecastInput(BaseYear, histories, births, []);
    }

    /// <summary>Each school's places per stage: enough classes of 45 for its base-year pupils, give or take 20%.</summary>
    public static IReadOnlyList<CapacitySource> Capacity(ForecastInput city)
    {
        var random = new Random(7);
        return city.Schools.SelectMany(school => school.Grades.GroupBy(Grades.StageOf).Select(stage =>
        {
            var pupils = stage.Sum(grade => school.Enrolment[grade, BaseYear]);
            var classes = (int)Math.Ceiling(pupils / 45 * (0.8 + 0.4 * random.NextDouble()));
            return new CapacitySource(school.ZoneId, stage.Key, classes * 45, classes);
        })).ToList();
    }

    private static int[] PickKind(Random random)
    {
        var pick = random.NextDouble();
        foreach (var (grades, share) in SchoolKinds)
        {
            if (pick < share)
                return grades;
            pick -= share;
        }
        return SchoolKinds[^1].Grades;
    }
}
