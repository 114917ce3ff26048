using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Planning.Areas;
using Platform.Planning.Births;

namespace Platform.UnitTests.Planning;

public class BirthImportTests
{
    private static readonly Zone Dingzigu = new(Guid.NewGuid(), "120106", "丁字沽学区", "school_district");
    private static readonly Zone Wanghailou = new(Guid.NewGuid(), "120105", "望海楼学区", "school_district");
    private static readonly AreaLookup Areas = new(["120105", "120106"], [Dingzigu, Wanghailou], new DistrictScope("120000"));

    private static (IReadOnlyList<BirthRecord> Records, List<ImportError> Errors) ReadWithHeader(string[] header, params string[][] rows)
    {
        var sheet = new List<SheetRow> { new(1, header) };
        sheet.AddRange(rows.Select((cells, i) => new SheetRow(i + 2, cells)));
        var import = SheetImport.Match(sheet, BirthImport.Columns);
        return (BirthImport.Read(import, Areas, currentYear: 2026), import.Errors);
    }

    private static (IReadOnlyList<BirthRecord> Records, List<ImportError> Errors) Read(params string[][] rows) =>
        ReadWithHeader(["区划代码", "年份", "出生人口"], rows);

    [Fact]
    public void Reads_good_rows()
    {
        var (records, errors) = Read(["120106", "2024", "4990"], ["120105", "2024", "5120"]);
        Assert.Empty(errors);
        Assert.Equal([new BirthRecord("120106", null, 2024, 4990), new BirthRecord("120105", null, 2024, 5120)], records);
    }

    [Fact]
    public void A_row_about_a_district_outside_the_users_scope_is_a_bad_row()
    {
        var sheet = new List<SheetRow> { new(1, ["区划代码", "年份", "出生人口"]), new(2, ["120106", "2024", "4990"]),
            new(3, ["120105", "2024", "5120"]) };
        var import = SheetImport.Match(sheet, BirthImport.Columns);
        var hongqiaoOnly = new AreaLookup(["120105", "120106"], [Dingzigu, Wanghailou], new DistrictScope("120106"));

        var records = BirthImport.Read(import, hongqiaoOnly, currentYear: 2026);

        Assert.Equal([new BirthRecord("120106", null, 2024, 4990)], records);
        var error = Assert.Single(import.Errors);
        Assert.Equal((3, "120105"), (error.Row, error.Value));
        Assert.Contains("不在您的管辖范围（120106）内", error.Reason);
    }

    [Fact]
    public void Reports_every_bad_row_and_keeps_only_the_good()
    {
        var (records, errors) = Read(
            ["120106", "2023", "5000"],
            ["999999", "2023", "10"],   // unknown district
            ["120106", "2031", "10"],   // future year
            ["120105", "2023", "-5"],   // negative
            ["120105", "2022", "many"], // not a number
            ["120106", "2023", "5100"]); // repeats row 2

        Assert.Equal([new BirthRecord("120106", null, 2023, 5000)], records);
        Assert.Equal(
            [(3, "区划代码", "999999"), (4, "年份", "2031"), (5, "出生人口", "-5"), (6, "出生人口", "many"), (7, "年份", "2023")],
            errors.Select(e => (e.Row, e.Column, e.Value)));
        Assert.Contains("与第 2 行重复", errors[^1].Reason);
        Assert.Contains("晚于 2026 年", errors[1].Reason);
    }

    [Fact]
    public void Zone_births_name_a_zone_of_the_rows_district_and_sit_beside_the_districts_own()
    {
        var (records, errors) = ReadWithHeader(["区划代码", "学区", "年份", "出生人口"],
            ["120106", "", "2023", "5000"],
            ["120106", "丁字沽学区", "2023", "900"],
            ["120106", Dingzigu.Id.ToString(), "2022", "950"],
            ["120106", "望海楼学区", "2023", "10"],  // a zone of 河北, not 红桥
            ["120106", "丁字沽学区", "2023", "901"]); // repeats row 3

        Assert.Equal(
            [new BirthRecord("120106", null, 2023, 5000), new BirthRecord("120106", Dingzigu.Id, 2023, 900),
                new BirthRecord("120106", Dingzigu.Id, 2022, 950)],
            records);
        Assert.Equal([(5, "学区", "望海楼学区"), (6, "年份", "2023")], errors.Select(e => (e.Row, e.Column, e.Value)));
        Assert.Contains("不是 120106 区的学区", errors[0].Reason);
    }
}
