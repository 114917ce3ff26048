using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.BuildingBlocks.Security;

/// <summary>The access tokens of the suite's own issuer: who (sub, name), their roles, their district scope and session (sid).</summary>
public static class AccessTokens
{
    private static readonly JsonWebTokenHandler Handler = new();

    public static string Create(AuthSettings settings, Guid userId, string userName, string displayName, IEnumerable<string> roles,
        string districtCode, TimeSpan lifetime, string? audience = null, DateTime? now = null, Guid? sessionId = null)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, userId.ToString()),
            new("name", userName),
            new("display_name", displayName),
            new(DistrictScope.ClaimType, districtCode),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        if (sessionId is { } sid)
            claims.Add(new Claim(RevokedSessions.ClaimType, sid.ToString()));
        var issuedAt = now ?? DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = audience ?? settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.Add(lifetime),
            SigningCredentials = new SigningCredentials(settings.Key(), SecurityAlgorithms.HmacSha256),
        });
    }
}
