using System.Net;
using Npgsql;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Data;

/// <summary>The audit trail's statements (table audit.trail, BuildingBlocks/Data/AuditStore.sql).</summary>
internal static class AuditTrailStore
{
    private const int MostShown = 1000;

    /// <summary>
    /// The newest entries first; those of rows in districts outside the scope are left out, and for a district's admin
    /// also entries without a district.
    /// </summary>
    public static Task<List<AuditEntry>> ListAsync(
        NpgsqlConnection connection, AuditQuery query, DistrictScope scope, CancellationToken cancellationToken) =>
        connection.ListAsync<AuditEntry>("""
            SELECT id, at, actor, host(source_address) AS SourceAddress, operation, table_name AS TableName, row_key AS RowKey,
                   before::text AS Before, after::text AS After, method, path, status::int AS Status
            FROM audit.trail
            WHERE (@Table::text IS NULL OR table_name = @Table) AND (@Actor::text IS NULL OR actor = @Actor)
              AND (@RowKey::text IS NULL OR row_key = @RowKey) AND (@Operation::text IS NULL OR operation = @Operation)
              AND (@From::timestamptz IS NULL OR at >= @From) AND (@To::timestamptz IS NULL OR at < @To)
              AND CASE WHEN coalesce(after ->> 'district_code', before ->> 'district_code') IS NULL THEN @CityWide
                       ELSE starts_with(coalesce(after ->> 'district_code', before ->> 'district_code'), @Prefix) END
            ORDER BY id DESC
            LIMIT @Limit
            """, new
        {
            query.Table, query.Actor, query.RowKey, query.Operation, query.From, query.To, scope.Prefix,
            CityWide = scope.Prefix.Length <= 4,
            Limit = Math.Clamp(query.Limit ?? 200, 1, MostShown),
        }, cancellationToken);

    public static Task RecordRefusalAsync(
        NpgsqlConnection connection, string? actor, IPAddress? source, string method, string path, int status,
        CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            INSERT INTO audit.trail (actor, source_address, operation, method, path, status)
            VALUES (@actor, @source::inet, 'refused', @method, @path, @status)
            """, new { actor, source = source?.ToString(), method, path, status }, cancellationToken);
}
