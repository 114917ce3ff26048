using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Security;

namespace Platform.IntegrationTests;

/// <summary>Users of one test, made as the administrators make them, and clients that sign in from a chosen address.</summary>
public static class Accounts
{
    /// <summary>The password of every user made by <c>NewUserAsync</c>, their own.</summary>
    public const string Password = "红桥-测试口令-2026";

    /// <summary>The temporary password the system administrator gives a new user.</summary>
    public const string FirstPassword = "管理员给的-临时口令-2026";

    /// <summary>
    /// A new user created by a system administrator and granted <paramref name="roles"/> by a security administrator,
    /// who has replaced the administrator's temporary password with their own (<see cref="Password"/>), unless
    /// <paramref name="ownPassword"/> is false.
    /// </summary>
    public static async Task<(Guid Id, string UserName)> NewUserAsync(
        this SuiteFixture suite, string district, string[] roles, bool ownPassword)
    {
        var userName = $"t{Guid.NewGuid():N}"[..16];
        using var sysadmin = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.SystemAdmin));
        var created = await sysadmin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = "测试用户", password = FirstPassword, districtCode = district });
        await SuiteApi.EnsureAsync(created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (roles.Length > 0)
        {
            using var secadmin = suite.ClientFor("gateway", suite.TokenFor("120000", Roles.SecurityAdmin));
            await SuiteApi.EnsureAsync(
                await secadmin.PutAsJsonAsync($"/api/admin/users/{id}/roles", new { roles, districtCode = district }));
        }
        if (ownPassword)
        {
            using var user = await suite.SignedInAsync(userName, FirstPassword);
            await SuiteApi.EnsureAsync(await user.ChangePasswordAsync(FirstPassword, Password));
        }
        return (id, userName);
    }

    public static Task<(Guid Id, string UserName)> NewUserAsync(this SuiteFixture suite, string district, params string[] roles) =>
        suite.NewUserAsync(district, roles, ownPassword: true);

    public static Task<HttpResponseMessage> ChangePasswordAsync(this HttpClient gateway, string currentPassword, string newPassword) =>
        gateway.PostAsJsonAsync("/api/auth/password", new { currentPassword, newPassword });

    public static Task<HttpResponseMessage> TrySignInAsync(this HttpClient gateway, string userName, string password) =>
        gateway.PostAsJsonAsync("/api/auth/sign-in", new { userName, password });

    public static async Task<JsonElement> SignInAsync(this HttpClient gateway, string userName, string password = Password)
    {
        var response = await gateway.TrySignInAsync(userName, password);
        await SuiteApi.EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A client of the gateway carrying the access token of <paramref name="userName"/>, just signed in.</summary>
    public static async Task<HttpClient> SignedInAsync(this SuiteFixture suite, string userName, string password = Password)
    {
        var client = suite.ClientFor("gateway", null);
        var token = (await client.SignInAsync(userName, password)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A client of the gateway whose connections come from <paramref name="address"/>, one of the 127.0.0.0/8 loopback
    /// addresses: a real other source address, as the gateway's throttle sees it.
    /// </summary>
    public static HttpClient GatewayFrom(this SuiteFixture suite, string address)
    {
        var gateway = suite.Endpoint("gateway");
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The failures counted for a user name from each address ('' for all of them), past row-level security.</summary>
    public static async Task<Dictionary<string, (int Failures, DateTime? LockedUntil)>> AttemptsAsync(
        this SuiteFixture suite, string userName)
    {
        await using var connection = new NpgsqlConnection(suite.ConnectionString("gatewaydb"));
        return (await connection.QueryAsync<(string Address, int Failures, DateTime? LockedUntil)>(
                "SELECT address, failures, locked_until FROM sign_in_attempts WHERE user_name = @userName", new { userName }))
            .ToDictionary(row => row.Address, row => (row.Failures, row.LockedUntil));
    }
}
