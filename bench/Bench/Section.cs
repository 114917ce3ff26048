namespace Platform.Bench;

/// <summary>One bench's findings: a section of docs/benchmarks.md, with what was measured, how, and the figures.</summary>
public sealed record Section(string Title, string Body)
{
    public override string ToString() => $"## {Title}\n\n{Body.Trim()}\n";

    /// <summary>A Markdown table: the header, then one line per row.</summary>
    public static string Table(string[] header, IEnumerable<string[]> rows) =>
        $"| {string.Join(" | ", header)} |\n|{string.Concat(header.Select(_ => "---|"))}\n" +
        string.Concat(rows.Select(row => $"| {string.Join(" | ", row)} |\n"));

    public static string Milliseconds(double value) => value < 10 ? $"{value:0.00} ms" : $"{value:0.0} ms";
}
