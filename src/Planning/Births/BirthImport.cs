using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Planning.Births;

public sealed record BirthRecord(string DistrictCode, int Year, int Births);

/// <summary>The columns of a births file and the rules for each row (plain: no I/O).</summary>
public static class BirthImport
{
    public static readonly SheetColumn[] Columns =
    [
        new("districtCode", ["区划代码", "district_code", "districtCode", "区代码", "行政区划代码"]),
        new("year", ["年份", "year", "出生年份"]),
        new("births", ["出生人口", "births", "出生人数", "出生数"]),
    ];

    /// <summary>Reads every row, recording each problem in <paramref name="import"/>.Errors; returns the good rows.</summary>
    public static IReadOnlyList<BirthRecord> Read(SheetImport import, IReadOnlySet<string> knownDistricts, int currentYear)
    {
        var records = new List<BirthRecord>();
        var firstRowOf = new Dictionary<(string, int), int>();
        foreach (var row in import.Rows)
        {
            var district = row.Text("districtCode", 12);
            if (district is not null && !knownDistricts.Contains(district))
            {
                row.Fail("districtCode", district, "is not a known district code (e.g. 120106 for 红桥区).");
                district = null;
            }
            var year = row.Int("year", 1949, 2100);
            if (year > currentYear)
            {
                row.Fail("year", year.ToString(), $"is in the future; only recorded births (up to {currentYear}) can be imported.");
                year = null;
            }
            var births = row.Int("births", 0, 2_000_000);
            if (district is null || year is null || births is null)
                continue;
            if (firstRowOf.TryGetValue((district, year.Value), out var first))
            {
                row.Fail("year", year.ToString(), $"repeats row {first}: births for {district} in {year} are given twice.");
                continue;
            }
            firstRowOf[(district, year.Value)] = row.Number;
            records.Add(new BirthRecord(district, year.Value, births.Value));
        }
        return records;
    }
}
