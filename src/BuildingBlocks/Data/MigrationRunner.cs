using Dapper;
using Npgsql;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// Applies migrations not yet recorded in schema_migrations, each in its own transaction, while holding a
/// PostgreSQL advisory lock so that two instances starting together never apply the same script twice.
/// </summary>
public static class MigrationRunner
{
    // Any fixed number works; it only has to be the same for every instance of every service.
    private const long AdvisoryLockKey = 7_310_422_019;

    public static async Task<IReadOnlyList<string>> ApplyAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.WriteAsync("""
            SELECT pg_advisory_lock(@AdvisoryLockKey)
            """, new { AdvisoryLockKey }, cancellationToken);
        try
        {
            await connection.WriteAsync("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id         text        PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT clock_timestamp())
                """, null, cancellationToken);
            var applied = (await connection.ListAsync<string>("""
                SELECT id
                FROM schema_migrations
                """, null, cancellationToken)).ToHashSet();

            var newlyApplied = new List<string>();
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await transaction.WriteAsync(migration.Sql, null, cancellationToken);
                await transaction.WriteAsync("""
                    INSERT INTO schema_migrations (id)
                    VALUES (@Id)
                    """, new { migration.Id }, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                newlyApplied.Add(migration.Id);
            }
            return newlyApplied;
        }
        finally
        {
            await connection.ExecuteAsync("""
                SELECT pg_advisory_unlock(@AdvisoryLockKey)
                """, new { AdvisoryLockKey });
        }
    }
}
