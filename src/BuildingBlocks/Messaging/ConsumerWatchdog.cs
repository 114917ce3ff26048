using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// MassTransit 8.4.0 can leave a receive endpoint without its consumer after the broker restarts (its channel closed
/// while a message was in flight; MassTransit issues 2072 and 5692), while the bus still reports itself healthy: the
/// queue fills and nothing reads it. Every few seconds this checks, on a connection of its own, that each of the
/// service's queues exists and has a consumer; when one has none twice in a row, it restarts the bus, which declares
/// every endpoint again. While the broker is down it does nothing: MassTransit reconnects by itself.
/// </summary>
public sealed class ConsumerWatchdog(IBusControl bus, ConsumerQueues queues, IConfiguration configuration, ILogger<ConsumerWatchdog> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private const int StrikesBeforeRestart = 2;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(configuration.GetConnectionString("messaging")!), ClientProvidedName = "consumer-watchdog" };
        var strikes = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, stoppingToken);
            try
            {
                var deaf = await DeafQueuesAsync(factory, stoppingToken);
                strikes = deaf.Count == 0 ? 0 : strikes + 1;
                if (strikes < StrikesBeforeRestart)
                    continue;
                logger.LogWarning("Queues {Queues} have had no consumer for {Seconds} s; restarting the bus", deaf, (int)(strikes * Interval.TotalSeconds));
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    timeout.CancelAfter(StopTimeout);
                    await bus.StopAsync(timeout.Token);
                }
                await bus.StartAsync(stoppingToken);
                strikes = 0;
            }
            catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
            {
                strikes = 0; // the broker is away: not a deaf consumer
            }
        }
    }

    /// <summary>The queues that are missing or have no consumer.</summary>
    private async Task<List<string>> DeafQueuesAsync(ConnectionFactory factory, CancellationToken cancellationToken)
    {
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var deaf = new List<string>();
        foreach (var queue in queues.Names)
        {
            // A passive declare of a missing queue closes its channel, so each queue gets a channel of its own.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                if ((await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).ConsumerCount == 0)
                    deaf.Add(queue);
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
            {
                deaf.Add(queue);
            }
        }
        return deaf;
    }
}
