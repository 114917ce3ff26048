using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.AppHost;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>
/// 三权分立: the system administrator manages accounts but grants no role, the security administrator grants roles
/// but never their own, the auditor reads the audit trails and nothing else; none sees business data.
/// </summary>
[Collection(SuiteCollection.Name)]
public class RoleSplitTests(SuiteFixture suite)
{
    [Theory]
    [InlineData("admin", Roles.SystemAdmin)]
    [InlineData("secadmin", Roles.SecurityAdmin)]
    [InlineData("auditor", Roles.Auditor)]
    public async Task Each_administrator_has_a_demo_account_holding_that_role_alone(string userName, string role)
    {
        using var gateway = suite.ClientFor("gateway", null);
        var user = (await gateway.SignInAsync(userName, Suite.DemoPassword)).GetProperty("user");
        Assert.Equal([role], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_system_administrator_manages_accounts_but_grants_no_role()
    {
        using var sysadmin = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.SystemAdmin));
        var withRoles = await sysadmin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = $"r{Guid.NewGuid():N}"[..16], displayName = "带角色", password = Accounts.Password, roles = new[] { "planner" },
            districtCode = "120106",
        });
        Assert.Equal(HttpStatusCode.BadRequest, withRoles.StatusCode);
        Assert.True((await withRoles.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("roles", out _));
        var (id, _) = await suite.NewUserAsync("120106");
        Assert.Empty((await sysadmin.GetFromJsonAsync<List<JsonElement>>("/api/admin/users"))!
            .Single(u => u.GetProperty("id").GetGuid() == id).GetProperty("roles").EnumerateArray());

        Assert.Equal(HttpStatusCode.Forbidden,
            (await sysadmin.PutAsJsonAsync($"/api/admin/users/{id}/roles",
                new { roles = new[] { "hr" }, districtCode = "120106" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sysadmin.PutAsJsonAsync($"/api/admin/users/{id}",
            new { displayName = "改角色", active = true, roles = new[] { "hr" } })).StatusCode);
        // An administrator's password is theirs alone: resetting it would let the system administrator become them.
        var (auditorId, _) = await suite.NewUserAsync("120000", Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await sysadmin.PutAsJsonAsync($"/api/admin/users/{auditorId}/password", new { password = "接管审计员账户的口令-2026" })).StatusCode);
        await AssertRefusedBusinessDataAndAuditAsync(sysadmin, audit: false);
    }

    /// <summary>
    /// A password the system administrator sets (a new account's, a reset) is temporary: signing in with it gives a
    /// token without roles, so the administrator cannot use it to read business data as the user.
    /// </summary>
    [Fact]
    public async Task A_password_the_system_administrator_sets_opens_nothing_until_the_user_sets_their_own()
    {
        var (newId, newUser) = await suite.NewUserAsync("120106", [Roles.Planner], ownPassword: false);
        var (id, userName) = await suite.NewUserAsync("120106", Roles.Planner);
        using var sysadmin = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.SystemAdmin));
        const string reset = "管理员重置的-口令-Nankai";
        await SuiteApi.EnsureAsync(await sysadmin.PutAsJsonAsync($"/api/admin/users/{id}/password", new { password = reset }));

        foreach (var (user, password) in new[] { (newUser, Accounts.FirstPassword), (userName, reset) })
        {
            using var gateway = suite.ClientFor("gateway", null);
            var signedIn = await gateway.SignInAsync(user, password);
            Assert.True(signedIn.GetProperty("mustChangePassword").GetBoolean());
            Assert.Empty(signedIn.GetProperty("user").GetProperty("roles").EnumerateArray());
            gateway.DefaultRequestHeaders.Authorization = new("Bearer", signedIn.GetProperty("accessToken").GetString());
            Assert.False((await gateway.GetFromJsonAsync<JsonElement>("/api/auth/me")).TryGetProperty("role", out _));
            await AssertRefusedBusinessDataAndAuditAsync(gateway, audit: false);
            Assert.Equal(HttpStatusCode.Forbidden, (await gateway.GetAsync("/api/admin/users")).StatusCode);

            // The user's own password, and the next sign-in carries their roles.
            Assert.Equal(HttpStatusCode.NoContent, (await gateway.ChangePasswordAsync(password, "用户自己的-新口令-Hongqiao")).StatusCode);
            using var own = await suite.SignedInAsync(user, "用户自己的-新口令-Hongqiao");
            Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/planning/schools?districtCode=120106")).StatusCode);
        }
        var users = await sysadmin.GetFromJsonAsync<List<JsonElement>>("/api/admin/users");
        Assert.All(users!.Where(u => u.GetProperty("id").GetGuid() is var userId && (userId == id || userId == newId)),
            u => Assert.False(u.GetProperty("mustChangePassword").GetBoolean()));
    }

    [Fact]
    public async Task The_security_administrator_grants_roles_to_others_but_never_to_themselves()
    {
        var (selfId, selfName) = await suite.NewUserAsync("120000", Roles.SecurityAdmin);
        using var secadmin = await suite.SignedInAsync(selfName);
        var (id, _) = await suite.NewUserAsync("120106");

        var granted = await secadmin.PutAsJsonAsync($"/api/admin/users/{id}/roles",
            new { roles = new[] { "planner", "viewer" }, districtCode = "120106" });
        await SuiteApi.EnsureAsync(granted);
        var roles = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles");
        Assert.Equal(["planner", "viewer"], roles.EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await secadmin.PutAsJsonAsync($"/api/admin/users/{selfId}/roles",
            new { roles = new[] { "secadmin" }, districtCode = "120000" })).StatusCode);
        // An administrator role is held alone, so no account gathers two powers.
        Assert.Equal(HttpStatusCode.BadRequest, (await secadmin.PutAsJsonAsync($"/api/admin/users/{id}/roles",
            new { roles = new[] { "auditor", "planner" }, districtCode = "120106" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await secadmin.PutAsJsonAsync($"/api/admin/users/{id}/roles",
            new { roles = new[] { "secadmin", "sysadmin" }, districtCode = "120106" })).StatusCode);

        var user = new
        {
            userName = $"s{Guid.NewGuid():N}"[..16], displayName = "安全员建的", password = Accounts.Password, districtCode = "120106",
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await secadmin.PostAsJsonAsync("/api/admin/users", user)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await secadmin.PutAsJsonAsync($"/api/admin/users/{id}/password", new { password = "安全员设的-口令-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await secadmin.PutAsJsonAsync($"/api/admin/users/{id}", new { displayName = "改名", active = false })).StatusCode);
        await AssertRefusedBusinessDataAndAuditAsync(secadmin, audit: false);
    }

    [Fact]
    public async Task The_auditor_reads_the_audit_trails_and_nothing_else()
    {
        using var auditor = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.Auditor));
        string[] paths = ["/api/admin/audit", "/api/planning/admin/audit", "/api/workforce/admin/audit", "/api/facilities/admin/audit"];
        foreach (var path in paths)
            Assert.Equal((path, HttpStatusCode.OK), (path, (await auditor.GetAsync(path)).StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/admin/users", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/planning/admin/error-queues")).StatusCode);
        await AssertRefusedBusinessDataAndAuditAsync(auditor, audit: true);
    }

    /// <summary>No administrator reads or writes business data; only the auditor reads the audit trail.</summary>
    private static async Task AssertRefusedBusinessDataAndAuditAsync(HttpClient admin, bool audit)
    {
        foreach (var path in new[] { "/api/planning/schools", "/api/workforce/teachers", "/api/facilities/projects" })
            Assert.Equal((path, HttpStatusCode.Forbidden), (path, (await admin.GetAsync(path)).StatusCode));
        var zone = new { name = "管理员学区", kind = "area" };
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/planning/districts/120106/zones", zone)).StatusCode);
        Assert.Equal(audit ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await admin.GetAsync("/api/planning/admin/audit")).StatusCode);
    }
}
