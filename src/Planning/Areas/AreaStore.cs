using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;

namespace Platform.Planning.Areas;

/// <summary>The city's districts and the streets and zones of each.</summary>
internal static class AreaStore
{
    public static Task<List<District>> DistrictsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ListAsync<District>("""
            SELECT code, name, city_code AS CityCode
            FROM districts
            ORDER BY code
            """, null, cancellationToken);

    public static Task<bool> DistrictExistsAsync(NpgsqlConnection connection, string code, CancellationToken cancellationToken) =>
        connection.ScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM districts WHERE code = @code)
            """, new { code }, cancellationToken);

    public static Task<List<Street>> StreetsAsync(NpgsqlConnection connection, string code, CancellationToken cancellationToken) =>
        connection.ListAsync<Street>("""
            SELECT id, district_code AS DistrictCode, name
            FROM streets
            WHERE district_code = @code
            ORDER BY name
            """, new { code }, cancellationToken);

    public static Task<List<Zone>> ZonesAsync(NpgsqlConnection connection, string code, CancellationToken cancellationToken) =>
        connection.ListAsync<Zone>("""
            SELECT id, district_code AS DistrictCode, name, kind
            FROM zones
            WHERE district_code = @code
            ORDER BY name
            """, new { code }, cancellationToken);

    public static Task<List<Zone>> AllZonesAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ListAsync<Zone>("""
            SELECT id, district_code AS DistrictCode, name, kind
            FROM zones
            """, null, cancellationToken);

    /// <exception cref="PostgresException">The district has a street by this name already.</exception>
    public static Task InsertAsync(NpgsqlConnection connection, Street street, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            INSERT INTO streets (id, district_code, name)
            VALUES (@Id, @DistrictCode, @Name)
            """, street, cancellationToken);

    /// <exception cref="PostgresException">The district has a zone by this name already.</exception>
    public static Task InsertAsync(NpgsqlConnection connection, Zone zone, CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            INSERT INTO zones (id, district_code, name, kind)
            VALUES (@Id, @DistrictCode, @Name, @Kind)
            """, zone, cancellationToken);
}
