using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.BuildingBlocks.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's database from ConnectionStrings:{connectionName}: an NpgsqlDataSource, a
    /// readiness check, and the migrations (the platform's, shared modules', then the service's own from its
    /// Migrations folder, beside <paramref name="rootNamespaceType"/>) applied before anything else starts. Call it before AddPlatformMessaging so consumers never run against an old schema.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformDatabase(
        this IHostApplicationBuilder builder, string connectionName, Type rootNamespaceType)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set.");
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        SqlMapper.AddTypeHandler(new DateOnlyTypeHandler());

        builder.Services.AddSingleton(new MigrationSource(MigrationSource.Platform,
            MigrationCatalog.Embedded(typeof(DatabaseExtensions).Assembly, "Platform.BuildingBlocks.Migrations", "platform")));
        builder.Services.AddSingleton(new MigrationSource(MigrationSource.Service,
            MigrationCatalog.Embedded(rootNamespaceType.Assembly, $"{rootNamespaceType.Namespace}.Migrations", connectionName)));
        builder.Services.AddHostedService<DatabaseMigrator>();

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }
}

internal sealed class DatabaseMigrator(NpgsqlDataSource dataSource, IEnumerable<MigrationSource> sources, ILogger<DatabaseMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var migrations = sources.OrderBy(source => source.Order).SelectMany(source => source.Migrations).ToList();
        var applied = await MigrationRunner.ApplyAsync(dataSource, migrations, cancellationToken);
        logger.LogInformation("Database schema is current; applied {Count} migration(s): {Migrations}", applied.Count, applied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", e);
        }
    }
}
