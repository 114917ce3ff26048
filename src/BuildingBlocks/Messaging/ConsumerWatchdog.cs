using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// MassTransit 8.4.0 can stop reconnecting after the broker restarts: the service's queues are back but nothing
/// consumes them, and no stop and start of the bus brings them back (seen in CI). Every few seconds this checks, on
/// a connection of its own, that each of the service's queues exists and has a consumer. When the broker answers but
/// the queues have had no consumer for three checks in a row, the service exits with code 75, for its supervisor
/// (the AppHost, or Kubernetes) to start it afresh; nothing is lost, as unsent events wait in the outbox and
/// unconsumed ones in their queues. While the broker is down it does nothing: MassTransit reconnects by itself.
/// </summary>
public sealed class ConsumerWatchdog(ConsumerQueues queues, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<ConsumerWatchdog> logger)
    : BackgroundService
{
    public const int ExitCode = 75; // EX_TEMPFAIL: try again
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan GracefulExit = TimeSpan.FromSeconds(20);
    private const int StrikesBeforeExit = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(configuration.GetConnectionString("messaging")!), ClientProvidedName = "consumer-watchdog" };
        IConnection? connection = null; // kept between checks: a connection every 5 s would fill the broker's log
        var strikes = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, stoppingToken);
            try
            {
                connection ??= await factory.CreateConnectionAsync(stoppingToken);
                var deaf = await DeafQueuesAsync(connection, stoppingToken);
                strikes = deaf.Count == 0 ? 0 : strikes + 1;
                if (strikes < StrikesBeforeExit)
                    continue;
                logger.LogCritical("Queues {Queues} have had no consumer for {Seconds} s while the broker answers: exiting ({ExitCode}) to be started afresh",
                    deaf, (int)(strikes * Interval.TotalSeconds), ExitCode);
                Environment.ExitCode = ExitCode;
                lifetime.StopApplication();
                // A wedged bus can hold the graceful stop forever: then the process ends itself.
                await Task.Delay(GracefulExit, CancellationToken.None);
                Process.GetCurrentProcess().Kill();
            }
            catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or IOException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
            {
                strikes = 0; // the broker is away: not a deaf consumer
                if (connection is not null)
                    await connection.DisposeAsync();
                connection = null;
            }
        }
        if (connection is not null)
            await connection.DisposeAsync();
    }

    /// <summary>The queues that are missing or have no consumer.</summary>
    private async Task<List<string>> DeafQueuesAsync(IConnection connection, CancellationToken cancellationToken)
    {
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
