using Npgsql;
using Platform.BuildingBlocks.Http;
using Platform.Planning.Forecasts;

namespace Platform.Planning.Scenarios;

/// <summary>
/// The schools and zones a scenario's levers name must be its district's, or it is not saved: another district's look
/// the same as none (row-level security), and a scenario naming them could never be run.
/// </summary>
internal static class LeverRecords
{
    public static async Task CheckAsync(NpgsqlConnection connection, string district, ForecastRequest levers, Validation validation,
        CancellationToken cancellationToken)
    {
        var changes = levers.SchoolChanges ?? [];
        var moves = levers.DemandMoves ?? [];
        var schools = changes.Select(c => c.SchoolId).Concat(moves.Select(m => m.ToSchoolId)).OfType<Guid>().Distinct().ToArray();
        var zones = moves.Select(m => m.FromZoneId).OfType<Guid>().Distinct().ToArray();
        var known = await ScenarioStore.KnownAsync(connection, district, schools, zones, cancellationToken);
        for (var i = 0; i < changes.Count; i++)
            if (changes[i].SchoolId is { } school && !known.Contains(school))
                validation.Add($"levers.schoolChanges[{i}].schoolId", NotSchoolOf(district));
        for (var i = 0; i < moves.Count; i++)
        {
            if (moves[i].ToSchoolId is { } school && !known.Contains(school))
                validation.Add($"levers.demandMoves[{i}].toSchoolId", NotSchoolOf(district));
            if (moves[i].FromZoneId is { } zone && !known.Contains(zone))
                validation.Add($"levers.demandMoves[{i}].fromZoneId",
                    new($"不是 {district} 区的学区。", $"is not a zone of district {district}."));
        }
    }

    private static UserText NotSchoolOf(string district) =>
        new($"不是 {district} 区的学校。", $"is not a school of district {district}.");
}
