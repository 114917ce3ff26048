using System.Text.RegularExpressions;

namespace Platform.UnitTests;

/// <summary>
/// The team's line length (.editorconfig's max_line_length) holds in the code that ships: a line longer than a screen
/// fails this test, which names it. The compiler and the formatter check everything else of the layout.
/// </summary>
public partial class LineLengthTests
{
    private static readonly string[] ShippedCode = ["src", "ServiceDefaults", "AppHost"];

    [Fact]
    public void No_line_of_the_shipped_code_is_longer_than_the_editorconfig_allows()
    {
        var root = RepositoryRoot();
        var maxLength = int.Parse(MaxLineLength().Match(File.ReadAllText(Path.Combine(root, ".editorconfig"))).Groups[1].Value);

        var tooLong = ShippedCode
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (Path.GetRelativePath(root, path), index + 1, line.Length)))
            .Where(line => line.Length > maxLength)
            .Select(line => $"{line.Item1}:{line.Item2} ({line.Length})")
            .ToList();

        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines over {maxLength} characters:\n{string.Join("\n", tooLong)}");
    }

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
