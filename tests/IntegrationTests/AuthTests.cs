using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.AppHost;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>Signing in at the gateway, refreshing, signing out, lockout, and the admin's user accounts.</summary>
[Collection(SuiteCollection.Name)]
public class AuthTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_demo_user_signs_in_and_acts_within_their_role_and_district()
    {
        using var gateway = suite.ClientFor("gateway", null);
        var signedIn = await SignInAsync(gateway, "planner", Suite.DemoPassword);
        Assert.Equal((900, "Bearer", "120106"),
            (signedIn.GetProperty("expiresIn").GetInt32(), signedIn.GetProperty("tokenType").GetString(),
                signedIn.GetProperty("user").GetProperty("districtCode").GetString()));
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            signedIn.GetProperty("accessToken").GetString());

        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/api/planning/schools")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await gateway.GetAsync("/api/workforce/teachers")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.GetAsync("/api/planning/districts/120104/zones")).StatusCode);
        var me = await gateway.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(("planner", "planner"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_not_after_sign_out()
    {
        using var gateway = suite.ClientFor("gateway", null);
        var first = (await SignInAsync(gateway, "viewer", Suite.DemoPassword)).GetProperty("refreshToken").GetString();

        var refreshed = await gateway.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first });
        await SuiteApi.EnsureAsync(refreshed);
        var second = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await gateway.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent,
            (await gateway.PostAsJsonAsync("/api/auth/sign-out", new { refreshToken = second })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await gateway.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = second })).StatusCode);
    }

    [Fact]
    public async Task Administrators_manage_accounts_within_their_scope_and_a_new_password_lifts_a_lock()
    {
        using var sysadmin = suite.ClientFor("gateway", suite.TokenFor("120106", Roles.SystemAdmin));
        using var secadmin = suite.ClientFor("gateway", suite.TokenFor("120106", Roles.SecurityAdmin));
        var userName = $"u{Guid.NewGuid():N}"[..16];
        var bad = await sysadmin.PostAsJsonAsync("/api/admin/users",
            new { userName = "Bad Name", password = "short", roles = new[] { "hr" }, districtCode = "120000" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["displayName", "districtCode", "password", "roles", "userName"], fields);

        var created = await sysadmin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = "红桥区新用户", password = "first-password-1", districtCode = "120106" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await sysadmin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = "重名", password = "first-password-1", districtCode = "120106" })).StatusCode);
        await SuiteApi.EnsureAsync(await secadmin.PutAsJsonAsync($"/api/admin/users/{id}/roles",
            new { roles = new[] { "hr" }, districtCode = "120106" }));
        Assert.Contains(await sysadmin.GetFromJsonAsync<List<JsonElement>>("/api/admin/users") ?? [],
            u => u.GetProperty("id").GetGuid() == id);
        using var otherAdmin = suite.ClientFor("gateway", suite.TokenFor("120103", Roles.SystemAdmin));
        Assert.DoesNotContain(await otherAdmin.GetFromJsonAsync<List<JsonElement>>("/api/admin/users") ?? [],
            u => u.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound,
            (await otherAdmin.PutAsJsonAsync($"/api/admin/users/{id}/password", new { password = "taken-over-123" })).StatusCode);
        using var notAdmin = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.Planner, Roles.Hr, Roles.Facilities));
        Assert.Equal(HttpStatusCode.Forbidden, (await notAdmin.GetAsync("/api/admin/users")).StatusCode);

        using var gateway = suite.ClientFor("gateway", null);
        var signedIn = await SignInAsync(gateway, userName, "first-password-1");
        // the administrator's password: none until changed
        Assert.Empty(signedIn.GetProperty("user").GetProperty("roles").EnumerateArray());
        Assert.True(signedIn.GetProperty("mustChangePassword").GetBoolean());
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await gateway.PostAsJsonAsync("/api/auth/sign-in", new { userName, password = "wrong-password" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await gateway.PostAsJsonAsync("/api/auth/sign-in", new { userName, password = "first-password-1" })).StatusCode);

        // A new password lifts the lock; a deactivated account cannot sign in.
        await SuiteApi.EnsureAsync(await sysadmin.PutAsJsonAsync($"/api/admin/users/{id}/password",
            new { password = "second-password-2" }));
        await SignInAsync(gateway, userName, "second-password-2");
        await SuiteApi.EnsureAsync(await sysadmin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "红桥区新用户", active = false }));
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await gateway.PostAsJsonAsync("/api/auth/sign-in", new { userName, password = "second-password-2" })).StatusCode);
    }

    private static async Task<JsonElement> SignInAsync(HttpClient gateway, string userName, string password)
    {
        var response = await gateway.PostAsJsonAsync("/api/auth/sign-in", new { userName, password });
        await SuiteApi.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
