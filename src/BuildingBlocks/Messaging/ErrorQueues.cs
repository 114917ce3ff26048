using System.Text;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Platform.BuildingBlocks.Http;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>The queues this service consumes from, named as MassTransit names them ("{service}-{message}").</summary>
public sealed record ConsumerQueues(IReadOnlyList<string> Names);

/// <summary>A message that failed all its retries and waits in a queue's "_error" queue.</summary>
public sealed record ParkedMessage(string Queue, string? MessageId, string? MessageType, string? Reason, string Body);

public sealed record ReplayResult(string Queue, int Replayed, int Left);

/// <summary>
/// Poison messages, for an operator (an admin of the whole city: the messages hold every district's data):
/// GET /admin/error-queues lists every message parked in this service's "_error" queues (peeked, left in place);
/// POST /admin/error-queues/{queue}/replay moves them (all, or one by ?messageId=) back to the queue they failed in,
/// for the consumer to try again, for example once the data they need exists.
/// </summary>
public static class ErrorQueues
{
    private const int MostShown = 200;

    public static IEndpointRouteBuilder MapErrorQueues(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/error-queues")
            .WithTags("Operations")
            .RequireAuthorization(Security.AccessRequirement.OperatorPolicy);
        admin.MapGet("/", async (ConsumerQueues queues, IConfiguration configuration, CancellationToken cancellationToken) =>
        {
            await using var connection = await ConnectAsync(configuration, cancellationToken);
            var parked = new List<ParkedMessage>();
            foreach (var queue in queues.Names)
                parked.AddRange((await TakeAsync(connection, queue, _ => false, cancellationToken)).Left);
            return TypedResults.Ok(parked);
        }).Describe("死信消息", "The messages parked after their retries, in every queue of this service.");
        admin.MapPost("/{queue}/replay", async Task<Results<Ok<ReplayResult>, NotFound>> (
            string queue, string? messageId, ConsumerQueues queues, IConfiguration configuration, CancellationToken cancellationToken) =>
        {
            if (!queues.Names.Contains(queue))
                return TypedResults.NotFound();
            await using var connection = await ConnectAsync(configuration, cancellationToken);
            var (replayed, left) = await TakeAsync(
                connection, queue, message => messageId is null || message.MessageId == messageId, cancellationToken);
            return TypedResults.Ok(new ReplayResult(queue, replayed, left.Count));
        }).Describe("重放死信消息", "Sends a queue's parked messages (or one of them) back to its consumer.");
        return app;
    }

    /// <summary>
    /// Reads the queue's parked messages. Those <paramref name="replay"/> picks are published back to the queue they
    /// failed in (without the fault headers) and removed; the others are left where they were.
    /// </summary>
    /// <returns>How many were replayed, and the messages left parked.</returns>
    private static async Task<(int Replayed, List<ParkedMessage> Left)> TakeAsync(
        IConnection connection, string queue, Func<ParkedMessage, bool> replay, CancellationToken cancellationToken)
    {
        var errorQueue = $"{queue}_error";
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken);
        }
        catch (OperationInterruptedException)
        {
            return (0, []); // nothing has failed there yet: MassTransit creates the error queue on the first fault
        }
        var left = new List<ParkedMessage>();
        var replayed = 0;
        var toRequeue = new List<ulong>();
        for (var i = 0; i < MostShown && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } delivery; i++)
        {
            var headers = delivery.BasicProperties.Headers ?? new Dictionary<string, object?>();
            var message = new ParkedMessage(
                queue, delivery.BasicProperties.MessageId, Text(headers, "MT-Fault-MessageType") ?? Text(headers, "MT-MessageType"),
                Text(headers, "MT-Fault-Message"), Encoding.UTF8.GetString(delivery.Body.Span));
            if (!replay(message))
            {
                left.Add(message);
                toRequeue.Add(delivery.DeliveryTag);
                continue;
            }
            var properties = new BasicProperties(delivery.BasicProperties)
            {
                Headers = headers
                    .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, delivery.Body, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }
        foreach (var tag in toRequeue)
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        return (replayed, left);
    }

    private static string? Text(IDictionary<string, object?> headers, string key) =>
        headers.TryGetValue(key, out var value)
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), null => null, _ => value.ToString() }
            : null;

    private static Task<IConnection> ConnectAsync(IConfiguration configuration, CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = new Uri(configuration.GetConnectionString("messaging")!) }.CreateConnectionAsync(cancellationToken);
}
