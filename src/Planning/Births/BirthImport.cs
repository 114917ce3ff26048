using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Areas;

namespace Platform.Planning.Births;

/// <summary>Births of a district in a year; of one of its zones when <see cref="ZoneId"/> is given.</summary>
public sealed record BirthRecord(string DistrictCode, Guid? ZoneId, int Year, int Births);

/// <summary>The columns of a births file and the rules for each row (plain: no I/O).</summary>
public static class BirthImport
{
    public static readonly SheetColumn[] Columns =
    [
        new("districtCode", ["区划代码", "district_code", "districtCode", "区代码", "行政区划代码"]),
        new("zone", ["学区", "片区", "施教区", "zone"], Required: false),
        new("year", ["年份", "year", "出生年份"]),
        new("births", ["出生人口", "births", "出生人数", "出生数"]),
    ];

    /// <summary>Reads every row, recording each problem in <paramref name="import"/>.Errors; returns the good rows.</summary>
    public static IReadOnlyList<BirthRecord> Read(SheetImport import, AreaLookup areas, int currentYear)
    {
        var records = new List<BirthRecord>();
        var firstRowOf = new Dictionary<(string, Guid?, int), int>();
        foreach (var row in import.Rows)
        {
            var district = areas.District(row, "districtCode");
            var zoneKnown = areas.TryZone(row, "zone", district, required: false, out var zone);
            var year = row.Int("year", 1949, 2100);
            if (year > currentYear)
            {
                row.Fail("year", year.ToString(), new($"晚于 {currentYear} 年：只能导入已登记的出生人口。",
                    $"is in the future; only recorded births (up to {currentYear}) can be imported."));
                year = null;
            }
            var births = row.Int("births", 0, 2_000_000);
            if (district is null || !zoneKnown || year is null || births is null)
                continue;
            if (firstRowOf.TryGetValue((district, zone?.Id, year.Value), out var first))
            {
                row.Fail("year", year.ToString(), new(
                    $"与第 {first} 行重复：{zone?.Name ?? district + " 区"} {year} 年的出生人口填了两次。",
                    $"repeats row {first}: births for {zone?.Name ?? district} in {year} are given twice."));
                continue;
            }
            firstRowOf[(district, zone?.Id, year.Value)] = row.Number;
            records.Add(new BirthRecord(district, zone?.Id, year.Value, births.Value));
        }
        return records;
    }
}
