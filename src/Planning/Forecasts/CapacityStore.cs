using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Planning.Forecasting;
using Platform.Planning.Pipeline;
using Platform.Planning.Schools;

namespace Platform.Planning.Forecasts;

/// <summary>The places of a district by zone and stage, as <see cref="CapacityRules"/> counts them year by year.</summary>
public static class CapacityStore
{
    /// <returns>The capacity, and the ids of changed schools that are not in the district.</returns>
    public static async Task<(IReadOnlyList<CapacitySource> Capacity, IReadOnlyList<Guid> UnknownSchools)> LoadAsync(
        NpgsqlConnection connection, string districtCode, IReadOnlyDictionary<string, int>? classSizeNorms,
        IReadOnlyList<SchoolChange>? schoolChanges, bool countProposed, CancellationToken cancellationToken)
    {
        var rules = new CapacityRules(
            await SchoolStore.ListAsync(connection, districtCode, null, cancellationToken), schoolChanges, classSizeNorms);
        var additions = await connection.ListAsync<CapacityAddition>("""
            SELECT a.school_id AS SchoolId, a.stage, a.classes_added AS ClassesAdded, a.places_added AS PlacesAdded,
                   a.in_use_from AS InUseFrom
            FROM capacity_additions a
            JOIN schools s ON s.id = a.school_id
            WHERE s.district_code = @districtCode
            """, new { districtCode }, cancellationToken);
        var pipeline = await PipelineStore.ListAsync(connection, districtCode, cancellationToken);
        return (rules.Sources(additions, pipeline, countProposed), rules.UnknownSchools);
    }
}
