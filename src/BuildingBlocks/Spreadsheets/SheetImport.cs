using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>A column an import expects: its key, and the headers it may have in the file (Chinese and English).</summary>
public sealed record SheetColumn(string Key, IReadOnlyList<string> Headers, bool Required = true);

/// <summary>One problem in an uploaded file: the row and column as the user sees them, the value, and why it is refused.</summary>
public sealed record ImportError(int Row, string Column, string? Value, string Reason);

/// <summary>
/// An uploaded table matched to the columns an import expects. Headers are matched ignoring case, spaces and
/// full-width forms; the first non-empty row is the header; blank rows are skipped. Reading a value through a row
/// records an <see cref="ImportError"/> for every bad value, so one pass reports every problem in the file.
/// </summary>
public sealed class SheetImport
{
    private readonly Dictionary<string, (int Index, string Header)> columns = [];

    public List<ImportError> Errors { get; } = [];
    public IReadOnlyList<ImportRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> IgnoredHeaders { get; private set; } = [];

    public static SheetImport Match(IReadOnlyList<SheetRow> sheet, IReadOnlyList<SheetColumn> expected)
    {
        var import = new SheetImport();
        var content = sheet.Where(row => row.Cells.Any(cell => !string.IsNullOrWhiteSpace(cell))).ToList();
        if (content.Count == 0)
        {
            import.Errors.Add(new ImportError(1, "", null, new UserText("文件是空的：需要一个表头行和至少一行数据。",
                "The file is empty: it needs a header row and at least one data row.").ToString()));
            return import;
        }

        var header = content[0];
        var headers = header.Cells.Select(Normalise).ToList();
        var used = new HashSet<int>();
        foreach (var column in expected)
        {
            var index = Enumerable.Range(0, headers.Count)
                .FirstOrDefault(i => !used.Contains(i) && column.Headers.Any(h => Normalise(h) == headers[i]), -1);
            if (index >= 0)
            {
                used.Add(index);
                import.columns[column.Key] = (index, header.Cells[index].Trim());
            }
            else if (column.Required)
                import.Errors.Add(new ImportError(header.Number, column.Headers[0], null, new UserText(
                    $"缺少列：表头中需要 {string.Join(" / ", column.Headers)} 之一。",
                    $"Column missing: the header row needs one of {string.Join(" / ", column.Headers)}.").ToString()));
        }
        if (content.Count == 1)
            import.Errors.Add(new ImportError(header.Number, "", null,
                new UserText("文件只有表头，没有数据行。", "The file has a header row but no data rows.").ToString()));

        import.IgnoredHeaders = header.Cells
            .Where((text, i) => !used.Contains(i) && !string.IsNullOrWhiteSpace(text))
            .Select(text => text.Trim())
            .ToList();
        if (import.Errors.Count == 0)
            import.Rows = content.Skip(1).Select(row => new ImportRow(import, row)).ToList();
        return import;
    }

    internal (string? Value, string Header) Cell(SheetRow row, string key) =>
        columns.TryGetValue(key, out var column)
            ? (column.Index < row.Cells.Count ? row.Cells[column.Index].Trim() : "", column.Header)
            : (null, key);

    /// <summary>Lower case, without spaces, with full-width letters and digits folded to ASCII.</summary>
    private static string Normalise(string text) =>
        new string(text.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
}

public sealed class ImportRow
{
    private readonly SheetRow row;

    internal ImportRow(SheetImport import, SheetRow row)
    {
        Import = import;
        this.row = row;
    }

    private SheetImport Import { get; }
    public int Number => row.Number;

    public void Fail(string key, string? value, UserText reason) =>
        Import.Errors.Add(new ImportError(Number, Import.Cell(row, key).Header, value, reason.ToString()));

    /// <summary>The cell as text, trimmed; an error when required and empty or longer than <paramref name="maxLength"/>.</summary>
    public string? Text(string key, int maxLength, bool required = true)
    {
        var (value, header) = Import.Cell(row, key);
        if (string.IsNullOrEmpty(value))
        {
            if (required)
                Import.Errors.Add(new ImportError(Number, header, value, new UserText("为空。", "is empty.").ToString()));
            return null;
        }
        if (value.Length > maxLength)
        {
            Import.Errors.Add(new ImportError(
                Number, header, value[..Math.Min(value.Length, 50)], UserText.AtMost(maxLength).ToString()));
            return null;
        }
        return value;
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>; "1,234" and "1234.0" are accepted.</summary>
    public int? Int(string key, int min, int max, bool required = true)
    {
        var text = Text(key, 40, required);
        if (text is null)
            return null;
        if (!decimal.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
            || number != decimal.Truncate(number))
        {
            Fail(key, text, JsonFieldErrors.Expected(typeof(int)));
            return null;
        }
        if (number < min || number > max)
        {
            Fail(key, text, UserText.Between(min, max));
            return null;
        }
        return (int)number;
    }

    private static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    /// <summary>
    /// A date between <paramref name="min"/> and <paramref name="max"/>: 2024-09-01, 2024/9/1, 2024.9.1, 2024年9月1日,
    /// 20240901, or a number, as xlsx stores a date cell (days since 1899-12-30).
    /// </summary>
    public DateOnly? Date(string key, DateOnly min, DateOnly max, bool required = true)
    {
        var text = Text(key, 40, required);
        if (text is null)
            return null;
        DateOnly date;
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            date = parsed;
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
            date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        else
        {
            Fail(key, text, new("不是日期（2024-09-01、2024/9/1 或 2024年9月1日）。",
                "is not a date (2024-09-01, 2024/9/1 or 2024年9月1日)."));
            return null;
        }
        if (date < min || date > max)
        {
            Fail(key, text, UserText.Between(min.ToString("yyyy-MM-dd"), max.ToString("yyyy-MM-dd")));
            return null;
        }
        return date;
    }

    /// <summary>One of the allowed words (Chinese or English), as the value it stands for.</summary>
    public string? OneOf(string key, IReadOnlyDictionary<string, string> allowed, bool required = true)
    {
        var text = Text(key, 40, required);
        if (text is null)
            return null;
        if (allowed.TryGetValue(text, out var value))
            return value;
        Fail(key, text, new($"须为以下之一：{string.Join("、", allowed.Keys)}。",
            $"must be one of: {string.Join(", ", allowed.Keys)}."));
        return null;
    }
}
