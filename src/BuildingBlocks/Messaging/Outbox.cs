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

    /// <summary>Writes <paramref name="message"/> as the event of its own type (a contract of Platform.Contracts).</summary>
    /// <returns>The id of the outbox row, which the dispatcher uses as the message id.</returns>
    public static async Task<Guid> EnqueueAsync(
        this NpgsqlTransaction transaction, object message, CancellationToken cancellationToken = default)
    {
        var id = Guid.CreateVersion7();
        await transaction.WriteAsync($"""
            INSERT INTO outbox_messages (id, message_type, payload, trace_parent)
            VALUES (@id, @type, @payload::jsonb, @trace);
            SELECT pg_notify('{Channel}', '');
            """,
            new
            {
                id, type = MessageTypes.NameOf(message.GetType()), payload = JsonSerializer.Serialize(message, message.GetType(), Json),
                trace = Activity.Current?.Id,
            }, cancellationToken);
        return id;
    }
}
