using System.Text;
using Microsoft.Extensions.Hosting;
using static Platform.BuildingBlocks.Spreadsheets.SheetReader;

namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>The rows read so far, held to the limits on rows, columns, cells and text as they grow.</summary>
internal sealed class SheetRows
{
    public static readonly UserText CellTooLong = new($"文件中有单元格超过 {MaxCellChars:N0} 个字符（Excel 单元格的上限）。",
        $"A cell of the file is over {MaxCellChars:N0} characters (Excel's limit for a cell).");

    private int cells;
    private long textChars;

    public List<SheetRow> All { get; } = [];

    public void Add(int number, IReadOnlyList<string> rowCells)
    {
        if (All.Count == MaxRows + 1)
            throw new SheetFormatException(new UserText($"表格超过 {MaxRows:N0} 行，", $"The sheet is over {MaxRows:N0} rows.") + SplitIt);
        cells += rowCells.Count;
        if (cells > MaxCells)
            throw new SheetFormatException(new UserText($"表格超过 {MaxCells:N0} 个单元格，", $"The sheet is over {MaxCells:N0} cells.")
                + SplitIt);
        All.Add(new SheetRow(number, rowCells));
    }

    public static void CheckColumns(int rowNumber, int columns)
    {
        if (columns > MaxColumns)
            throw new SheetFormatException(new($"第 {rowNumber} 行超过 {MaxColumns:N0} 列（Excel 的列数上限）。",
                $"Row {rowNumber} is over {MaxColumns:N0} columns (Excel's limit)."));
    }

    /// <summary>The text of a cell or a shared string, counted against the limits of a cell and of the file.</summary>
    public string Keep(string text)
    {
        if (text.Length > MaxCellChars)
            throw new SheetFormatException(CellTooLong);
        textChars += text.Length;
        if (textChars > MaxTextChars)
            throw new SheetFormatException(new UserText($"文件中的文字超过 {MaxTextChars:N0} 个字符，",
                $"The file's text is over {MaxTextChars:N0} characters.") + SplitIt);
        return text;
    }

    /// <summary>Adds a piece of a cell's text (a run of rich text), refusing the cell once it is too long.</summary>
    public static void Append(StringBuilder text, string piece)
    {
        if (text.Length + piece.Length > MaxCellChars)
            throw new SheetFormatException(CellTooLong);
        text.Append(piece);
    }
}
