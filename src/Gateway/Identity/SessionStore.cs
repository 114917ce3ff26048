using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Security;

namespace Platform.Gateway.Identity;

/// <summary>
/// Sessions: one per sign-in, named in its access tokens (sid) and owning its refresh tokens. Revoking a session ends
/// both: the gateway stops refreshing it at once, and every host refuses its access tokens once it has read the
/// revocation (<see cref="RevocationPoller"/>, about a second).
/// </summary>
public sealed class SessionStore(TokenIssuer issuer)
{
    // How long a revoked session is listed: as long as one of its access tokens could still be valid.
    private TimeSpan Listed => issuer.AccessTokenLifetime + TimeSpan.FromMinutes(1);

    /// <summary>
    /// A new session, if the user is still active with the password just checked. The user's row is held (FOR SHARE)
    /// meanwhile, so a deactivation or a new password either comes first (no session) or waits and revokes it.
    /// </summary>
    public static async Task<Guid?> StartAsync(
        NpgsqlConnection connection, Guid userId, string passwordHash, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await transaction.SingleOrDefaultAsync<bool>("""
            SELECT true
            FROM users
            WHERE id = @userId AND active AND password_hash = @passwordHash
            FOR SHARE
            """, new { userId, passwordHash }, cancellationToken);
        if (!current)
            return null;
        var sid = Guid.CreateVersion7();
        await transaction.WriteAsync("""
            INSERT INTO sessions (id, user_id)
            VALUES (@sid, @userId)
            """, new { sid, userId }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sid;
    }

    /// <summary>Ends one session (sign-out) and its refresh tokens.</summary>
    public Task<RevokedSession[]> RevokeAsync(NpgsqlConnection connection, Guid sid, CancellationToken cancellationToken) =>
        RevokeWhereAsync(connection, null, "id = @sid", new { sid }, cancellationToken);

    /// <summary>Ends every session of a user: a new password, deactivation, other roles or scope.</summary>
    public Task<RevokedSession[]> RevokeAllAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid userId,
        CancellationToken cancellationToken) =>
        RevokeWhereAsync(connection, transaction, "user_id = @userId", new { userId }, cancellationToken);

    /// <summary>
    /// The sessions revoked since <paramref name="since"/> (all still listed when null), with the database's time of asking.
    /// </summary>
    public async Task<RevocationPage> RevokedSinceAsync(NpgsqlConnection connection, DateTime? since, CancellationToken cancellationToken)
    {
        await using var reader = await connection.MultipleAsync("""
            SELECT clock_timestamp();
            SELECT id AS Sid, revoked_at + @Listed AS Until
            FROM sessions
            WHERE revoked_at >= coalesce(@since, clock_timestamp() - @Listed)
            """, new { since, Listed }, cancellationToken);
        var at = await reader.ReadSingleAsync<DateTime>();
        return new RevocationPage(at, (await reader.ReadAsync<RevokedSession>()).ToList());
    }

    private async Task<RevokedSession[]> RevokeWhereAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string where,
        object parameters, CancellationToken cancellationToken)
    {
        var arguments = new DynamicParameters(parameters);
        arguments.Add("Listed", Listed);
        return (await connection.ListAsync<RevokedSession>($"""
            WITH ended AS (
                UPDATE sessions
                SET revoked_at = clock_timestamp()
                WHERE {where} AND revoked_at IS NULL
                RETURNING id, revoked_at),
            refresh AS (
                UPDATE refresh_tokens
                SET revoked_at = clock_timestamp()
                WHERE session_id IN (SELECT id FROM ended) AND revoked_at IS NULL)
            SELECT id AS Sid, revoked_at + @Listed AS Until
            FROM ended
            """, arguments, cancellationToken)).ToArray();
    }
}
