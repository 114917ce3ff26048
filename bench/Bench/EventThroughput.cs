using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;
using Platform.SuiteHost;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.Bench;

/// <summary>
/// Sustained events per second through the suite's pipeline (Planning's outbox, its dispatcher, RabbitMQ, and the
/// inboxes of Workforce and Facilities), against a raw RabbitMQ.Client loop on the same broker in the same run: the
/// same number of messages of the event's size, persistent, confirmed by the broker, fanned out to two queues and
/// acknowledged one by one by two consumers.
/// </summary>
public static class EventThroughput
{
    private const int Prefetch = 16;
    // as the dispatcher: a batch published at once, then all its confirms awaited
    private const int ConfirmWindow = OutboxDispatcher.BatchSize;

    public static async Task<Section> RunAsync(int events)
    {
        await using var app = await BenchSuite.StartAsync();
        var planning = app.ServiceConnectionString("planningdb");
        string[] consumers = ["workforcedb", "facilitiesdb"];

        await PipelineAsync(app, planning, consumers, 500); // warm-up: JIT, connections and channels on every hop
        var pipeline = await PipelineAsync(app, planning, consumers, events);
        var payload = JsonSerializer.SerializeToUtf8Bytes(Event(0));
        var raw = await RawLoopAsync(app.Broker.ConnectionString, events, payload);

        var slowest = pipeline.Applied.Values.Max();
        string Rate(double seconds) => $"{events / seconds:0} /s ({seconds:0.00} s)";
        var limit = slowest < pipeline.Dispatched * 1.15
            ? "The consumers kept pace with the dispatcher (the last event was applied soon after the last was sent), " +
              "so the dispatcher set the rate: " +
              "per event it reads the row, deserialises the event, has MassTransit wrap, serialise and publish it " +
              "and waits for the broker's confirm, then marks the row sent."
            : "The consumers fell behind the dispatcher, so they set the rate: each event is a MassTransit delivery " +
              "and a database transaction (the inbox row and the read model) in each consumer.";
        return new Section("Event throughput", $"""
            `bench/Bench event-throughput --events {events}`: {events:N0} `SchoolRegistered` events written into Planning's outbox
            in one transaction (with the services' own `Outbox.EnqueueAsync`), after a warm-up of 500. From the commit, the
            outbox dispatcher publishes them (batches of {OutboxDispatcher.BatchSize}, each message confirmed by the broker
            before its row is marked sent), RabbitMQ fans each out to Workforce's and Facilities' queues, and each service
            applies it once through its inbox (the read model of schools and the inbox row in one transaction).
            Throughput = events / time from the commit to the last event applied (PostgreSQL's clock).

            The raw loop, on the same broker in the same run, is what the pipeline cannot beat: RabbitMQ.Client 7.1 publishes
            {events:N0} persistent messages of the event's size ({payload.Length} bytes) to a fanout exchange with two durable
            queues, {ConfirmWindow} in flight at a time with publisher confirms, and two consumers (prefetch {Prefetch}) acknowledge
            each; no database. Throughput = messages / time from the first publish to the last acknowledgement.

            {Section.Table(["path", "dispatched (outbox to broker)", "applied by Workforce", "applied by Facilities", "ratio to raw"], [
                [
                    "outbox → RabbitMQ → inbox", Rate(pipeline.Dispatched), Rate(pipeline.Applied["workforcedb"]),
                    Rate(pipeline.Applied["facilitiesdb"]), $"**{raw / slowest * 100:0}%**"
                ],
                ["raw RabbitMQ.Client loop", "", Rate(raw), Rate(raw), "100%"]])}
            {limit} What the raw loop does not do is what makes an event safe: written in the same transaction as the change
            it describes, sent again after any failure, and applied exactly once.
            """);
    }

    private static SchoolRegistered Event(int n) => new(
        Guid.CreateVersion7(), 1, $"吞吐测试学校{n}", "120116", Guid.Empty, "public", "open", null,
        [new SchoolStageCapacity("primary", 45, 12, 540)]);

    private sealed record PipelineRun(double Dispatched, Dictionary<string, double> Applied);

    /// <returns>Seconds from the commit to the last row sent, and to the last event applied in each consumer.</returns>
    private static async Task<PipelineRun> PipelineAsync(ThrowawaySuite app, string planning, string[] consumers, int events)
    {
        await using var connection = new NpgsqlConnection(planning);
        await connection.OpenAsync();
        var ids = new Guid[events];
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            for (var i = 0; i < events; i++)
                ids[i] = await transaction.EnqueueAsync(Event(i));
            await transaction.CommitAsync();
        }
        var committed = await connection.ExecuteScalarAsync<DateTime>("SELECT clock_timestamp()");

        var applied = new Dictionary<string, double>();
        foreach (var consumer in consumers)
        {
            await using var inbox = new NpgsqlConnection(app.ServiceConnectionString(consumer));
            var deadline = Stopwatch.StartNew();
            while (await inbox.ExecuteScalarAsync<int>(
                       "SELECT count(*)::int FROM inbox_messages WHERE message_id = ANY(@ids)", new { ids }) < events)
            {
                if (deadline.Elapsed > TimeSpan.FromMinutes(5))
                    throw new TimeoutException($"{consumer} did not apply all {events} events within 5 minutes.");
                await Task.Delay(50);
            }
            var last = await inbox.ExecuteScalarAsync<DateTime>(
                "SELECT max(processed_at) FROM inbox_messages WHERE message_id = ANY(@ids)", new { ids });
            applied[consumer] = (last - committed).TotalSeconds;
        }
        var sent = await connection.ExecuteScalarAsync<DateTime>(
            "SELECT max(sent_at) FROM outbox_messages WHERE id = ANY(@ids)", new { ids });
        return new PipelineRun((sent - committed).TotalSeconds, applied);
    }

    /// <returns>Seconds from the first publish to the last acknowledgement on both queues.</returns>
    private static async Task<double> RawLoopAsync(string amqp, int messages, byte[] payload)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqp) };
        await using var connection = await factory.CreateConnectionAsync("bench-raw-loop");
        await using var setup = await connection.CreateChannelAsync();
        await setup.ExchangeDeclareAsync("bench-raw", ExchangeType.Fanout, durable: true);
        string[] queues = ["bench-raw-a", "bench-raw-b"];
        var done = new List<Task>();
        var channels = new List<IChannel>();
        foreach (var queue in queues)
        {
            await setup.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            await setup.QueuePurgeAsync(queue);
            await setup.QueueBindAsync(queue, "bench-raw", "");
            var channel = await connection.CreateChannelAsync();
            channels.Add(channel);
            await channel.BasicQosAsync(0, Prefetch, false);
            var received = 0;
            var all = new TaskCompletionSource();
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                if (++received == messages)
                    all.TrySetResult();
            };
            await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
            done.Add(all.Task);
        }

        await using var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var clock = Stopwatch.StartNew();
        for (var sent = 0; sent < messages; sent += ConfirmWindow)
            await Task.WhenAll(Enumerable.Range(0, Math.Min(ConfirmWindow, messages - sent))
                .Select(_ => publisher.BasicPublishAsync("bench-raw", "", mandatory: false, properties, payload).AsTask()));
        await Task.WhenAll(done).WaitAsync(TimeSpan.FromMinutes(5));
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var channel in channels)
            await channel.DisposeAsync();
        foreach (var queue in queues)
            await setup.QueueDeleteAsync(queue);
        await setup.ExchangeDeleteAsync("bench-raw");
        return seconds;
    }
}
