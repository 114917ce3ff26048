namespace Platform.Contracts;

// What the gateway answers over HTTP that the UI reads too: signing in, and the users it keeps.

/// <summary>
/// A bearer access token for every API call, the refresh token that buys the next one, and their session. With
/// <paramref name="MustChangePassword"/> the password was an administrator's: the token carries no role, and only
/// <c>POST /api/auth/password</c> is of use.
/// </summary>
public sealed record SignedIn(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, Guid SessionId, UserView User,
    bool MustChangePassword);

/// <summary>A user as the admin sees it: never the password hash. (Init properties: Dapper binds text[] only to them.)</summary>
public sealed record UserView
{
    public Guid Id { get; init; }
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string[] Roles { get; init; } = [];
    public string DistrictCode { get; init; } = "";
    public bool Active { get; init; }
    public DateTime? LockedUntil { get; init; }
    /// <summary>The password was set by an administrator: signing in with it grants no role until the user sets their own.</summary>
    public bool MustChangePassword { get; init; }
}
