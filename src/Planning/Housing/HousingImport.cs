using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Areas;

namespace Platform.Planning.Housing;

/// <summary>A residential development (住宅项目) of a district, by its name: the dwellings its zone gains in a year.</summary>
public sealed record HousingRecord(string DistrictCode, string Name, Guid ZoneId, int Dwellings, int CompletionYear);

/// <summary>The columns of a housing file and the rules for each row (plain: no I/O).</summary>
public static class HousingImport
{
    public static readonly SheetColumn[] Columns =
    [
        new("districtCode", ["区划代码", "district_code", "districtCode", "区代码", "行政区划代码"]),
        new("name", ["项目名称", "楼盘", "小区", "name", "development"]),
        new("zone", ["学区", "片区", "施教区", "zone"]),
        new("dwellings", ["住宅套数", "套数", "户数", "dwellings"]),
        new("completionYear", ["竣工年份", "交付年份", "completion_year", "completionYear"]),
    ];

    /// <summary>Reads every row, recording each problem in <paramref name="import"/>.Errors; returns the good rows.</summary>
    public static IReadOnlyList<HousingRecord> Read(SheetImport import, AreaLookup areas)
    {
        var records = new List<HousingRecord>();
        var firstRowOf = new Dictionary<(string, string), int>();
        foreach (var row in import.Rows)
        {
            var district = areas.District(row, "districtCode");
            var name = row.Text("name", 200);
            areas.TryZone(row, "zone", district, required: true, out var zone);
            var dwellings = row.Int("dwellings", 1, 100_000);
            // Planned developments are the point: completion years run into the future.
            var completion = row.Int("completionYear", 1949, 2100);
            if (district is null || name is null || zone is null || dwellings is null || completion is null)
                continue;
            if (firstRowOf.TryGetValue((district, name), out var first))
            {
                row.Fail("name", name, new($"与第 {first} 行重复：同一区的住宅项目只能列一次。",
                    $"repeats row {first}: a development is listed once per district."));
                continue;
            }
            firstRowOf[(district, name)] = row.Number;
            records.Add(new HousingRecord(district, name, zone.Id, dwellings.Value, completion.Value));
        }
        return records;
    }
}
