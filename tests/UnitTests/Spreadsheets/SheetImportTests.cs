using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.UnitTests.Spreadsheets;

public class SheetImportTests
{
    private static readonly SheetColumn[] Columns =
    [
        new("code", ["区划代码", "district_code"]),
        new("year", ["年份", "year"]),
        new("note", ["备注"], Required: false),
    ];

    private static SheetImport Match(params string[][] rows) =>
        SheetImport.Match(rows.Select((cells, i) => new SheetRow(i + 1, cells)).ToList(), Columns);

    [Fact]
    public void Matches_chinese_english_and_full_width_headers_in_any_order()
    {
        var import = Match(["ｙｅａｒ", " District_Code ", "其他"], ["2020", "120106", "x"]);
        Assert.Empty(import.Errors);
        var row = Assert.Single(import.Rows);
        Assert.Equal("120106", row.Text("code", 10));
        Assert.Equal(2020, row.Int("year", 1949, 2100));
        Assert.Equal(["其他"], import.IgnoredHeaders);
    }

    [Fact]
    public void Names_a_missing_column_with_the_headers_it_accepts()
    {
        var import = Match(["区划代码", "人数"], ["120106", "5"]);
        var error = Assert.Single(import.Errors);
        Assert.Equal((1, "年份"), (error.Row, error.Column));
        Assert.Contains("年份 / year", error.Reason);
        Assert.Empty(import.Rows);
    }

    [Fact]
    public void Skips_blank_rows_and_keeps_the_files_row_numbers()
    {
        var import = Match(["", ""], ["区划代码", "年份"], ["", " "], ["120106", "2020"]);
        Assert.Equal(4, Assert.Single(import.Rows).Number);
    }

    [Fact]
    public void Reports_a_header_without_data() =>
        Assert.Contains("没有数据行", Assert.Single(Match(["区划代码", "年份"]).Errors).Reason);

    [Fact]
    public void Reports_an_empty_file() =>
        Assert.Contains("文件是空的", Assert.Single(Match().Errors).Reason);

    [Theory]
    [InlineData("1,234", 1234)]
    [InlineData("2020.0", 2020)]
    [InlineData(" 7 ", 7)]
    public void Reads_whole_numbers_as_spreadsheets_write_them(string text, int expected)
    {
        var import = Match(["区划代码", "年份"], ["x", text]);
        Assert.Equal(expected, import.Rows[0].Int("year", 0, 10_000));
    }

    [Theory]
    [InlineData("2020.5", "须为整数。")]
    [InlineData("二〇二〇", "须为整数。")]
    [InlineData("-1", "须在 0 到 10000 之间。")]
    [InlineData("", "为空。")]
    public void Records_each_bad_number_with_row_column_and_value(string text, string reason)
    {
        var import = Match(["区划代码", "年份"], ["x", text]);
        Assert.Null(import.Rows[0].Int("year", 0, 10_000));
        var error = Assert.Single(import.Errors);
        Assert.Equal((2, "年份", reason), (error.Row, error.Column, error.Reason));
        Assert.Equal(text.Length == 0 ? null : text, error.Value is "" ? null : error.Value);
    }
}
