using Npgsql;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// The service's database as its caller may see it: handlers and consumers take this, resolved per request or
/// message, and every connection it opens carries the caller's district scope (<see cref="ScopedDataSources"/>).
/// </summary>
public sealed class Database(NpgsqlDataSource source)
{
    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        source.OpenConnectionAsync(cancellationToken);

    /// <summary>A connection whose changes the audit trail records under the signed-in user (<see cref="Audit"/>).</summary>
    public Task<NpgsqlConnection> OpenAuditedAsync(CancellationToken cancellationToken) => source.OpenAuditedAsync(cancellationToken);
}
