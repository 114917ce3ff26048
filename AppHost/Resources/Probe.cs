using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Platform.AppHost.Resources;

/// <summary>The health checks of the servers: each asks the server itself, so "healthy" means it serves.</summary>
internal static class Probe
{
    /// <summary>Registers <paramref name="probe"/> as the resource's health check, which Aspire polls and WaitFor waits on.</summary>
    public static IResourceBuilder<T> WithProbe<T>(
        this IResourceBuilder<T> resource, Func<CancellationToken, Task<HealthCheckResult>> probe) where T : IResource
    {
        var key = $"{resource.Resource.Name}_check";
        resource.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(key, probe);
        return resource.WithHealthCheck(key);
    }

    public static async Task<HealthCheckResult> ConnectsAsync(ReferenceExpression connectionString, CancellationToken cancellation)
    {
        try
        {
            await using var connection = Unpooled(await connectionString.GetValueAsync(cancellation));
            await connection.OpenAsync(cancellation);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }

    /// <summary>
    /// A connection of its own each time: the AppHost connects seldom, and a pooled connection would outlive a server
    /// restart and fail its next use.
    /// </summary>
    public static NpgsqlConnection Unpooled(string? connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    public static async Task<HealthCheckResult> ListensAsync(int port, CancellationToken cancellation)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellation);
            return HealthCheckResult.Healthy();
        }
        catch (SocketException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }

    /// <summary>Healthy when the listener answers AMQP's protocol header with connection.start (a method frame).</summary>
    public static async Task<HealthCheckResult> AnswersAmqpAsync(int port, CancellationToken cancellation)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellation);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), cancellation);
            var frameType = new byte[1];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            return await stream.ReadAsync(frameType, timeout.Token) == 1 && frameType[0] == 1
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("no connection.start");
        }
        catch (Exception e) when (e is SocketException or IOException
                                  || (e is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
