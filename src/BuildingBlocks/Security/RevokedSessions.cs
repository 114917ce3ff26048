using System.Collections.Concurrent;
using System.Security.Claims;

namespace Platform.BuildingBlocks.Security;

/// <summary>A session that has ended; its access tokens are refused until <see cref="Until"/>, when the last has expired.</summary>
public sealed record RevokedSession(Guid Sid, DateTime Until);

/// <summary>The sessions that ended since the time asked for, as the gateway's clock saw it when asked (<see cref="At"/>).</summary>
public sealed record RevocationPage(DateTime At, IReadOnlyList<RevokedSession> Sessions);

/// <summary>
/// The ended sessions whose access tokens could still be presented, kept in memory by every host (docs/security.md,
/// "Sessions"). A token of the suite's issuer names its session (sid); until the list has been loaded once, such
/// tokens are refused, so a host that starts while the gateway is away does not take revoked tokens.
/// </summary>
public sealed class RevokedSessions(TimeProvider clock)
{
    public const string ClaimType = "sid";

    private readonly ConcurrentDictionary<Guid, DateTime> revoked = new();

    /// <summary>A request that comes while the list is read for the first time waits this long for it, not refused.</summary>
    public static readonly TimeSpan FirstLoadWait = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsLoaded => loaded.Task.IsCompleted;

    public void Add(IEnumerable<RevokedSession> sessions)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var session in sessions)
            revoked[session.Sid] = session.Until;
        foreach (var (sid, until) in revoked)
            if (until <= now)
                revoked.TryRemove(sid, out _);
    }

    public void MarkLoaded() => loaded.TrySetResult();

    /// <summary>
    /// <see cref="Refuses"/>, after waiting up to <see cref="FirstLoadWait"/> for the first read: a host that has just
    /// started (or the gateway that has just come up) does not turn away the first requests of users signed in.
    /// </summary>
    public async Task<bool> RefusesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!IsLoaded && user.FindFirst(ClaimType) is not null)
            await Task.WhenAny(loaded.Task, Task.Delay(FirstLoadWait, cancellationToken));
        return Refuses(user);
    }

    /// <summary>Whether a user's token or session must be refused: its session ended, or is not yet known not to have.</summary>
    public bool Refuses(ClaimsPrincipal user) =>
        user.FindFirst(ClaimType)?.Value is { } value && (!IsLoaded || !Guid.TryParse(value, out var sid) || revoked.ContainsKey(sid));
}
