using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Births;

namespace Platform.UnitTests.Planning;

public class BirthImportTests
{
    private static readonly HashSet<string> Districts = ["120105", "120106"];

    private static (IReadOnlyList<BirthRecord> Records, List<ImportError> Errors) Read(params string[][] rows)
    {
        var sheet = new List<SheetRow> { new(1, ["区划代码", "年份", "出生人口"]) };
        sheet.AddRange(rows.Select((cells, i) => new SheetRow(i + 2, cells)));
        var import = SheetImport.Match(sheet, BirthImport.Columns);
        return (BirthImport.Read(import, Districts, currentYear: 2026), import.Errors);
    }

    [Fact]
    public void Reads_good_rows()
    {
        var (records, errors) = Read(["120106", "2024", "4990"], ["120105", "2024", "5120"]);
        Assert.Empty(errors);
        Assert.Equal([new BirthRecord("120106", 2024, 4990), new BirthRecord("120105", 2024, 5120)], records);
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

        Assert.Equal([new BirthRecord("120106", 2023, 5000)], records);
        Assert.Equal(
            [(3, "区划代码", "999999"), (4, "年份", "2031"), (5, "出生人口", "-5"), (6, "出生人口", "many"), (7, "年份", "2023")],
            errors.Select(e => (e.Row, e.Column, e.Value)));
        Assert.Contains("repeats row 2", errors[^1].Reason);
        Assert.Contains("future", errors[1].Reason);
    }
}
