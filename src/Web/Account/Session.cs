using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;
using Platform.Web.Api;

namespace Platform.Web.Account;

/// <summary>
/// The user's session: signing in at the gateway keeps its access and refresh tokens in the encrypted session cookie;
/// a token about to expire is refreshed as a request arrives; signing out ends the gateway's session. A session the
/// gateway ended (sign-out elsewhere, a new password, deactivation) ends here at the next request
/// (<see cref="RevokedSessions"/>, about a second).
/// </summary>
public sealed class Session(IHttpClientFactory http, RevokedSessions revoked, ProblemText problems)
{
    public const string Gateway = "gateway";
    // Well ahead of expiry: an interactive part's circuit keeps the tokens of the page load that opened it (ADR 0012).
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(10);

    /// <returns>
    /// No problem when signed in, otherwise why not, in the gateway's words; MustChangePassword when the password was set
    /// by an administrator, so that the user has no role until they have set their own.
    /// </returns>
    public async Task<(string? Problem, bool MustChangePassword)> SignInAsync(HttpContext context, string userName, string password)
    {
        // The gateway counts failures per user and address: it trusts this forwarded address from the UI only.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in")
        {
            Content = JsonContent.Create(new { userName, password }),
        };
        if (context.Connection.RemoteIpAddress is { } address)
            request.Headers.Add("X-Forwarded-For", address.ToString());
        using var response = await http.CreateClient(Gateway).SendAsync(request, context.RequestAborted);
        if (!response.IsSuccessStatusCode)
            return (await problems.ReadAsync(response, context.RequestAborted), false);
        var signedIn = (await response.Content.ReadFromJsonAsync<SignedIn>(context.RequestAborted))!;
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(signedIn),
            Store(new AuthenticationProperties(), signedIn));
        return (null, signedIn.MustChangePassword);
    }

    /// <returns>
    /// null when changed (every session of the user has then ended, this one too), otherwise the gateway's problems by
    /// field.
    /// </returns>
    public async Task<Dictionary<string, string[]>?> ChangePasswordAsync(HttpContext context, string currentPassword, string newPassword)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/password")
        {
            Content = JsonContent.Create(new { currentPassword, newPassword }),
        };
        request.Headers.Authorization = new("Bearer", await context.GetTokenAsync("access_token"));
        if (context.Connection.RemoteIpAddress is { } address)
            request.Headers.Add("X-Forwarded-For", address.ToString());
        using var response = await http.CreateClient(Gateway).SendAsync(request, context.RequestAborted);
        if (response.IsSuccessStatusCode)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return null;
        }
        return await problems.ErrorsAsync(response, context.RequestAborted);
    }

    public async Task SignOutAsync(HttpContext context)
    {
        if (await context.GetTokenAsync("refresh_token") is { } refreshToken)
            using (await http.CreateClient(Gateway).PostAsJsonAsync("/api/auth/sign-out", new { refreshToken }, context.RequestAborted)) { }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Refreshes the tokens once the access token has less than two minutes to live. If the refresh fails while the
    /// access token still works (another request refreshed first), the session goes on; once it has expired, it ends.
    /// </summary>
    public async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        if (await revoked.RefusesAsync(context.Principal!, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        var expiresAt = DateTimeOffset.TryParse(context.Properties.GetTokenValue("expires_at"), out var at) ? at : DateTimeOffset.MinValue;
        if (expiresAt - DateTimeOffset.UtcNow > RefreshAhead)
            return;
        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        using var response = refreshToken is null ? null
            : await http.CreateClient(Gateway).PostAsJsonAsync(
                "/api/auth/refresh", new { refreshToken }, context.HttpContext.RequestAborted);
        if (response is { IsSuccessStatusCode: true })
        {
            var signedIn = (await response.Content.ReadFromJsonAsync<SignedIn>(context.HttpContext.RequestAborted))!;
            context.ReplacePrincipal(Principal(signedIn));
            Store(context.Properties, signedIn);
            context.ShouldRenew = true;
        }
        else if (expiresAt <= DateTimeOffset.UtcNow)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static ClaimsPrincipal Principal(SignedIn signedIn) => new(new ClaimsIdentity(
        [
            new Claim("name", signedIn.User.UserName), new Claim("display_name", signedIn.User.DisplayName),
            new Claim("district", signedIn.User.DistrictCode), new Claim(RevokedSessions.ClaimType, signedIn.SessionId.ToString()),
            .. signedIn.User.Roles.Select(role => new Claim("role", role)),
        ], CookieAuthenticationDefaults.AuthenticationScheme, "name", "role"));

    private static AuthenticationProperties Store(AuthenticationProperties properties, SignedIn signedIn)
    {
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = signedIn.AccessToken },
            new AuthenticationToken { Name = "refresh_token", Value = signedIn.RefreshToken },
            new AuthenticationToken { Name = "expires_at", Value = DateTimeOffset.UtcNow.AddSeconds(signedIn.ExpiresIn).ToString("o") },
        ]);
        return properties;
    }
}
