using System.Net;
using System.Text.RegularExpressions;
using Platform.AppHost;

namespace Platform.IntegrationTests;

/// <summary>
/// A user of the web UI without a browser: signed in through the UI's own form at the gateway, cookies kept,
/// redirects not followed (so a test sees where the UI sends the user).
/// </summary>
public sealed partial class WebSession : IDisposable
{
    private WebSession(Uri gateway) => Client = new HttpClient(
        new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
    {
        BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30),
    };

    public HttpClient Client { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>Where the UI sent the user once signed in: a path and query.</summary>
    public string? Landing { get; private set; }

    public static WebSession Anonymous(SuiteFixture suite) => new(suite.Endpoint("gateway"));

    /// <summary>Signs a user (by default a demo user) in as the sign-in page's form does.</summary>
    public static async Task<WebSession> SignInAsync(SuiteFixture suite, string userName, string password = Suite.DemoPassword)
    {
        var session = Anonymous(suite);
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = await session.FormTokenAsync("/sign-in"),
            ["Form.UserName"] = userName,
            ["Form.Password"] = password,
        };
        using var signedIn = await session.Client.PostAsync("/sign-in", new FormUrlEncodedContent(form));
        Assert.True((int)signedIn.StatusCode is >= 300 and < 400, $"{userName} could not sign in: {(int)signedIn.StatusCode}");
        var location = signedIn.Headers.Location;
        session.Landing = location is { IsAbsoluteUri: true } ? location.PathAndQuery : location?.OriginalString;
        return session;
    }

    /// <summary>The antiforgery token of the forms on the page at <paramref name="path"/>.</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        var html = await Client.GetStringAsync(path);
        return AntiforgeryInput().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no form with an antiforgery token.");
    }

    /// <summary>A GET sent exactly as written: no dot segments removed, nothing unescaped, as a hostile client sends it.</summary>
    public Task<HttpResponseMessage> GetRawAsync(string pathAndQuery) => Client.GetAsync(
        new Uri(Client.BaseAddress!.AbsoluteUri.TrimEnd('/') + pathAndQuery,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
