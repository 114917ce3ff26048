using System.Reflection;
using System.Text.RegularExpressions;

namespace Platform.BuildingBlocks.Data;

/// <summary>One numbered SQL script. <see cref="Id"/> is "{source}/{file name}", e.g. "planning/0001_schools.sql".</summary>
public sealed record Migration(string Id, string Sql);

public static partial class MigrationCatalog
{
    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileNamePattern();

    /// <summary>
    /// Orders script file names by their number; rejects names that do not follow "NNNN_name.sql"
    /// and numbers used twice, so a mistake stops start-up instead of applying scripts out of order.
    /// </summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> fileNames)
    {
        var ordered = new List<(int Number, string Name)>();
        foreach (var name in fileNames)
        {
            var match = FileNamePattern().Match(name);
            if (!match.Success)
                throw new InvalidOperationException($"Migration '{name}' must be named NNNN_lower_case_name.sql.");
            ordered.Add((int.Parse(match.Groups[1].Value), name));
        }
        var repeated = ordered.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new InvalidOperationException(
                $"Migration number {repeated.Key:D4} is used by {string.Join(" and ", repeated.Select(m => m.Name))}.");
        return ordered.OrderBy(m => m.Number).Select(m => m.Name).ToList();
    }

    /// <summary>
    /// The scripts embedded in <paramref name="assembly"/> directly in the folder whose resource namespace is
    /// <paramref name="folderNamespace"/> (e.g. "Platform.Planning.Migrations"), in order.
    /// </summary>
    public static IReadOnlyList<Migration> Embedded(Assembly assembly, string folderNamespace, string source)
    {
        var prefix = folderNamespace + ".";
        var resources = assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(prefix, StringComparison.Ordinal) && r.EndsWith(".sql", StringComparison.Ordinal))
            .Where(r => r.AsSpan(prefix.Length).Count('.') == 1) // not in a sub-folder
            .ToDictionary(r => r[prefix.Length..]);
        return Order(resources.Keys)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(resources[name])!;
                using var reader = new StreamReader(stream);
                return new Migration($"{source}/{name}", reader.ReadToEnd());
            })
            .ToList();
    }
}

/// <summary>
/// A set of migrations for the service's database. Sets are applied by <see cref="Order"/>: the platform's tables,
/// then shared modules' (such as the school directory), then the service's own, which may refer to both.
/// </summary>
public sealed record MigrationSource(int Order, IReadOnlyList<Migration> Migrations)
{
    public const int Platform = 0;
    public const int Module = 1;
    public const int Service = 2;
}
