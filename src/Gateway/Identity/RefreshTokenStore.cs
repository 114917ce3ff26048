using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.Gateway.Identity;

/// <summary>The user and session a refresh token was issued to.</summary>
public sealed record RefreshTokenOwner(Guid UserId, Guid SessionId);

/// <summary>Refresh tokens, stored only as their SHA-256; each belongs to a session and works once.</summary>
public static class RefreshTokenStore
{
    public static Task AddAsync(NpgsqlConnection connection, string hash, Guid userId, Guid sessionId, TimeSpan lifetime,
        CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            INSERT INTO refresh_tokens (token_hash, user_id, session_id, expires_at)
            VALUES (@hash, @userId, @sessionId, clock_timestamp() + @lifetime)
            """, new { hash, userId, sessionId, lifetime }, cancellationToken);

    /// <summary>
    /// Takes a refresh token: the UPDATE revokes it, so a second use (a stolen copy) finds nothing. Null unless it
    /// was live and its session too.
    /// </summary>
    public static Task<RefreshTokenOwner?> TakeAsync(NpgsqlConnection connection, string hash, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync<RefreshTokenOwner>("""
            UPDATE refresh_tokens t
            SET revoked_at = clock_timestamp()
            FROM sessions s
            WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND t.expires_at > clock_timestamp()
              AND s.id = t.session_id AND s.revoked_at IS NULL
            RETURNING t.user_id AS UserId, t.session_id AS SessionId
            """, new { hash }, cancellationToken);

    /// <summary>The session a refresh token belongs to, used or not.</summary>
    public static Task<Guid?> SessionOfAsync(NpgsqlConnection connection, string hash, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync<Guid?>("""
            SELECT session_id
            FROM refresh_tokens
            WHERE token_hash = @hash
            """, new { hash }, cancellationToken);
}
