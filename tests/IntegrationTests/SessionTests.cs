using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>
/// Sessions end everywhere within seconds: at sign-out, at a new password and at deactivation, the user's access
/// tokens are refused by every service (directly and through the gateway) and the web UI's cookie stops working.
/// </summary>
[Collection(SuiteCollection.Name)]
public class SessionTests(SuiteFixture suite)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    /// <summary>A read of each service, and the gateway's own /me, each straight at its host and through the gateway.</summary>
    private static readonly (string Host, string Path)[] Reads =
    [
        ("planning", "/schools"), ("workforce", "/teachers"), ("facilities", "/projects"),
        ("gateway", "/api/planning/schools"), ("gateway", "/api/workforce/teachers"), ("gateway", "/api/facilities/projects"),
        ("gateway", "/api/auth/me"),
    ];

    [Fact]
    public async Task Sign_out_ends_the_session_in_every_service_within_seconds()
    {
        var (_, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        using var gateway = suite.ClientFor("gateway", null);
        var signedIn = await gateway.SignInAsync(userName);
        var other = (await gateway.SignInAsync(userName)).GetProperty("accessToken").GetString()!;
        var token = signedIn.GetProperty("accessToken").GetString()!;
        await AssertEverywhereAsync(token, HttpStatusCode.OK);

        var refreshToken = signedIn.GetProperty("refreshToken").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await gateway.PostAsJsonAsync("/api/auth/sign-out", new { refreshToken })).StatusCode);

        await AssertEverywhereAsync(token, HttpStatusCode.Unauthorized);
        await AssertEverywhereAsync(other, HttpStatusCode.OK); // the user's other session goes on
    }

    [Fact]
    public async Task A_new_password_ends_every_session_of_the_user_in_every_service_and_the_web_ui()
    {
        var (_, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        using var web = await WebSession.SignInAsync(suite, userName, Accounts.Password);
        using var gateway = suite.ClientFor("gateway", null);
        var token = (await gateway.SignInAsync(userName)).GetProperty("accessToken").GetString()!;
        await AssertEverywhereAsync(token, HttpStatusCode.OK);
        await AssertWebAsync(web, signedIn: true);

        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.NoContent, (await gateway.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = Accounts.Password, newPassword = "换了的口令-Nankai-42" })).StatusCode);

        await AssertEverywhereAsync(token, HttpStatusCode.Unauthorized);
        await AssertWebAsync(web, signedIn: false);
    }

    [Fact]
    public async Task Deactivation_ends_every_session_of_the_user_in_every_service_and_the_web_ui()
    {
        var (id, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        using var web = await WebSession.SignInAsync(suite, userName, Accounts.Password);
        using var gateway = suite.ClientFor("gateway", null);
        var signedIn = await gateway.SignInAsync(userName);
        var token = signedIn.GetProperty("accessToken").GetString()!;
        await AssertEverywhereAsync(token, HttpStatusCode.OK);
        await AssertWebAsync(web, signedIn: true);

        using var sysadmin = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.SystemAdmin));
        await SuiteApi.EnsureAsync(await sysadmin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "已停用", active = false }));

        await AssertEverywhereAsync(token, HttpStatusCode.Unauthorized);
        await AssertWebAsync(web, signedIn: false);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await gateway.PostAsJsonAsync("/api/auth/refresh",
                new { refreshToken = signedIn.GetProperty("refreshToken").GetString() })).StatusCode);
    }

    [Fact]
    public async Task The_web_ui_sends_a_user_signed_in_with_an_administrators_password_to_change_it()
    {
        var (_, userName) = await suite.NewUserAsync("120106", [Roles.Viewer], ownPassword: false);
        using var temporary = await WebSession.SignInAsync(suite, userName, Accounts.FirstPassword);
        Assert.Equal("/account/password?temporary=true", temporary.Landing);
        Assert.Contains("临时密码", await temporary.Client.GetStringAsync(temporary.Landing));

        var (_, other) = await suite.NewUserAsync("120106", Roles.Viewer);
        using var own = await WebSession.SignInAsync(suite, other, Accounts.Password);
        Assert.Equal("/", own.Landing);
    }

    [Fact]
    public async Task A_copy_of_the_web_uis_cookie_stops_working_once_its_user_signs_out()
    {
        var (_, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        using var web = await WebSession.SignInAsync(suite, userName, Accounts.Password);
        using var copy = WebSession.Anonymous(suite);
        copy.Cookies.Add(web.Cookies.GetAllCookies());
        await AssertWebAsync(copy, signedIn: true);

        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await web.FormTokenAsync("/planning") };
        Assert.Equal(HttpStatusCode.Redirect, (await web.Client.PostAsync("/sign-out", new FormUrlEncodedContent(form))).StatusCode);

        await AssertWebAsync(copy, signedIn: false);
    }

    private async Task AssertEverywhereAsync(string token, HttpStatusCode expected)
    {
        foreach (var (host, path) in Reads)
        {
            using var client = suite.ClientFor(host, token);
            await Eventually.Until(async () => (await client.GetAsync(path)).StatusCode, status => status == expected,
                $"{host}{path} to answer {(int)expected}", Within);
        }
    }

    /// <summary>A page of the UI is shown to a signed-in user; anyone else is sent to sign in.</summary>
    private static Task AssertWebAsync(WebSession web, bool signedIn) =>
        Eventually.Until(async () => (await web.Client.GetAsync("/planning")).StatusCode,
            status => status == (signedIn ? HttpStatusCode.OK : HttpStatusCode.Redirect),
            signedIn ? "the UI to show the page" : "the UI to send the user to sign in", Within);
}
