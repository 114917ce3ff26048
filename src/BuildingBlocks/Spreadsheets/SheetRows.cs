using System.Text;
using static Platform.BuildingBlocks.Spreadsheets.SheetReader;

namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>The rows read so far, held to the limits on rows, columns, cells and text as they grow.</summary>
internal sealed class SheetRows
{
    public static readonly string CellTooLong = $"文件中有单元格超过 {MaxCellChars:N0} 个字符（Excel 单元格的上限）。";

    private int cells;
    private long textChars;

    public List<SheetRow> All { get; } = [];

    public void Add(int number, IReadOnlyList<string> rowCells)
    {
        if (All.Count == MaxRows + 1)
            throw new SheetFormatException($"表格超过 {MaxRows:N0} 行，{SplitIt}");
        cells += rowCells.Count;
        if (cells > MaxCells)
            throw new SheetFormatException($"表格超过 {MaxCells:N0} 个单元格，{SplitIt}");
        All.Add(new SheetRow(number, rowCells));
    }

    public static void CheckColumns(int rowNumber, int columns)
    {
        if (columns > MaxColumns)
            throw new SheetFormatException($"第 {rowNumber} 行超过 {MaxColumns:N0} 列（Excel 的列数上限）。");
    }

    /// <summary>The text of a cell or a shared string, counted against the limits of a cell and of the file.</summary>
    public string Keep(string text)
    {
        if (text.Length > MaxCellChars)
            throw new SheetFormatException(CellTooLong);
        textChars += text.Length;
        if (textChars > MaxTextChars)
            throw new SheetFormatException($"文件中的文字超过 {MaxTextChars:N0} 个字符，{SplitIt}");
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
