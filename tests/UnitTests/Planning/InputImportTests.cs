using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Planning.Areas;
using Platform.Planning.Housing;
using Platform.Planning.Population;

namespace Platform.UnitTests.Planning;

public class InputImportTests
{
    private static readonly Zone Dingzigu = new(Guid.NewGuid(), "120106", "丁字沽片区", "area");
    private static readonly AreaLookup Areas = new(["120105", "120106"], [Dingzigu], new DistrictScope("120000"));

    private static SheetImport Sheet(IReadOnlyList<SheetColumn> columns, params string[][] rows) =>
        SheetImport.Match(rows.Select((cells, i) => new SheetRow(i + 1, cells)).ToList(), columns);

    [Fact]
    public void Population_rows_are_checked_and_repeats_named()
    {
        var import = Sheet(PopulationImport.Columns,
            ["区划代码", "年份", "年龄", "人口"],
            ["120106", "2024", "3", "3100"],
            ["120106", "2024", "4", "3050"],
            ["120106", "2024", "121", "5"],    // age out of range
            ["120106", "2031", "5", "3000"],   // future year
            ["120106", "2024", "3", "3200"]);  // repeats row 2

        var records = PopulationImport.Read(import, Areas, currentYear: 2026);

        Assert.Equal([new PopulationRecord("120106", 2024, 3, 3100), new PopulationRecord("120106", 2024, 4, 3050)], records);
        Assert.Equal([(4, "年龄", "121"), (5, "年份", "2031"), (6, "年龄", "3")], import.Errors.Select(e => (e.Row, e.Column, e.Value)));
    }

    [Fact]
    public void Housing_rows_name_a_zone_of_their_district_and_may_complete_in_the_future()
    {
        var import = Sheet(HousingImport.Columns,
            ["区划代码", "项目名称", "学区", "住宅套数", "竣工年份"],
            ["120106", "西沽公园东地块", "丁字沽片区", "1200", "2028"],
            ["120105", "铁东路地块", "丁字沽片区", "800", "2027"],   // a 红桥 zone named for 河北
            ["120106", "芥园西道地块", "丁字沽片区", "0", "2027"],     // no dwellings
            ["120106", "西沽公园东地块", "丁字沽片区", "900", "2029"]); // repeats row 2

        var records = HousingImport.Read(import, Areas);

        Assert.Equal([new HousingRecord("120106", "西沽公园东地块", Dingzigu.Id, 1200, 2028)], records);
        Assert.Equal([(3, "学区", "丁字沽片区"), (4, "住宅套数", "0"), (5, "项目名称", "西沽公园东地块")], import.Errors.Select(e => (e.Row, e.Column, e.Value)));
    }
}
