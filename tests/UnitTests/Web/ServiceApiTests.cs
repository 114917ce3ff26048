using System.Globalization;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.BuildingBlocks.Security;
using Platform.Web.Account;
using Platform.Web.Api;
using Platform.Web.Text;

namespace Platform.UnitTests.Web;

/// <summary>A service out of reach is told to the user in their language, not thrown into their page.</summary>
public sealed class ServiceApiTests
{
    [Fact]
    public async Task A_service_that_refuses_the_connection_answers_503_in_the_users_language()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var api = new ServiceApi(new Services(ClosedPort()), SignedIn(), new Texts(), new ProblemText(new Texts()),
            NullLogger<ServiceApi>.Instance);

        var answer = await api.GetAsync<object>("planning", "/schools", CancellationToken.None);

        Assert.Equal((503, "服务暂时无法访问，请稍后再试。"), (answer.Status, answer.Problem));
    }

    [Fact]
    public async Task A_call_the_user_abandons_is_cancelled_not_told_as_an_outage()
    {
        var api = new ServiceApi(new Services(ClosedPort()), SignedIn(), new Texts(), new ProblemText(new Texts()),
            NullLogger<ServiceApi>.Instance);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => api.GetAsync<object>("planning", "/schools", new CancellationToken(canceled: true)));
    }

    /// <summary>A loopback port nothing listens on: the port is taken and let go again.</summary>
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    private static Caller SignedIn()
    {
        var revoked = new RevokedSessions(TimeProvider.System);
        revoked.MarkLoaded();
        var caller = new Caller(new HttpContextAccessor(), revoked, TimeProvider.System, new Page());
        var session = Guid.NewGuid();
        caller.EnterCircuit(new Credentials(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(RevokedSessions.ClaimType, session.ToString())], "test")),
            "token", DateTimeOffset.UtcNow.AddMinutes(10), null));
        return caller;
    }

    private sealed class Services(Uri address) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { BaseAddress = address };
    }

    private sealed class Page : NavigationManager
    {
        public Page() => Initialize("http://ui/", "http://ui/planning");
    }
}
