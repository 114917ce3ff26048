using System.Text.RegularExpressions;

namespace Platform.UnitTests;

/// <summary>
/// The team's line length (.editorconfig's max_line_length) holds in the code that ships, in its tests and benchmarks and in the
/// site's own style sheet: a line longer than a screen fails these tests, which name it. Build output (bin, obj), vendored
/// libraries (wwwroot/lib) and SQL migrations are not checked. The compiler and the formatter check everything else of the layout.
/// </summary>
public partial class LineLengthTests
{
    [Fact]
    public void No_line_of_the_shipped_code_is_longer_than_the_editorconfig_allows() =>
        AssertNoLineTooLong(("src", [".cs", ".razor"]), ("ServiceDefaults", [".cs", ".razor"]), ("AppHost", [".cs", ".razor"]));

    [Fact]
    public void No_line_of_the_tests_benchmarks_or_style_sheet_is_longer_than_the_editorconfig_allows() =>
        AssertNoLineTooLong(("tests", [".cs"]), ("bench", [".cs"]), (Path.Combine("src", "Web", "wwwroot"), [".css"]));

    /// <summary>Every line of the files with one of the extensions in each folder fits in .editorconfig's max_line_length.</summary>
    private static void AssertNoLineTooLong(params (string Folder, string[] Extensions)[] scopes)
    {
        var root = RepositoryRoot();
        var maxLength = int.Parse(MaxLineLength().Match(File.ReadAllText(Path.Combine(root, ".editorconfig"))).Groups[1].Value);

        var tooLong = scopes
            .SelectMany(scope => FilesUnder(Path.Combine(root, scope.Folder))
                .Where(path => scope.Extensions.Any(extension => path.EndsWith(extension, StringComparison.Ordinal))))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (Path.GetRelativePath(root, path), index + 1, line.Length)))
            .Where(line => line.Length > maxLength)
            .Select(line => $"{line.Item1}:{line.Item2} ({line.Length})")
            .ToList();

        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines over {maxLength} characters:\n{string.Join("\n", tooLong)}");
    }

    /// <summary>The files under <paramref name="folder"/>, leaving out build output, vendored libraries and SQL migrations.</summary>
    private static IEnumerable<string> FilesUnder(string folder) =>
        Directory.EnumerateFiles(folder)
            .Concat(Directory.EnumerateDirectories(folder).Where(child => !IsSkipped(child)).SelectMany(FilesUnder));

    private static bool IsSkipped(string folder) =>
        Path.GetFileName(folder) is "bin" or "obj" or "Migrations"
        || (Path.GetFileName(folder) == "lib" && Path.GetFileName(Path.GetDirectoryName(folder)) == "wwwroot");

    /// <summary>The clone the tests were built from: the nearest folder above them holding Platform.sln.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln")))
                return folder.FullName;
        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^max_line_length\s*=\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex MaxLineLength();
}
