using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// An entry of the audit trail: who (null for a refused caller not signed in), when, from which address, and either a
/// change (operation insert, update or delete; table, row, the row before and after) or a refused request (operation
/// refused; method, path and status).
/// </summary>
public sealed record AuditEntry(
    long Id, DateTime At, string? Actor, string? SourceAddress, string Operation, string? TableName, string? RowKey,
    string? Before, string? After, string? Method, string? Path, int? Status);

/// <summary>What an auditor asks the audit trail for; every part is optional. Operation "refused" lists refused requests.</summary>
public sealed record AuditQuery(
    string? Table, string? Actor, string? RowKey, string? Operation, DateTime? From, DateTime? To, [property: Bounds(1, 1000)] int? Limit);

/// <summary>
/// Who changed what, from where. The audit trigger (migrations platform/0002 and 0004) records every change to an
/// audited table under app.actor and app.source: the signed-in user and the client's address for connections opened
/// with <see cref="OpenAuditedAsync"/> while a request runs; "system" and no address for changes made by event consumers.
/// </summary>
public static class Audit
{
    private static readonly AsyncLocal<Caller?> CurrentCaller = new();

    /// <summary>Who is calling (their user name, if signed in) and from where (the client's address).</summary>
    private sealed record Caller(string? Actor, string? Source);

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
                // Session-wide, as a change may span several transactions; the pool resets both when the connection is returned.
                await connection.WriteAsync("""
                    SELECT set_config('app.actor', @Actor, false), set_config('app.source', @Source, false)
                    """, new { Actor = CurrentCaller.Value?.Actor ?? "", Source = CurrentCaller.Value?.Source ?? "" }, cancellationToken);
                return connection;
            }
            catch (NpgsqlException e) when (attempt < 3
                && (e.IsTransient || e is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown }))
            {
                await connection.DisposeAsync();
                NpgsqlConnection.ClearPool(connection);
            }
        }
    }

    /// <summary>Names the signed-in user (their "name" claim) and the client's address as the source of what the request changes.</summary>
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        CurrentCaller.Value = new Caller(ActorOf(context), SourceOf(context)?.ToString());
        return next(context);
    });

    /// <summary>The signed-in user's name ("name", else "sub"); null when not signed in.</summary>
    internal static string? ActorOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? context.User.FindFirst("sub")?.Value : null;

    /// <summary>
    /// The client's address: the peer's, which a service takes from the X-Forwarded-For of a known proxy only, the
    /// gateway or the UI (<see cref="Security.SecurityExtensions.MapPlatformApi"/>). An IPv4 address is shown as such.
    /// </summary>
    internal static IPAddress? SourceOf(HttpContext context) =>
        context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;

    /// <summary>
    /// GET /admin/audit (the gateway's: /api/admin/audit): the newest entries first, filtered by table, actor, row key,
    /// operation and time; an admin sees the changes of rows in districts of their scope, and a city-wide admin also
    /// those of rows without a district and refused requests.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditTrail(this IEndpointRouteBuilder app, string path = "/admin/audit")
    {
        app.MapGet(path, async (
            [AsParameters] AuditQuery query, DistrictScope scope, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var entries = await AuditTrailStore.ListAsync(connection, query, scope, cancellationToken);
            return TypedResults.Ok(entries.ToList());
        }).WithTags("Operations").RequireAuthorization(AccessRequirement.AuditorPolicy)
            .Describe("审计记录", "Who changed which row, when and how, and refused requests, newest first.");
        return app;
    }
}
