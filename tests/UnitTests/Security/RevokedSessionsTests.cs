using System.Security.Claims;
using Platform.BuildingBlocks.Security;

namespace Platform.UnitTests.Security;

public class RevokedSessionsTests
{
    private static ClaimsPrincipal WithSession(Guid? sid) =>
        new(new ClaimsIdentity(sid is { } id ? [new Claim(RevokedSessions.ClaimType, id.ToString())] : [], "test"));

    [Fact]
    public void Refuses_tokens_naming_a_session_until_the_list_is_loaded_then_only_revoked_ones()
    {
        var sessions = new RevokedSessions(TimeProvider.System);
        var (live, ended) = (Guid.NewGuid(), Guid.NewGuid());
        Assert.True(sessions.Refuses(WithSession(live)));
        Assert.False(sessions.Refuses(WithSession(null))); // tokens of no session of ours

        sessions.Add([new RevokedSession(ended, DateTime.UtcNow.AddMinutes(16))]);
        sessions.MarkLoaded();
        Assert.False(sessions.Refuses(WithSession(live)));
        Assert.True(sessions.Refuses(WithSession(ended)));
    }

    [Fact]
    public async Task A_request_during_the_first_read_waits_for_it_instead_of_being_refused()
    {
        var sessions = new RevokedSessions(TimeProvider.System);
        var live = WithSession(Guid.NewGuid());
        var asked = sessions.RefusesAsync(live, CancellationToken.None);
        Assert.False(asked.IsCompleted);
        sessions.MarkLoaded();
        Assert.False(await asked);
    }

    [Fact]
    public async Task A_request_that_stops_waiting_before_the_first_read_is_refused()
    {
        var sessions = new RevokedSessions(TimeProvider.System);
        Assert.True(await sessions.RefusesAsync(WithSession(Guid.NewGuid()), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Forgets_a_session_once_its_last_token_has_expired()
    {
        var clock = new Clock { Now = DateTimeOffset.UtcNow };
        var sessions = new RevokedSessions(clock);
        var ended = Guid.NewGuid();
        sessions.Add([new RevokedSession(ended, clock.GetUtcNow().UtcDateTime.AddMinutes(16))]);
        sessions.MarkLoaded();
        clock.Now += TimeSpan.FromMinutes(17);
        sessions.Add([]);
        Assert.False(sessions.Refuses(WithSession(ended)));
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
