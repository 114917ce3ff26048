using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>Sign-in as 等保 2.0 expects: a lockout that holds under concurrency, one answer for every refusal, throttling by address.</summary>
[Collection(SuiteCollection.Name)]
public class SignInTests(SuiteFixture suite)
{
    [Fact]
    public async Task Forty_one_simultaneous_wrong_passwords_check_at_most_five_and_the_right_one_is_then_refused()
    {
        var (_, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        using var gateway = suite.ClientFor("gateway", null);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 41).Select(i => gateway.TrySignInAsync(userName, $"wrong-guess-{i:D3}-xyz")));

        Assert.All(attempts, attempt => Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode));
        var counted = await suite.AttemptsAsync(userName);
        var fromHere = Assert.Single(counted, row => row.Key != "").Value;
        Assert.Equal(5, fromHere.Failures); // counted before each check: the sixth and later were never checked
        Assert.True(fromHere.LockedUntil > DateTime.UtcNow.AddMinutes(14));
        var right = await gateway.TrySignInAsync(userName, Accounts.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(await AnswerAsync(attempts[0]), await AnswerAsync(right));
    }

    [Fact]
    public async Task Unknown_wrong_locked_and_inactive_get_one_answer()
    {
        var (_, wrong) = await suite.NewUserAsync("120106", Roles.Viewer);
        var (_, locked) = await suite.NewUserAsync("120106", Roles.Viewer);
        var (inactiveId, inactive) = await suite.NewUserAsync("120106", Roles.Viewer);
        using var sysadmin = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.SystemAdmin));
        await SuiteApi.EnsureAsync(await sysadmin.PutAsJsonAsync($"/api/admin/users/{inactiveId}", new { displayName = "停用", active = false }));
        using var gateway = suite.ClientFor("gateway", null);
        for (var i = 0; i < 5; i++)
            await gateway.TrySignInAsync(locked, "not-the-password");

        // Each kind answered three times. Their cost is alike by construction (one straight path, one password hash
        // checked, against a decoy when there is nothing to check); timing it here would only measure the machine's load.
        var cases = new Dictionary<string, (string User, string Password)>
        {
            ["unknown"] = ($"nobody{Guid.NewGuid():N}"[..16], Accounts.Password),
            ["wrong password"] = (wrong, "not-the-password"),
            ["locked"] = (locked, Accounts.Password),
            ["inactive"] = (inactive, Accounts.Password),
        };
        var answers = cases.Keys.ToDictionary(kind => kind, _ => new List<string>());
        for (var round = 0; round < 3; round++)
            foreach (var (kind, (user, password)) in cases)
            {
                using var response = await gateway.TrySignInAsync(user, password);
                answers[kind].Add($"{(int)response.StatusCode} {await AnswerAsync(response)}");
            }

        Assert.Single(answers.Values.SelectMany(a => a).Distinct());
        Assert.StartsWith("401", answers["unknown"][0]);
    }

    [Fact]
    public async Task Wrong_passwords_from_other_addresses_do_not_lock_out_the_owner()
    {
        var (_, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        // Five anonymous guesses from one address lock that address out, not the owner.
        using (var attacker = suite.GatewayFrom("127.0.0.2"))
            for (var i = 0; i < 5; i++)
                await attacker.TrySignInAsync(userName, $"guess-{i}");
        using var owner = suite.GatewayFrom("127.0.0.1");
        await owner.SignInAsync(userName);

        // Guesses from many addresses reach the account-wide limit: new addresses are refused even the right
        // password, while the owner's address, which has signed in before, still signs in.
        foreach (var address in new[] { "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6" })
        {
            using var attacker = suite.GatewayFrom(address);
            for (var i = 0; i < 5; i++)
                await attacker.TrySignInAsync(userName, $"guess-{address}-{i}");
        }
        Assert.True((await suite.AttemptsAsync(userName))[""].LockedUntil > DateTime.UtcNow);
        using (var lockedOut = suite.GatewayFrom("127.0.0.2"))
            Assert.Equal(HttpStatusCode.Unauthorized, (await lockedOut.TrySignInAsync(userName, Accounts.Password)).StatusCode);
        using (var stranger = suite.GatewayFrom("127.0.0.7"))
            Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.TrySignInAsync(userName, Accounts.Password)).StatusCode);
        await owner.SignInAsync(userName);
    }

    [Fact]
    public async Task Sign_out_takes_json_only_so_another_sites_form_cannot_post_it()
    {
        var (_, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        using var gateway = suite.ClientFor("gateway", null);
        var refreshToken = (await gateway.SignInAsync(userName)).GetProperty("refreshToken").GetString()!;

        // What a form on another site can send: url-encoded, multipart or text/plain, with no custom header.
        var forms = new HttpContent[]
        {
            new FormUrlEncodedContent(new Dictionary<string, string> { ["refreshToken"] = refreshToken }),
            new MultipartFormDataContent { { new StringContent(refreshToken), "refreshToken" } },
            new StringContent(JsonSerializer.Serialize(new { refreshToken }), System.Text.Encoding.UTF8, "text/plain"),
        };
        foreach (var form in forms)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out") { Content = form };
            request.Headers.Add("Origin", "https://evil.example");
            // No endpoint takes it: refused by content type before any handler runs.
            Assert.Contains((await gateway.SendAsync(request)).StatusCode,
                new[] { HttpStatusCode.UnsupportedMediaType, HttpStatusCode.MethodNotAllowed });
        }
        // A script of another origin would need CORS to send JSON: the gateway allows no other origin.
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/auth/sign-out");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        Assert.False((await gateway.SendAsync(preflight)).Headers.Contains("Access-Control-Allow-Origin"));

        // The session survived every attempt: its refresh token still works.
        Assert.Equal(HttpStatusCode.OK, (await gateway.PostAsJsonAsync("/api/auth/refresh", new { refreshToken })).StatusCode);
    }

    private static async Task<string> AnswerAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return $"{problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()}";
    }
}
