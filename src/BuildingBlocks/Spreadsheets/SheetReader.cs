using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenXmlReader = DocumentFormat.OpenXml.OpenXmlReader;

namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>A row as it stands in the file: its 1-based row number and its cells as text.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

/// <summary>The file cannot be read as a table at all; the message tells the user what to do.</summary>
public sealed class SheetFormatException(string message) : Exception(message);

/// <summary>
/// Reads the CSV and xlsx files bureaus already have into rows of text. CSV may be UTF-8 (with or without BOM) or
/// GB18030/GBK, as saved by Chinese Excel; its delimiter is detected. An xlsx is read from its first worksheet, row by
/// row, so that a small file that expands to a huge sheet is stopped at <see cref="MaxRows"/>.
/// </summary>
public static class SheetReader
{
    public const int MaxRows = 100_000;

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<SheetRow> Read(Stream content, string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => ReadCsv(content),
            ".xlsx" => ReadXlsx(content),
            ".xls" => throw new SheetFormatException("Old .xls workbooks cannot be read: save the file as .xlsx or .csv (UTF-8 or GBK)."),
            _ => throw new SheetFormatException("The file must be a .csv or .xlsx file."),
        };

    private static IReadOnlyList<SheetRow> ReadCsv(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t", "|"],
            BadDataFound = null, // a stray quote is kept as text; the row is then judged by its values
        };
        using var parser = new CsvParser(new StringReader(Decode(buffer.ToArray())), configuration);
        var rows = new List<SheetRow>();
        while (parser.Read())
        {
            if (rows.Count == MaxRows + 1)
                throw new SheetFormatException($"The file has more than {MaxRows:N0} rows; split it into smaller files.");
            rows.Add(new SheetRow(parser.Row, parser.Record ?? []));
        }
        return rows;
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise GB18030, a superset of GBK.</summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static IReadOnlyList<SheetRow> ReadXlsx(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        try
        {
            using var document = SpreadsheetDocument.Open(buffer, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new SheetFormatException("The workbook has no sheets.");
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new SheetFormatException("The workbook has no sheets.");
            var worksheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
            var sharedStrings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray() ?? [];

            var rows = new List<SheetRow>();
            using var reader = OpenXmlReader.Create(worksheet);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                    continue;
                if (rows.Count == MaxRows + 1)
                    throw new SheetFormatException($"The sheet has more than {MaxRows:N0} rows; split it into smaller files.");
                var row = (Row)reader.LoadCurrentElement()!;
                rows.Add(new SheetRow((int)(row.RowIndex?.Value ?? (uint)rows.Count + 1), CellsOf(row, sharedStrings)));
            }
            return rows;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IndexOutOfRangeException)
        {
            throw new SheetFormatException("The file is not a readable .xlsx workbook.");
        }
    }

    private static List<string> CellsOf(Row row, string[] sharedStrings)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
            while (cells.Count < column)
                cells.Add("");
            var type = cell.DataType?.Value;
            cells.Add(type == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index) ? sharedStrings[index]
                : type == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                : type == CellValues.Boolean ? (cell.CellValue?.Text == "1" ? "TRUE" : "FALSE")
                : cell.CellValue?.Text ?? "");
        }
        return cells;
    }

    /// <summary>"C7" is column 2 (0-based); null when the reference is missing or malformed.</summary>
    public static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
        }
        return letters is 0 or > 3 ? null : column - 1;
    }
}
