using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Platform.BuildingBlocks.Security;

namespace Platform.Web.Account;

/// <summary>The signed-in user as the session cookie holds them: their access token, when it expires, their address.</summary>
public sealed record Credentials(ClaimsPrincipal User, string AccessToken, DateTimeOffset ExpiresAt, IPAddress? Address)
{
    /// <summary>The request's session, as the cookie handler validated (and perhaps refreshed) it; null when signed out.</summary>
    public static async Task<Credentials?> ReadAsync(HttpContext context)
    {
        var session = await context.AuthenticateAsync();
        if (!session.Succeeded || session.Properties.GetTokenValue("access_token") is not { } token)
            return null;
        var expiresAt = DateTimeOffset.TryParse(session.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture,
            DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.MinValue;
        return new Credentials(session.Principal, token, expiresAt, context.Connection.RemoteIpAddress);
    }
}

/// <summary>
/// Whom the services are called as, for this request or this interactive circuit. A request reads the session cookie.
/// A circuit has no request of its own: <see cref="CircuitCaller"/> hands it the credentials of the connection that
/// opened it (the same cookie), and they serve only while the session is neither revoked nor expired. Then the page
/// is loaded again, so that the cookie decides: refreshed tokens, or the sign-in page.
/// </summary>
public sealed class Caller(IHttpContextAccessor accessor, RevokedSessions revoked, TimeProvider clock, NavigationManager navigation)
{
    private Credentials? circuitCredentials;
    private bool heldCredentials;
    private bool reloading;

    public bool InCircuit { get; private set; }

    /// <summary>
    /// The credentials of the circuit's connection; at a reconnection, the cookie's again, unless another session has
    /// taken the browser meanwhile: the circuit holds the first user's page, so it calls as nobody and loads again.
    /// </summary>
    public void EnterCircuit(Credentials? credentials)
    {
        var switched = InCircuit && SessionOf(circuitCredentials) != SessionOf(credentials);
        (InCircuit, circuitCredentials) = (true, switched ? null : credentials);
        heldCredentials |= credentials is not null;
    }

    private static string? SessionOf(Credentials? credentials) => credentials?.User.FindFirst(RevokedSessions.ClaimType)?.Value;

    /// <returns>The credentials to call with, or null when there are none or they no longer serve.</returns>
    public async Task<Credentials?> CurrentAsync()
    {
        if (!InCircuit)
            return accessor.HttpContext is { } request ? await Credentials.ReadAsync(request) : null;
        return circuitCredentials is { } held && held.ExpiresAt > clock.GetUtcNow() && !revoked.Refuses(held.User) ? held : null;
    }

    /// <summary>
    /// A service refused the user's token, or there was none to send: inside a circuit, the page loads again, once. A
    /// circuit that never received credentials (a transport that carries no cookie) would only load again and again:
    /// it shows the refusal instead.
    /// </summary>
    public void Refused()
    {
        if (InCircuit && heldCredentials && !reloading)
        {
            reloading = true;
            navigation.Refresh(forceReload: true);
        }
    }
}
