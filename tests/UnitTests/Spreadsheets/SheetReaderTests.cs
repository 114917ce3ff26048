using System.Text;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.UnitTests.Spreadsheets;

public class SheetReaderTests
{
    private static IReadOnlyList<SheetRow> Csv(byte[] bytes) => SheetReader.Read(new MemoryStream(bytes), "births.csv");

    [Fact]
    public void Reads_utf8_csv_with_a_bom_and_quoted_commas()
    {
        var rows = Csv([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("区划代码,说明\n120106,\"红桥区, 2020\"\n")]);
        Assert.Equal(["区划代码", "说明"], rows[0].Cells);
        Assert.Equal(["120106", "红桥区, 2020"], rows[1].Cells);
        Assert.Equal(2, rows[1].Number);
    }

    [Fact]
    public void Reads_gbk_csv_as_saved_by_chinese_excel()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var rows = Csv(Encoding.GetEncoding("GB18030").GetBytes("区划代码,年份,出生人口\r\n120106,2020,5000\r\n"));
        Assert.Equal(["区划代码", "年份", "出生人口"], rows[0].Cells);
    }

    [Fact]
    public void Detects_a_semicolon_delimiter() =>
        Assert.Equal(["a", "b"], Csv(Encoding.UTF8.GetBytes("a;b\n1;2\n"))[0].Cells);

    [Fact]
    public void Reads_back_what_the_xlsx_writer_wrote()
    {
        var bytes = XlsxWriter.Write("表", ["区划代码", "年份", "备注"], [["120106", 2020, "=1+1"], ["120105", 2021.5, null]]);
        var rows = SheetReader.Read(new MemoryStream(bytes), "export.xlsx");
        Assert.Equal(["区划代码", "年份", "备注"], rows[0].Cells);
        Assert.Equal(["120106", "2020", "=1+1"], rows[1].Cells); // a text cell, never a formula
        Assert.Equal("2021.5", rows[2].Cells[1]);
        Assert.Equal(3, rows[2].Number);
    }

    [Theory]
    [InlineData("old.xls", ".xlsx 或 .csv")]
    [InlineData("data.json", ".csv 或 .xlsx")]
    [InlineData("broken.xlsx", "不是有效的 xlsx 工作簿")]
    public void Explains_files_it_cannot_read(string fileName, string hint)
    {
        var error = Assert.Throws<SheetFormatException>(() => SheetReader.Read(new MemoryStream("not a workbook"u8.ToArray()), fileName));
        Assert.Contains(hint, error.Message);
    }

    [Fact]
    public void Refuses_a_csv_with_too_many_rows()
    {
        var csv = new StringBuilder("a\n");
        for (var i = 0; i <= SheetReader.MaxRows; i++)
            csv.Append("1\n");
        Assert.Throws<SheetFormatException>(() => Csv(Encoding.UTF8.GetBytes(csv.ToString())));
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("C7", 2)]
    [InlineData("AB12", 27)]
    [InlineData("12", null)]
    [InlineData(null, null)]
    public void Turns_cell_references_into_column_numbers(string? reference, int? column) =>
        Assert.Equal(column, SheetReader.ColumnIndex(reference));
}
