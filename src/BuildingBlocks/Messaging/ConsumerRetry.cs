using MassTransit;
using Npgsql;

namespace Platform.BuildingBlocks.Messaging;

/// <summary>
/// How a failed message is tried again. While the database is down or restarting every message fails, so those
/// faults are retried for minutes, outlasting a restart on a slow machine; any other fault is retried briefly and then
/// parks the message in the queue's "_error" queue, where nothing is lost and an operator can replay it.
/// </summary>
public static class ConsumerRetry
{
    public static void UseConsumerRetry(this IRabbitMqBusFactoryConfigurator rabbit)
    {
        // The outer policy sees only what the inner one lets through: the outages it ignores.
        rabbit.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(IsDatabaseOutage);
            retry.Exponential(30, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1));
        });
        rabbit.UseMessageRetry(retry =>
        {
            retry.Ignore<Exception>(IsDatabaseOutage);
            retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300));
        });
    }

    /// <summary>
    /// The server is unreachable, shutting down or not yet accepting connections. A timeout is not: a statement that
    /// always times out would hold its consumer for many minutes, so it is retried briefly like any other fault.
    /// </summary>
    public static bool IsDatabaseOutage(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.ConnectionException
            or PostgresErrorCodes.SqlClientUnableToEstablishSqlConnection or PostgresErrorCodes.ConnectionDoesNotExist
            or PostgresErrorCodes.SqlServerRejectedEstablishmentOfSqlConnection or PostgresErrorCodes.ConnectionFailure
            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException { InnerException: TimeoutException } => false,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => exception.InnerException is { } inner && IsDatabaseOutage(inner),
    };
}
