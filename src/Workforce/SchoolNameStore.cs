using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.Workforce;

/// <summary>The names of a district's schools, as the registry's events told them, for sheets and messages.</summary>
internal static class SchoolNameStore
{
    public static async Task<Dictionary<Guid, string>> InDistrictAsync(
        NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken) =>
        (await connection.ListAsync<(Guid Id, string Name)>("""
            SELECT id, name
            FROM known_schools
            WHERE district_code = @districtCode
            """, new { districtCode }, cancellationToken))
        .ToDictionary(s => s.Id, s => s.Name);
}
