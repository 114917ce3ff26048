using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>Sign-in as 等保 2.0 expects: a lockout that holds under concurrency, one answer for every refusal, throttling by
/// address.</summary>
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
        await SuiteApi.EnsureAsync(await sysadmin.PutAsJsonAsync($"/api/admin/users/{inactiveId}",
            new { displayName = "停用", active = false }));
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
    public async Task A_flood_of_sign_ins_gets_refusals_only_and_the_api_goes_on_answering()
    {
        // From this host, which the tests exempt from the per-address limit: the flood meets the limit on password checks at once.
        using var flooder = suite.ClientFor("gateway", null);
        var flood = Enumerable.Range(0, 200).Select(i => flooder.TrySignInAsync($"flood{Guid.NewGuid():N}"[..16], $"flood-guess-{i:D3}"))
            .ToList();
        using var during = await suite.Gateway.GetAsync("/api/planning/schools?districtCode=120106");
        var answers = await Task.WhenAll(flood);

        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.All(answers,
            answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.Equal(HttpStatusCode.OK, (await suite.Gateway.GetAsync("/api/planning/schools?districtCode=120106")).StatusCode);
        var (_, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        await flooder.SignInAsync(userName);
    }

    [Fact]
    public async Task One_address_trying_many_user_names_is_held_to_its_limit_while_another_signs_in()
    {
        var (_, userName) = await suite.NewUserAsync("120106", Roles.Viewer);
        using var sprayer = suite.GatewayFrom("127.0.0.8");
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
            answers.Add(await sprayer.TrySignInAsync($"spray{Guid.NewGuid():N}"[..16], "Spring-2026-口令"));

        var statuses = answers.Select(answer => answer.StatusCode).ToList();
        var firstRefused = statuses.IndexOf(HttpStatusCode.TooManyRequests);
        Assert.InRange(firstRefused, 1, 10); // at most ten a minute, whatever the names
        Assert.All(statuses[..firstRefused], status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.All(statuses[firstRefused..], status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        var refused = answers[firstRefused];
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("登录尝试过于频繁。", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        // The right password from the same address waits too; another address is not held back.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sprayer.TrySignInAsync(userName, Accounts.Password)).StatusCode);
        using var other = suite.GatewayFrom("127.0.0.9");
        await other.SignInAsync(userName);
    }

    [Fact]
    public async Task Counts_that_went_quiet_are_removed_as_attempts_are_recorded_but_locks_and_trusted_addresses_stay()
    {
        var name = $"quiet{Guid.NewGuid():N}"[..16];
        await using (var connection = new NpgsqlConnection(suite.ConnectionString("gatewaydb")))
            await connection.ExecuteAsync("""
                INSERT INTO sign_in_attempts (user_name, address, failures, locked_until, trusted, updated_at) VALUES
                    (@name, '', 3, NULL, false, now() - interval '1 hour'),
                    (@name, '203.0.113.7', 5, now() + interval '10 minutes', false, now() - interval '1 hour'),
                    (@name, '203.0.113.8', 0, NULL, true, now() - interval '1 hour')
                """, new { name });
        using var gateway = suite.ClientFor("gateway", null);

        // Each attempt removes up to a hundred quiet counts, so a few may be needed when others went quiet too.
        var left = await Eventually.Until(async () =>
            {
                await gateway.TrySignInAsync($"nobody{Guid.NewGuid():N}"[..16], "not-a-password");
                return (await suite.AttemptsAsync(name)).Keys.Order(StringComparer.Ordinal).ToList();
            },
            addresses => !addresses.Contains(""), "the quiet count removed");
        Assert.Equal(["203.0.113.7", "203.0.113.8"], left);
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
