using Platform.BuildingBlocks.Http;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Data;

/// <summary>A change the audit trail recorded: who, when, what (table, operation, row) and the row before and after.</summary>
public sealed record AuditEntry(
    long Id, DateTime At, string Actor, string TableName, string Operation, string? RowKey, string? Before, string? After);

/// <summary>What an admin asks the audit trail for; every part is optional.</summary>
public sealed record AuditQuery(string? Table, string? Actor, string? RowKey, DateTime? From, DateTime? To, [property: Bounds(1, 1000)] int? Limit);

/// <summary>
/// Who changed what. The audit trigger (migration platform/0002) records every change to an audited table under
/// app.actor: the signed-in user for connections opened with <see cref="OpenAuditedAsync"/> while a request runs,
/// "system" for changes made by event consumers.
/// </summary>
public static class Audit
{
    private const int MostShown = 1000;
    private static readonly AsyncLocal<string?> CurrentActor = new();

    /// <summary>
    /// Opens a connection whose changes the audit trail records under the signed-in user of the current request.
    /// Naming the user is the connection's first statement, so it also finds pooled connections that died with a
    /// PostgreSQL restart: the pool is emptied and a fresh connection opened, instead of failing the request.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenAuditedAsync(this NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            try
            {
                // Session-wide, as a change may span several transactions; the pool resets it when the connection is returned.
                await connection.ExecuteAsync(new CommandDefinition(
                    "SELECT set_config('app.actor', @actor, false)", new { actor = CurrentActor.Value ?? "" }, cancellationToken: cancellationToken));
                return connection;
            }
            catch (NpgsqlException e) when (attempt < 3 && (e.IsTransient || e is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown }))
            {
                await connection.DisposeAsync();
                NpgsqlConnection.ClearPool(connection);
            }
        }
    }

    /// <summary>Names the signed-in user (their "name" claim) as the actor of what the request changes.</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        CurrentActor.Value = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? context.User.FindFirst("sub")?.Value : null;
        return next(context);
    });

    /// <summary>
    /// GET /admin/audit (the gateway's: /api/admin/audit): the newest changes first, filtered by table, actor, row key and time; an admin sees the changes
    /// of rows in districts of their scope, and a city-wide admin also those of rows without a district.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditTrail(this IEndpointRouteBuilder app, string path = "/admin/audit")
    {
        app.MapGet(path, async ([AsParameters] AuditQuery query, DistrictScope scope, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var entries = await connection.QueryAsync<AuditEntry>(new CommandDefinition("""
                SELECT id, at, actor, table_name AS TableName, operation, row_key AS RowKey, before::text AS Before, after::text AS After
                FROM audit_log
                WHERE (@Table::text IS NULL OR table_name = @Table) AND (@Actor::text IS NULL OR actor = @Actor)
                  AND (@RowKey::text IS NULL OR row_key = @RowKey)
                  AND (@From::timestamptz IS NULL OR at >= @From) AND (@To::timestamptz IS NULL OR at < @To)
                  AND CASE WHEN coalesce(after ->> 'district_code', before ->> 'district_code') IS NULL THEN @CityWide
                           ELSE starts_with(coalesce(after ->> 'district_code', before ->> 'district_code'), @Prefix) END
                ORDER BY id DESC
                LIMIT @Limit
                """, new { query.Table, query.Actor, query.RowKey, query.From, query.To, scope.Prefix, CityWide = scope.Prefix.Length <= 4,
                    Limit = Math.Clamp(query.Limit ?? 200, 1, MostShown) }, cancellationToken: cancellationToken));
            return TypedResults.Ok(entries.ToList());
        }).WithTags("Operations").RequireAuthorization(AccessRequirement.AuditorPolicy);
        return app;
    }
}
