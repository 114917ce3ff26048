using Platform.Planning.Forecasting;

namespace Platform.UnitTests.Forecasting;

/// <summary>Small hand-written histories for the engine tests.</summary>
internal static class Histories
{
    /// <summary>A school serving <paramref name="grades"/>, with enrolment given as (grade, year, pupils).</summary>
    public static SchoolHistory School(string id, string zone, int[] grades, params (int Grade, int Year, double Pupils)[] enrolment)
    {
        var grid = new EnrolmentGrid(2010, enrolment.Length == 0 ? 2021 : Math.Max(2021, enrolment.Max(e => e.Year)));
        foreach (var (grade, year, pupils) in enrolment)
            grid[grade, year] = pupils;
        return new SchoolHistory(id, zone, "D1", grades.ToHashSet(), grid);
    }

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> Births(params (int Year, double Count)[] births) =>
        new Dictionary<string, IReadOnlyDictionary<int, double>> { ["D1"] = births.ToDictionary(b => b.Year, b => b.Count) };

    public static ForecastInput Input(int baseYear, IReadOnlyDictionary<string, IReadOnlyDictionary<int, double>> births,
        params SchoolHistory[] schools) =>
        new(baseYear, schools, births, []);
}
