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
    /// Registers the service's database from ConnectionStrings:{connectionName}: its connections by district scope
    /// (<see cref="ScopedDataSources"/>; handlers and consumers take their <see cref="Database"/>), the recording of
    /// refused requests (<see cref="RefusedAttempts"/>), a readiness check, and the migrations (the platform's, shared
    /// modules', then the service's own from its Migrations folder, beside <paramref name="rootNamespaceType"/>) applied
    /// before anything else starts. Call it before AddPlatformMessaging so consumers never run against an old schema.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformDatabase(
        this IHostApplicationBuilder builder, string connectionName, Type rootNamespaceType)
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set.");
        builder.Services.AddSingleton(new ScopedDataSources(connectionString));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddExceptionHandler<OutOfScopeExceptionHandler>();
        builder.Services.AddSingleton(RefusedAttempts.LimiterFrom(builder.Configuration));
        builder.Services.AddSingleton<RefusedAttempts>();
        builder.Services.AddScoped(services => new Database(services.GetRequiredService<ScopedDataSources>()
            .Current(services.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>())));
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

internal sealed class DatabaseMigrator(
    ScopedDataSources dataSources, IEnumerable<MigrationSource> sources, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefuseUnrestrictedUserAsync(cancellationToken);
        var migrations = sources.OrderBy(source => source.Order).SelectMany(source => source.Migrations).ToList();
        var applied = await MigrationRunner.ApplyAsync(dataSources.System, migrations, cancellationToken);
        logger.LogInformation("Database schema is current; applied {Count} migration(s): {Migrations}", applied.Count, applied);
        await RefuseChangeableAuditTrailAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The service's own role must not be able to change the audit trail (AuditStore.sql makes it so).</summary>
    private async Task RefuseChangeableAuditTrailAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.System.OpenConnectionAsync(cancellationToken);
        if (await connection.SingleAsync<bool>("""
                SELECT pg_has_role(c.relowner, 'USAGE') OR has_table_privilege(c.oid, 'UPDATE, DELETE, TRUNCATE')
                FROM pg_class c
                WHERE c.oid = 'audit.trail'::regclass
                """, null, cancellationToken))
            throw new InvalidOperationException("The service's database user can change the audit trail (audit.trail): provision it with " +
                "AuditStore.sql as a superuser, owned by a role of its own, as the AppHost does (docs/security.md).");
    }

    /// <summary>A superuser (or a role with BYPASSRLS) is not held by row-level security: the district scope would not apply.</summary>
    private async Task RefuseUnrestrictedUserAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSources.System.OpenConnectionAsync(cancellationToken);
        var user = await connection.SingleAsync<(string Name, bool Unrestricted)>("""
            SELECT rolname, rolsuper OR rolbypassrls
            FROM pg_roles
            WHERE rolname = current_user
            """, null, cancellationToken);
        if (user.Unrestricted)
            throw new InvalidOperationException($"The database user '{user.Name}' is a superuser or bypasses row-level security, so the " +
                "district scope would not hold: connect as a role of the database's own that is neither (the AppHost makes one).");
    }
}

internal sealed class DatabaseHealthCheck(ScopedDataSources dataSources) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSources.System.CreateCommand("""
                SELECT 1
                """);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", e);
        }
    }
}
