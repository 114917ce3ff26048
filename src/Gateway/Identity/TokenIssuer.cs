using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Platform.BuildingBlocks.Security;

namespace Platform.Gateway.Identity;

/// <summary>
/// The suite's own token issuer: short-lived access tokens (Auth:AccessTokenMinutes, 15 by default) signed with
/// Auth:SigningKey, which every service checks; and refresh tokens (Auth:RefreshTokenHours, 12), random and opaque,
/// kept only as a hash.
/// </summary>
public sealed class TokenIssuer(IConfiguration configuration)
{
    private readonly AuthSettings settings = AuthSettings.From(configuration);

    public TimeSpan AccessTokenLifetime { get; } = TimeSpan.FromMinutes(configuration.GetValue("Auth:AccessTokenMinutes", 15));
    public TimeSpan RefreshTokenLifetime { get; } = TimeSpan.FromHours(configuration.GetValue("Auth:RefreshTokenHours", 12));

    public string AccessToken(UserAccount user, Guid sessionId) => AccessTokens.Create(settings, user.Id, user.UserName, user.DisplayName,
        user.GrantedRoles, user.DistrictCode, AccessTokenLifetime, sessionId: sessionId);

    /// <summary>A new refresh token and the hash under which it is stored.</summary>
    public static (string Token, string Hash) RefreshToken()
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (token, HashOf(token));
    }

    public static string HashOf(string refreshToken) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken)));
}
