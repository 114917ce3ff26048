using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// Writes events into outbox_messages inside the caller's transaction, so an event exists exactly when the
/// change it describes was committed. OutboxDispatcher relays them to the broker afterwards.
/// </summary>
public static class Outbox
{
    /// <summary>The PostgreSQL channel that wakes the dispatcher; NOTIFY is delivered only when the transaction commits.</summary>
    internal const string Channel = "outbox";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The id of the outbox row, which the dispatcher uses as the message id.</returns>
    public static async Task<Guid> EnqueueAsync<TMessage>(
        this NpgsqlTransaction transaction, TMessage message, CancellationToken cancellationToken = default)
        where TMessage : class
    {
        var id = Guid.CreateVersion7();
        await transaction.WriteAsync($"""
            INSERT INTO outbox_messages (id, message_type, payload, trace_parent)
            VALUES (@id, @type, @payload::jsonb, @trace);
            SELECT pg_notify('{Channel}', '');
            """,
            new
            {
                id, type = MessageTypes.NameOf(typeof(TMessage)), payload = JsonSerializer.Serialize(message, Json),
                trace = Activity.Current?.Id,
            }, cancellationToken);
        return id;
    }
}
