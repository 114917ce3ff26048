using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Hosting;
using static Platform.BuildingBlocks.Spreadsheets.SheetReader;

namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>
/// Reads the first worksheet of an xlsx package, once <see cref="XlsxPackage"/> has checked it, element by element
/// with the OpenXML SDK's reader: no part, row, cell or string is loaded whole, so what is held grows with the
/// limits, not with the file.
/// </summary>
internal static class XlsxReader
{
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static IReadOnlyList<SheetRow> Read(MemoryStream package)
    {
        using (package)
        {
            XlsxPackage.Check(package);
            using var document = Open(package);
            var workbook = document.WorkbookPart
                ?? throw new SheetFormatException(new UserText("文件中找不到工作簿（xl/workbook.xml）：",
                    "The file has no workbook (xl/workbook.xml).") + SaveAgain);
            var rows = new SheetRows();
            var worksheet = FirstWorksheet(workbook);
            var sharedStrings = SharedStrings(workbook.SharedStringTablePart, rows);
            new WorksheetRows(sharedStrings, rows).Read(worksheet);
            return rows.All;
        }
    }

    /// <summary>
    /// Opens the package as the SDK loads it: its content types, its relationships and every part they reach. What
    /// the SDK throws here is about a package that does not hold together, such as a relationship to a missing part.
    /// </summary>
    private static SpreadsheetDocument Open(MemoryStream package)
    {
        try
        {
            return SpreadsheetDocument.Open(package, isEditable: false,
                new OpenSettings { MaxCharactersInPart = MaxExpandedBytes });
        }
        catch (Exception e) when (e is OpenXmlPackageException or FormatException or XmlException
                                      or ArgumentException or InvalidOperationException or IOException)
        {
            throw new SheetFormatException(XlsxPackage.NotAnXlsx);
        }
    }

    private static WorksheetPart FirstWorksheet(WorkbookPart workbook)
    {
        var (name, id) = FirstSheet(workbook) ?? throw new SheetFormatException(new("工作簿中没有工作表。", "The workbook has no sheet."));
        if (id is null || !workbook.TryGetPartById(id, out var part))
            throw new SheetFormatException(new UserText($"工作簿的第一个工作表「{name}」指向的内容不存在：",
                $"The workbook's first sheet \"{name}\" points to nothing.") + SaveAgain);
        return part as WorksheetPart ?? throw new SheetFormatException(new(
            $"工作簿的第一个工作表「{name}」不是数据表（可能是图表）：请把要导入的数据放在第一个工作表中。",
            $"The workbook's first sheet \"{name}\" is not a worksheet (a chart?): put the data in the first sheet."));
    }

    /// <summary>The name (no longer than Excel allows) and the relationship id of the first sheet.</summary>
    private static (string Name, string? Id)? FirstSheet(WorkbookPart workbook)
    {
        using var reader = OpenXmlReader.Create(Checked(workbook));
        while (reader.Read())
            if (reader.ElementType == typeof(Sheet) && reader.IsStartElement)
                return (Quoted(Attribute(reader, "name") ?? "", 31), Attribute(reader, "id", RelationshipNamespace));
        return null;
    }

    /// <summary>The shared string table, each item's runs joined, counted against the limits as it is read.</summary>
    private static string[] SharedStrings(SharedStringTablePart? part, SheetRows rows)
    {
        if (part is null)
            return [];
        var strings = new List<string>();
        var text = new StringBuilder();
        using var reader = OpenXmlReader.Create(Checked(part));
        while (reader.Read())
            if (reader.ElementType == typeof(Text) && reader.IsStartElement)
                SheetRows.Append(text, reader.GetText());
            else if (reader.ElementType == typeof(SharedStringItem) && reader.IsEndElement)
            {
                if (strings.Count == MaxSharedStrings)
                    throw new SheetFormatException(new UserText($"工作簿的共享字符串超过 {MaxSharedStrings:N0} 个，",
                        $"The workbook has over {MaxSharedStrings:N0} shared strings.") + SplitIt);
                strings.Add(rows.Keep(text.ToString()));
                text.Clear();
            }
        return [.. strings];
    }

    /// <summary>
    /// Only a part with an .xml name, as Excel writes them all, is read: <see cref="XlsxPackage"/> checked those,
    /// and a package could otherwise hide a part from its checks under another name.
    /// </summary>
    private static OpenXmlPart Checked(OpenXmlPart part) =>
        part.Uri.OriginalString.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            ? part
            : throw new SheetFormatException(new UserText($"文件中的 {Quoted(part.Uri.OriginalString)} 不是 .xml 部件：",
                $"{Quoted(part.Uri.OriginalString)} in the file is not an .xml part.") + SaveAgain);

    private static string? Attribute(OpenXmlReader reader, string localName, string namespaceUri = "") =>
        reader.Attributes.FirstOrDefault(a => a.LocalName == localName && a.NamespaceUri == namespaceUri).Value;

    /// <summary>The rows of a worksheet, built from the reader's elements as they come.</summary>
    private sealed class WorksheetRows(string[] sharedStrings, SheetRows rows)
    {
        private int number;
        private List<string>? cells;
        private int nextColumn;
        private string? reference;
        private string? type;
        private string? value;
        private readonly StringBuilder inlineText = new();

        public void Read(WorksheetPart worksheet)
        {
            using var reader = OpenXmlReader.Create(Checked(worksheet));
            while (reader.Read())
                if (reader.IsStartElement)
                    Start(reader);
                else if (reader.ElementType == typeof(Row))
                    EndRow();
                else if (reader.ElementType == typeof(Cell))
                    EndCell();
        }

        private void Start(OpenXmlReader reader)
        {
            if (reader.ElementType == typeof(Row))
                StartRow(Attribute(reader, "r"));
            else if (reader.ElementType == typeof(Cell))
                StartCell(Attribute(reader, "r"), Attribute(reader, "t"));
            else if (reader.ElementType == typeof(CellValue))
                value = reader.GetText();
            else if (reader.ElementType == typeof(Text))
                SheetRows.Append(inlineText, reader.GetText());
        }

        /// <summary>A row without a number, or with one Excel cannot write, follows the previous one.</summary>
        private void StartRow(string? rowNumber)
        {
            number = int.TryParse(rowNumber, out var parsed) && parsed is >= 1 and <= 1_048_576
                ? parsed
                : rows.All.Count + 1;
            cells = [];
            nextColumn = 0;
        }

        private void StartCell(string? cellReference, string? cellType)
        {
            (reference, type, value) = (cellReference, cellType, null);
            inlineText.Clear();
        }

        private void EndRow()
        {
            if (cells is not null)
                rows.Add(number, cells);
            cells = null;
        }

        /// <summary>
        /// Adds the cell's text at its column. Empty cells are left out (the blanks before a later cell are added),
        /// so a formatted but empty cell far to the right costs nothing.
        /// </summary>
        private void EndCell()
        {
            var column = ColumnIndex(reference) ?? nextColumn;
            nextColumn = column + 1;
            var text = Text();
            if (cells is null || text.Length == 0)
                return;
            SheetRows.CheckColumns(number, column + 1);
            while (cells.Count < column)
                cells.Add("");
            cells.Add(text);
        }

        private string Text() => type switch
        {
            "s" => SharedString(),
            "inlineStr" => rows.Keep(inlineText.ToString()),
            "b" => value == "1" ? "TRUE" : "FALSE",
            _ => rows.Keep(value ?? ""),
        };

        private string SharedString()
        {
            if (value is null)
                return "";
            return int.TryParse(value, out var index) && index >= 0 && index < sharedStrings.Length
                ? sharedStrings[index]
                : throw new SheetFormatException(new UserText($"第 {number} 行有单元格引用了不存在的共享字符串：",
                    $"A cell of row {number} refers to a shared string that does not exist.") + SaveAgain);
        }
    }
}
