namespace Platform.Web.Api;

/// <summary>
/// The only paths the UI sends a user's token to: a path of the service itself, resolved under the service's fixed
/// base address. A path that could name another host ("//host", "\\host", a scheme) or climb out of the base path
/// (dot segments, plain or percent-encoded) is refused before any request is made.
/// </summary>
public static class ServicePath
{
    /// <summary>
    /// True for "/" followed by segments and an optional query: no "//", no backslash, no dot segment, no segment
    /// that decodes to a slash, no fragment and no control character.
    /// </summary>
    public static bool IsServiceRelative(string? pathAndQuery)
    {
        if (pathAndQuery is not ['/', ..] || pathAndQuery.Any(c => c is '\\' or '#' || char.IsControl(c)))
            return false;
        var path = pathAndQuery.Split('?', 2)[0];
        return !path.Contains("//", StringComparison.Ordinal) && path.Split('/').All(IsPlainSegment);
    }

    /// <summary>The absolute address of <paramref name="pathAndQuery"/> under <paramref name="baseAddress"/>.</summary>
    /// <exception cref="ArgumentException">The path is not the service's own, or would resolve elsewhere.</exception>
    public static Uri Resolve(Uri baseAddress, string? pathAndQuery)
    {
        if (!IsServiceRelative(pathAndQuery))
            throw new ArgumentException($"'{pathAndQuery}' is not a path of the service.", nameof(pathAndQuery));
        var root = new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/");
        // "." keeps the reference relative (never "scheme:…") and under the base path, which "/" alone would drop.
        var resolved = new Uri(root, "." + pathAndQuery);
        return StaysUnder(root, resolved)
            ? resolved
            : throw new ArgumentException($"'{pathAndQuery}' resolves outside {root}.", nameof(pathAndQuery));
    }

    /// <summary>Same scheme, host and port as the base, and a path within the base path.</summary>
    public static bool StaysUnder(Uri root, Uri resolved) =>
        resolved.IsAbsoluteUri
        && Uri.Compare(root, resolved, UriComponents.SchemeAndServer, UriFormat.UriEscaped,
            StringComparison.OrdinalIgnoreCase) == 0
        && resolved.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal);

    private static bool IsPlainSegment(string segment) =>
        Uri.UnescapeDataString(segment) is var decoded
        && decoded is not ("." or "..")
        && !decoded.Contains('/') && !decoded.Contains('\\');
}
