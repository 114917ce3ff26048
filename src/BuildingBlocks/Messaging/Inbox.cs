using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.BuildingBlocks.Messaging;

public static class Inbox
{
    /// <summary>
    /// Records that <paramref name="consumer"/> applies <paramref name="messageId"/>, inside the consumer's own
    /// transaction. Returns false when it was applied before (a redelivery or a republished outbox row).
    /// A concurrent duplicate waits on the primary key until the first commits, then gets false.
    /// </summary>
    public static async Task<bool> TryAcceptAsync(
        this NpgsqlTransaction transaction, Guid messageId, string consumer, CancellationToken cancellationToken = default)
    {
        var inserted = await transaction.WriteAsync("""
            INSERT INTO inbox_messages (message_id, consumer)
            VALUES (@messageId, @consumer)
            ON CONFLICT DO NOTHING
            """, new { messageId, consumer }, cancellationToken);
        return inserted == 1;
    }
}
