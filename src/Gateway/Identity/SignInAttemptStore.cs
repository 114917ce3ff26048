using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.Gateway.Identity;

/// <summary>The counts <see cref="SignInThrottle"/> decides on, kept in sign_in_attempts (address '' = the account).</summary>
public static class SignInAttemptStore
{
    private const string Account = "";

    /// <summary>
    /// Counts an attempt before its password is checked; false when the limits refuse it unchecked. Both rows are
    /// held (FOR UPDATE, the account's first) until the count is written, so concurrent attempts take turns.
    /// </summary>
    public static async Task<bool> BeginAsync(
        NpgsqlConnection connection, string userName, string address, CancellationToken cancellationToken)
    {
        await RemoveStaleAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var key = new { userName = Key(userName), address, Account };
        await transaction.WriteAsync("""
            INSERT INTO sign_in_attempts (user_name, address)
            VALUES (@userName, @Account), (@userName, @address)
            ON CONFLICT (user_name, address) DO NOTHING
            """, key, cancellationToken);
        var rows = (await transaction.ListAsync<(string Address, int Failures, DateTime? LockedUntil, bool Trusted)>("""
            SELECT address, failures, locked_until, trusted
            FROM sign_in_attempts
            WHERE user_name = @userName AND address IN (@Account, @address)
            ORDER BY address
            FOR UPDATE
            """, key, cancellationToken))
            .ToDictionary(row => row.Address, row => new AttemptCount(row.Failures, row.LockedUntil, row.Trusted));
        var decision = SignInThrottle.Attempt(rows[address], rows[Account], DateTime.UtcNow);
        await WriteAsync(connection, transaction, userName, address, decision.Address, cancellationToken);
        await WriteAsync(connection, transaction, userName, Account, decision.Account, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return decision.Check;
    }

    /// <summary>
    /// Bounds the table, which every made-up user name adds to: removes up to 100 counts that went quiet for the lock
    /// time and hold no lock, skipping rows an attempt holds. A count of failures thus lapses after 15 quiet minutes, as
    /// a lock does; trusted addresses, one per user and address signed in from, stay.
    /// </summary>
    private static Task RemoveStaleAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            DELETE FROM sign_in_attempts
            WHERE ctid IN (
                SELECT ctid
                FROM sign_in_attempts
                WHERE NOT trusted AND updated_at < clock_timestamp() - @Quiet AND (locked_until IS NULL OR locked_until < clock_timestamp())
                LIMIT 100
                FOR UPDATE SKIP LOCKED)
            """, new { Quiet = SignInThrottle.LockTime }, cancellationToken);

    public static async Task SucceededAsync(
        NpgsqlConnection connection, string userName, string address, CancellationToken cancellationToken)
    {
        var (fromAddress, account) = SignInThrottle.Succeeded();
        await WriteAsync(connection, null, userName, address, fromAddress, cancellationToken);
        await WriteAsync(connection, null, userName, Account, account, cancellationToken);
    }

    /// <summary>Lifts every lock of a user, as a new password set by an administrator does.</summary>
    public static Task ClearAsync(NpgsqlConnection connection, string userName, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            UPDATE sign_in_attempts
            SET failures = 0, locked_until = NULL, updated_at = clock_timestamp()
            WHERE user_name = @userName
            """, new { userName = Key(userName) }, cancellationToken);

    private static Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string userName, string address,
        AttemptCount count, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            UPDATE sign_in_attempts
            SET failures = @Failures, locked_until = @LockedUntil, trusted = @Trusted, updated_at = clock_timestamp()
            WHERE user_name = @userName AND address = @address
            """, new { userName = Key(userName), address, count.Failures, count.LockedUntil, count.Trusted }, cancellationToken);

    // Names differing only in case are one name, so that changing case buys no further guesses.
    private static string Key(string userName) => userName.ToLowerInvariant();
}
