using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Delegates;
using Microsoft.Extensions.Hosting;

namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>A row as it stands in the file: its 1-based row number and its cells as text.</summary>
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

/// <summary>The file cannot be read as a table at all; the message tells the user what to do.</summary>
public sealed class SheetFormatException(UserText reason) : Exception(reason.ToString())
{
    public UserText Reason => reason;
}

/// <summary>
/// Reads the CSV and xlsx files bureaus already have into rows of text. CSV may be UTF-8 (with or without BOM) or
/// GB18030/GBK, as saved by Chinese Excel; its delimiter is detected. An xlsx is read from its first worksheet.
/// An upload is an attacker's input: every way it can grow while it is read is held to the limits below, and a file
/// beyond one of them, or one that is not what it claims to be, is a <see cref="SheetFormatException"/>.
/// </summary>
public static class SheetReader
{
    /// <summary>The file as uploaded; the gateway and the import endpoints refuse larger bodies before this.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>Rows besides a header row.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Columns of a row: Excel's own limit (XFD).</summary>
    public const int MaxColumns = 16_384;

    /// <summary>Cells kept from the whole file, counting the empty ones left of a filled cell.</summary>
    public const int MaxCells = 2_000_000;

    /// <summary>Characters of one cell: Excel's own limit.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>Characters of text kept from an xlsx, counting each shared string once.</summary>
    public const int MaxTextChars = 32_000_000;

    /// <summary>Characters of one CSV record; the parser holds a whole record, however many fields it has.</summary>
    public const int MaxCsvRecordChars = 256 * 1024;

    /// <summary>Parts (zip entries) of an xlsx package.</summary>
    public const int MaxParts = 1_000;

    /// <summary>Bytes all parts of an xlsx expand to, counted as they are inflated, not as the zip declares.</summary>
    public const long MaxExpandedBytes = 100 * 1024 * 1024;

    /// <summary>Bytes of [Content_Types].xml and the relationship parts together, which are loaded whole.</summary>
    public const long MaxPackageIndexBytes = 4 * 1024 * 1024;

    /// <summary>Bytes of one XML node (a start tag with its attributes, a text), which a reader buffers whole.</summary>
    public const int MaxXmlNodeBytes = 4 * 1024 * 1024;

    /// <summary>Entries of an xlsx's shared string table.</summary>
    public const int MaxSharedStrings = 1_000_000;

    /// <summary>The advice after a message about a file that is damaged or not what it claims to be.</summary>
    internal static readonly UserText SaveAgain = new("请在 Excel 中打开并另存为 .xlsx 或 .csv 后再导入。",
        "Open it in Excel, save it as .xlsx or .csv and import that.");

    /// <summary>The advice after a message about a file beyond a limit.</summary>
    internal static readonly UserText SplitIt = new("请拆分成较小的文件后再导入。", "Split it into smaller files and import those.");

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A name from the file, as a message quotes it: a hostile file's names may be 64 KB long.</summary>
    internal static string Quoted(string name, int maxLength = 100) =>
        name.Length <= maxLength ? name : name[..maxLength] + "…";

    public static IReadOnlyList<SheetRow> Read(Stream content, string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => ReadCsv(content),
            ".xlsx" => XlsxReader.Read(Buffered(content)),
            ".xls" => throw new SheetFormatException(new(
                "无法读取旧版 .xls 工作簿：请在 Excel 中另存为 .xlsx 或 .csv（UTF-8 或 GBK）后再导入。",
                "An old .xls workbook cannot be read: save it in Excel as .xlsx or .csv (UTF-8 or GBK) and import that.")),
            _ => throw new SheetFormatException(new("文件必须是 .csv 或 .xlsx 格式。", "The file must be .csv or .xlsx.")),
        };

    /// <summary>The upload in memory, refused as soon as it passes <see cref="MaxFileBytes"/>.</summary>
    private static MemoryStream Buffered(Stream content)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = content.Read(chunk)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
                throw new SheetFormatException(new UserText($"文件超过 {MaxFileBytes / 1024 / 1024} MB，",
                    $"The file is over {MaxFileBytes / 1024 / 1024} MB.") + SplitIt);
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }

    // A CSV is at most MaxFileBytes, so its text stays below MaxTextChars without counting it.
    private static IReadOnlyList<SheetRow> ReadCsv(Stream content)
    {
        using var buffer = Buffered(content);
        var text = Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiterValues = [",", ";", "\t", "|"],
            BadDataFound = null, // a stray quote is kept as text; the row is then judged by its values
            MaxFieldSize = MaxCellChars,
        };
        configuration = configuration with { Delimiter = DelimiterOf(text, configuration) };
        var rows = new SheetRows();
        using var reader = new CsvRecordLimit(text);
        using var parser = new CsvParser(reader, configuration);
        try
        {
            while (parser.Read())
            {
                SheetRows.CheckColumns(parser.Row, parser.Count);
                rows.Add(parser.Row, parser.Record ?? []);
                reader.RecordRead(parser.CharCount);
            }
        }
        catch (MaxFieldSizeException)
        {
            throw new SheetFormatException(SheetRows.CellTooLong);
        }
        return rows.All;
    }

    /// <summary>
    /// The delimiter CsvHelper detects in the first buffer of text it reads. Left to the parser, detection runs again
    /// on its whole buffer for every refill while the first record is incomplete, at about 1 KB a character.
    /// </summary>
    private static string DelimiterOf(string text, CsvConfiguration configuration) =>
        ConfigurationFunctions.GetDelimiter(
            new GetDelimiterArgs(text[..Math.Min(text.Length, configuration.BufferSize)], configuration))
        ?? configuration.Delimiter;

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030, a superset of GBK.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
            return Encoding.UTF8.GetString(bytes[3..]);
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
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

    /// <summary>
    /// Hands the CSV text to the parser, and stops it when one record needs more than the limit: the parser asks for
    /// more text only once it has used all it has, so what it has read past the last record is all one record.
    /// </summary>
    private sealed class CsvRecordLimit(string text) : StringReader(text)
    {
        private long read;
        private long lastRecordEnd;

        public void RecordRead(long charCount) => lastRecordEnd = charCount;

        public override int Read(char[] buffer, int index, int count)
        {
            if (read - lastRecordEnd > MaxCsvRecordChars)
                throw new SheetFormatException(new($"文件中有一行超过 {MaxCsvRecordChars:N0} 个字符，超出导入上限。",
                    $"A line of the file is over {MaxCsvRecordChars:N0} characters, beyond the import's limit."));
            var chars = base.Read(buffer, index, count);
            read += chars;
            return chars;
        }
    }
}
