using Dapper;
using Npgsql;

namespace Platform.Facilities.Projects;

/// <summary>
/// A project of a district and zone; <see cref="SchoolId"/> is null until its school is chosen (a proposal made from a
/// shortfall). The shortfall fields link such a proposal to the PlaceShortfallDetected it answers.
/// </summary>
public sealed record Project(
    Guid Id, int Version, Guid? SchoolId, string DistrictCode, Guid ZoneId, string Name, string Stage, int ClassesAdded, int PlacesAdded, string Status,
    DateOnly? PlannedInUse, DateOnly? InUseFrom, Guid? ShortfallForecastId = null, int? ShortfallFirstYear = null, decimal? ShortfallPlaces = null);

public static class ProjectQueries
{
    private const string Columns = """
        id, version, school_id AS SchoolId, district_code AS DistrictCode, zone_id AS ZoneId, name, stage, classes_added AS ClassesAdded,
        places_added AS PlacesAdded, status, planned_in_use AS PlannedInUse, in_use_from AS InUseFrom, shortfall_forecast_id AS ShortfallForecastId,
        shortfall_first_year AS ShortfallFirstYear, shortfall_places AS ShortfallPlaces
        """;

    public static Task InsertAsync(NpgsqlTransaction transaction, Project project, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO projects (id, version, school_id, district_code, zone_id, name, stage, classes_added, places_added, status, planned_in_use,
                                  shortfall_forecast_id, shortfall_first_year, shortfall_places)
            VALUES (@Id, @Version, @SchoolId, @DistrictCode, @ZoneId, @Name, @Stage, @ClassesAdded, @PlacesAdded, @Status, @PlannedInUse,
                    @ShortfallForecastId, @ShortfallFirstYear, @ShortfallPlaces)
            """, project, transaction, cancellationToken: cancellationToken));

    public static async Task<Project?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken, NpgsqlTransaction? lockFor = null) =>
        await connection.QuerySingleOrDefaultAsync<Project>(new CommandDefinition(
            $"SELECT {Columns} FROM projects WHERE id = @id" + (lockFor is null ? "" : " FOR UPDATE"),
            new { id }, lockFor, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<Project>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Project>(new CommandDefinition(
            $"SELECT {Columns} FROM projects ORDER BY created_at DESC", cancellationToken: cancellationToken))).ToList();

    /// <summary>Saves a project's changes (the caller raises its version).</summary>
    public static Task UpdateAsync(NpgsqlTransaction transaction, Project project, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE projects SET version = @Version, status = @Status, planned_in_use = @PlannedInUse, in_use_from = @InUseFrom, school_id = @SchoolId,
                name = @Name, classes_added = @ClassesAdded, places_added = @PlacesAdded, shortfall_forecast_id = @ShortfallForecastId,
                shortfall_first_year = @ShortfallFirstYear, shortfall_places = @ShortfallPlaces,
                commissioned_at = CASE WHEN @Status = 'commissioned' THEN now() END
            WHERE id = @Id
            """, project, transaction, cancellationToken: cancellationToken));
}
