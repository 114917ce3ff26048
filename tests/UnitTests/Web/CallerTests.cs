using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Platform.BuildingBlocks.Security;
using Platform.Web.Account;

namespace Platform.UnitTests.Web;

/// <summary>Inside a circuit, the credentials its connection brought serve only while their session lives.</summary>
public sealed class CallerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid sid = Guid.NewGuid();
    private readonly RevokedSessions revoked = new(new Clock());
    private readonly Reloads navigation = new();

    public CallerTests() => revoked.MarkLoaded();

    private Caller InCircuit(DateTimeOffset expiresAt)
    {
        var caller = new Caller(new HttpContextAccessor(), revoked, new Clock(), navigation);
        caller.EnterCircuit(CredentialsOf(sid, expiresAt));
        return caller;
    }

    private static Credentials CredentialsOf(Guid session, DateTimeOffset expiresAt) => new(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(RevokedSessions.ClaimType, session.ToString())], "test")),
        $"token-of-{session}", expiresAt, null);

    [Fact]
    public async Task A_circuit_calls_with_its_connections_token_while_the_session_lives()
    {
        var caller = InCircuit(Now.AddMinutes(10));
        Assert.Equal($"token-of-{sid}", (await caller.CurrentAsync())?.AccessToken);
    }

    [Fact]
    public async Task A_session_revoked_elsewhere_stops_the_circuits_calls()
    {
        var caller = InCircuit(Now.AddMinutes(10));
        revoked.Add([new RevokedSession(sid, Now.AddMinutes(16).UtcDateTime)]);
        Assert.Null(await caller.CurrentAsync());
    }

    [Fact]
    public async Task An_expired_token_is_not_sent()
    {
        var caller = InCircuit(Now.AddSeconds(-1));
        Assert.Null(await caller.CurrentAsync());
    }

    [Fact]
    public async Task A_connection_without_a_session_gives_the_circuit_nothing_to_call_with()
    {
        var caller = new Caller(new HttpContextAccessor(), revoked, new Clock(), navigation);
        caller.EnterCircuit(null);
        Assert.Null(await caller.CurrentAsync());
    }

    [Fact]
    public void A_refusal_loads_a_circuits_page_again_once_and_leaves_a_request_alone()
    {
        new Caller(new HttpContextAccessor(), revoked, new Clock(), navigation).Refused();
        Assert.Equal(0, navigation.Reloaded);
        var caller = InCircuit(Now);
        caller.Refused();
        caller.Refused();
        Assert.Equal(1, navigation.Reloaded);
    }

    [Fact]
    public void A_circuit_that_never_received_credentials_does_not_reload_forever()
    {
        var caller = new Caller(new HttpContextAccessor(), revoked, new Clock(), navigation);
        caller.EnterCircuit(null);
        caller.Refused();
        Assert.Equal(0, navigation.Reloaded);
    }

    [Fact]
    public async Task A_reconnection_bringing_another_session_leaves_the_circuit_nothing_to_call_with()
    {
        var caller = InCircuit(Now.AddMinutes(10));
        caller.EnterCircuit(CredentialsOf(sid, Now.AddMinutes(12)));
        Assert.Equal($"token-of-{sid}", (await caller.CurrentAsync())?.AccessToken);
        caller.EnterCircuit(CredentialsOf(Guid.NewGuid(), Now.AddMinutes(12)));
        Assert.Null(await caller.CurrentAsync());
    }

    private sealed class Clock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Reloads : NavigationManager
    {
        public Reloads() => Initialize("http://ui/", "http://ui/workforce/rotation");

        public int Reloaded { get; private set; }

        protected override void NavigateToCore(string uri, NavigationOptions options) => Reloaded += options.ForceLoad ? 1 : 0;
    }
}
