using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// Relays committed outbox rows to RabbitMQ. Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances
/// share the work; each is published with MessageId = row id and marked sent only after the broker confirms.
/// A crash between the two republishes the row, which the consumers' inbox then ignores.
/// </summary>
public sealed class OutboxDispatcher(ScopedDataSources dataSources, IBus bus, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Rows claimed and published at once; their confirms are awaited together (docs/benchmarks.md, event throughput).</summary>
    public const int BatchSize = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The source of the spans that carry each event's publication on in the trace that wrote it.</summary>
    public static readonly ActivitySource Tracing = new("Platform.Outbox");

    private sealed record Pending(Guid Id, string MessageType, string Payload, int Attempts, string? TraceParent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchWhileListeningAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Outbox dispatcher lost its database connection; retrying");
                await Task.Delay(PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Dispatches whenever a commit NOTIFYs the outbox channel, and at least every poll interval. Notifications that
    /// arrive while a batch is being sent collapse into one wake-up, so a burst of commits costs a few batches,
    /// not one query each.
    /// </summary>
    private async Task DispatchWhileListeningAsync(CancellationToken stoppingToken)
    {
        using var wake = new SemaphoreSlim(0, 1);
        await using var listener = await dataSources.System.OpenConnectionAsync(stoppingToken);
        listener.Notification += (_, _) =>
        {
            if (wake.CurrentCount == 0)
                try { wake.Release(); } catch (SemaphoreFullException) { /* already signalled */ }
        };
        await listener.ExecuteAsync($"LISTEN {Outbox.Channel}");
        using var stopListening = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var listening = ListenAsync(listener, stopListening.Token);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = await DispatchBatchAsync(stoppingToken);
                if (claimed == BatchSize)
                    continue;
                var woken = wake.WaitAsync(PollInterval, stoppingToken);
                if (await Task.WhenAny(woken, listening) == listening)
                    await listening; // the listening connection failed: rethrow, reconnect
            }
        }
        finally
        {
            await stopListening.CancelAsync();
            await listening.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task ListenAsync(NpgsqlConnection listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
            await listener.WaitAsync(cancellationToken);
    }

    /// <returns>How many rows were claimed, sent or not.</returns>
    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.System.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = (await transaction.ListAsync<Pending>("""
            SELECT id, message_type AS MessageType, payload::text AS Payload, attempts, trace_parent AS TraceParent
            FROM outbox_messages
            WHERE sent_at IS NULL AND next_attempt_at <= clock_timestamp()
            ORDER BY created_at, id
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED
            """, new { BatchSize }, cancellationToken)).ToList();
        if (batch.Count == 0)
            return 0;

        var results = await Task.WhenAll(batch.Select(row => PublishAsync(row, cancellationToken)));

        var sent = batch.Where((_, i) => results[i] is null).Select(row => row.Id).ToArray();
        await transaction.WriteAsync("""
            UPDATE outbox_messages
            SET sent_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
            WHERE id = ANY(@sent)
            """, new { sent }, cancellationToken);
        foreach (var (row, error) in batch.Zip(results).Where(pair => pair.Second is not null))
        {
            var attempts = row.Attempts + 1;
            await transaction.WriteAsync("""
                UPDATE outbox_messages
                SET attempts = @attempts, last_error = @error, next_attempt_at = clock_timestamp() + @delay
                WHERE id = @Id
                """,
                new { row.Id, attempts, error, delay = Backoff.AfterAttempt(attempts) }, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        if (sent.Length < batch.Count)
            logger.LogWarning("Outbox: {Failed} of {Count} message(s) could not be published and will be retried",
                batch.Count - sent.Length, batch.Count);
        return batch.Count;
    }

    /// <returns>null when the broker confirmed the message, otherwise the reason it was not sent.</returns>
    private async Task<string?> PublishAsync(Pending row, CancellationToken cancellationToken)
    {
        try
        {
            // MassTransit's publish span, and through its headers each consumer's, become children of this one.
            using var activity = Tracing.StartActivity($"outbox {row.MessageType}", ActivityKind.Producer, row.TraceParent);
            var type = MessageTypes.Resolve(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Payload, type, Outbox.Json)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PublishTimeout);
            // A publish caught by a broker restart can wait on its confirmation forever, deaf to the token
            // (MassTransit 8.4.0): stop waiting after the timeout so one lost confirm never stalls the outbox. The row
            // is retried; if the abandoned publish went out after all, the consumers' inbox drops the copy.
            await bus.Publish(message, type, context => context.MessageId = row.Id, timeout.Token)
                .WaitAsync(PublishTimeout, cancellationToken);
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }
}
