namespace Platform.Web.Account;

/// <summary>Where to send the user back to after signing in or switching language: a page of this site only.</summary>
public static class LocalUrl
{
    /// <summary>
    /// <paramref name="url"/> when it is a path of this site, as ASP.NET Core's IsLocalUrl sees it: "/" not followed by
    /// "/" or "\" (which browsers read as another host) and no control character; otherwise "/".
    /// </summary>
    public static string OrHome(string? url) =>
        url is ['/'] or ['/', not ('/' or '\\'), ..] && !url.Any(char.IsControl) ? url : "/";
}
