namespace Platform.Web.Components.Interactive;

/// <summary>
/// A select shows its first option while its bound value is none of its options (at first, or once the value left the
/// list); the value follows, so that what is sent is what the user sees chosen.
/// </summary>
public static class Choice
{
    public static string? Shown(string? current, IEnumerable<string> options)
    {
        var listed = options.ToList();
        return listed.Contains(current!) ? current : listed.FirstOrDefault();
    }

    /// <summary>The record a select's value names (its id), or none when nothing is chosen.</summary>
    public static Guid? Id(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
