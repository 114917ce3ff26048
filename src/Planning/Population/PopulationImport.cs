using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Areas;

namespace Platform.Planning.Population;

/// <summary>Resident population of a district of one age in one year.</summary>
public sealed record PopulationRecord(string DistrictCode, int Year, int Age, int Persons);

/// <summary>The columns of a population-by-age file and the rules for each row (plain: no I/O).</summary>
public static class PopulationImport
{
    public static readonly SheetColumn[] Columns =
    [
        new("districtCode", ["区划代码", "district_code", "districtCode", "区代码", "行政区划代码"]),
        new("year", ["年份", "year", "统计年份"]),
        new("age", ["年龄", "岁", "age"]),
        new("persons", ["人口", "人数", "常住人口", "persons", "population"]),
    ];

    /// <summary>Reads every row, recording each problem in <paramref name="import"/>.Errors; returns the good rows.</summary>
    public static IReadOnlyList<PopulationRecord> Read(SheetImport import, AreaLookup areas, int currentYear)
    {
        var records = new List<PopulationRecord>();
        var firstRowOf = new Dictionary<(string, int, int), int>();
        foreach (var row in import.Rows)
        {
            var district = areas.District(row, "districtCode");
            var year = row.Int("year", 1949, currentYear);
            var age = row.Int("age", 0, 120);
            var persons = row.Int("persons", 0, 20_000_000);
            if (district is null || year is null || age is null || persons is null)
                continue;
            if (firstRowOf.TryGetValue((district, year.Value, age.Value), out var first))
            {
                row.Fail("age", age.ToString(), new(
                    $"与第 {first} 行重复：{district} 区 {year} 年 {age} 岁的人口填了两次。",
                    $"repeats row {first}: the population of {district} aged {age} in {year} is given twice."));
                continue;
            }
            firstRowOf[(district, year.Value, age.Value)] = row.Number;
            records.Add(new PopulationRecord(district, year.Value, age.Value, persons.Value));
        }
        return records;
    }
}
