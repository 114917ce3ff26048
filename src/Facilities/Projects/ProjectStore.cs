using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Security;

namespace Platform.Facilities.Projects;

/// <summary>
/// A project of a district and zone; <see cref="SchoolId"/> is null until its school is chosen (a proposal made from a
/// shortfall). The shortfall fields link such a proposal to the PlaceShortfallDetected it answers.
/// The main stage's classes and places are <see cref="Stage"/>, <see cref="ClassesAdded"/> and <see cref="PlacesAdded"/>;
/// a nine- or twelve-year school adds <see cref="OtherStages"/> too. A project that builds a school the registry does not
/// have yet names it (<see cref="NewSchoolId"/>, chosen here, with its name and ownership) instead of a school.
/// </summary>
public sealed record Project(
    Guid Id, int Version, Guid? SchoolId, string DistrictCode, Guid ZoneId, string Name, string Stage, int ClassesAdded, int PlacesAdded,
    string Status, DateOnly? PlannedInUse, DateOnly? InUseFrom,
    Guid? ShortfallForecastId = null, int? ShortfallFirstYear = null, decimal? ShortfallPlaces = null,
    Guid? NewSchoolId = null, string? NewSchoolName = null, string? NewSchoolOwnership = null)
{
    public IReadOnlyList<Contracts.StagePlaces> OtherStages { get; init; } = [];

    /// <summary>Every stage the project adds places in, the main one first.</summary>
    public IReadOnlyList<Contracts.StagePlaces> AllStages => [new(Stage, ClassesAdded, PlacesAdded), .. OtherStages];
}

public static class ProjectStore
{
    private const string Columns = """
        id, version, school_id AS SchoolId, district_code AS DistrictCode, zone_id AS ZoneId, name, stage,
        classes_added AS ClassesAdded, places_added AS PlacesAdded, status, planned_in_use AS PlannedInUse, in_use_from AS InUseFrom,
        shortfall_forecast_id AS ShortfallForecastId, shortfall_first_year AS ShortfallFirstYear, shortfall_places AS ShortfallPlaces,
        new_school_id AS NewSchoolId, new_school_name AS NewSchoolName,
        new_school_ownership AS NewSchoolOwnership
        """;

    public static async Task InsertAsync(NpgsqlTransaction transaction, Project project, CancellationToken cancellationToken)
    {
        await transaction.WriteAsync("""
            INSERT INTO projects (id, version, school_id, district_code, zone_id, name, stage, classes_added, places_added, status,
                                  planned_in_use, shortfall_forecast_id, shortfall_first_year, shortfall_places,
                                  new_school_id, new_school_name, new_school_ownership)
            VALUES (@Id, @Version, @SchoolId, @DistrictCode, @ZoneId, @Name, @Stage, @ClassesAdded, @PlacesAdded, @Status,
                    @PlannedInUse, @ShortfallForecastId, @ShortfallFirstYear, @ShortfallPlaces,
                    @NewSchoolId, @NewSchoolName, @NewSchoolOwnership)
            """, project, cancellationToken);
        await transaction.WriteAsync("""
            INSERT INTO project_other_stages (project_id, stage, classes, places)
            SELECT @Id, s, c, p FROM unnest(@stages, @classes, @places) AS x (s, c, p)
            """, new
        {
            project.Id,
            stages = project.OtherStages.Select(o => o.Stage).ToArray(),
            classes = project.OtherStages.Select(o => o.Classes).ToArray(),
            places = project.OtherStages.Select(o => o.Places).ToArray(),
        }, cancellationToken);
    }

    public static async Task<Project?> FindAsync(
        NpgsqlConnection connection, Guid id, CancellationToken cancellationToken, NpgsqlTransaction? lockFor = null) =>
        (await WithOtherStagesAsync(connection, await connection.QueryAsync<Project>(new CommandDefinition(
            $"SELECT {Columns} FROM projects WHERE id = @id" + (lockFor is null ? "" : " FOR UPDATE"),
            new { id }, lockFor, cancellationToken: cancellationToken)), cancellationToken)).SingleOrDefault();

    /// <summary>The projects in the districts <paramref name="scopePrefix"/> covers (DistrictScope.Prefix), newest first.</summary>
    public static async Task<IReadOnlyList<Project>> ListAsync(
        NpgsqlConnection connection, string scopePrefix, CancellationToken cancellationToken) =>
        await WithOtherStagesAsync(connection, await connection.ListAsync<Project>(
            $"SELECT {Columns} FROM projects WHERE starts_with(district_code, @scopePrefix) ORDER BY created_at DESC",
            new { scopePrefix }, cancellationToken), cancellationToken);

    private static async Task<IReadOnlyList<Project>> WithOtherStagesAsync(
        NpgsqlConnection connection, IEnumerable<Project> projects, CancellationToken cancellationToken)
    {
        var list = projects.ToList();
        var others = (await connection.ListAsync<(Guid ProjectId, string Stage, int Classes, int Places)>(
                "SELECT project_id, stage, classes, places FROM project_other_stages WHERE project_id = ANY(@ids) ORDER BY stage",
                new { ids = list.Select(p => p.Id).ToArray() }, cancellationToken))
            .ToLookup(o => o.ProjectId, o => new Contracts.StagePlaces(o.Stage, o.Classes, o.Places));
        return list.Select(p => p with { OtherStages = others[p.Id].ToList() }).ToList();
    }

    /// <summary>Saves a project's changes (the caller raises its version).</summary>
    public static Task UpdateAsync(NpgsqlTransaction transaction, Project project, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE projects SET version = @Version, status = @Status, planned_in_use = @PlannedInUse, in_use_from = @InUseFrom,
                school_id = @SchoolId,
                name = @Name, classes_added = @ClassesAdded, places_added = @PlacesAdded, shortfall_forecast_id = @ShortfallForecastId,
                shortfall_first_year = @ShortfallFirstYear, shortfall_places = @ShortfallPlaces,
                commissioned_at = CASE WHEN @Status = 'commissioned' THEN now() END
            WHERE id = @Id
            """, project, cancellationToken);

    /// <summary>The district of a zone, as Facilities knows it from the schools in it; null for a zone it does not know.</summary>
    public static Task<string?> DistrictOfZoneAsync(NpgsqlConnection connection, Guid zoneId, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            "SELECT district_code FROM known_schools WHERE zone_id = @zoneId LIMIT 1", new { zoneId },
            cancellationToken: cancellationToken));

    public static Task<bool> SchoolNameTakenAsync(
        NpgsqlConnection connection, string district, string name, CancellationToken cancellationToken) =>
        connection.ScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM known_schools WHERE district_code = @district AND name = @name)", new { district, name }, cancellationToken);
}
