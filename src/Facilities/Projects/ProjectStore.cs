using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Schools;
using Platform.Contracts;

namespace Platform.Facilities.Projects;

/// <summary>The projects' tables: loading a project (locked for a change), saving a step and its events.</summary>
public static class ProjectStore
{
    /// <summary>A change to a project: locked, changed, answered as it now stands.</summary>
    public static readonly LockedChange<Project, Project> Change = new(FindForUpdateAsync, FindAsync);

    private const string Columns = """
        id, version, school_id AS SchoolId, district_code AS DistrictCode, zone_id AS ZoneId, name, stage,
        classes_added AS ClassesAdded, places_added AS PlacesAdded, status,
        planned_in_use AS PlannedInUse, in_use_from AS InUseFrom,
        shortfall_forecast_id AS ShortfallForecastId, shortfall_first_year AS ShortfallFirstYear,
        shortfall_places AS ShortfallPlaces,
        new_school_id AS NewSchoolId, new_school_name AS NewSchoolName,
        new_school_ownership AS NewSchoolOwnership
        """;

    /// <summary>A new project, announced as proposed in the same transaction.</summary>
    public static async Task CreateAsync(
        NpgsqlConnection connection, Project project, KnownSchool? school, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(transaction, project, cancellationToken);
        await transaction.EnqueueAsync(ProjectLifecycle.Proposed(project, school), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task InsertAsync(NpgsqlTransaction transaction, Project project, CancellationToken cancellationToken)
    {
        await transaction.WriteAsync("""
            INSERT INTO projects (id, version, school_id, district_code, zone_id, name, stage, classes_added,
                                  places_added, status, planned_in_use, shortfall_forecast_id, shortfall_first_year,
                                  shortfall_places, new_school_id, new_school_name, new_school_ownership)
            VALUES (@Id, @Version, @SchoolId, @DistrictCode, @ZoneId, @Name, @Stage, @ClassesAdded,
                    @PlacesAdded, @Status, @PlannedInUse, @ShortfallForecastId, @ShortfallFirstYear,
                    @ShortfallPlaces, @NewSchoolId, @NewSchoolName, @NewSchoolOwnership)
            """, Row(project), cancellationToken);
        await transaction.WriteAsync("""
            INSERT INTO project_other_stages (project_id, stage, classes, places)
            SELECT @Id, s, c, p
            FROM unnest(@stages, @classes, @places) AS x (s, c, p)
            """, new
        {
            project.Id,
            stages = project.OtherStages.Select(o => o.Stage).ToArray(),
            classes = project.OtherStages.Select(o => o.Classes).ToArray(),
            places = project.OtherStages.Select(o => o.Places).ToArray(),
        }, cancellationToken);
    }

    public static async Task<Project?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken) =>
        (await WithOtherStagesAsync(connection,
            await connection.ListAsync<Project>($"""
                SELECT {Columns}
                FROM projects
                WHERE id = @id
                """, new { id }, cancellationToken),
            cancellationToken)).SingleOrDefault();

    /// <summary>The project, locked until the transaction ends.</summary>
    public static async Task<Project?> FindForUpdateAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        (await WithOtherStagesAsync(transaction.Connection!,
            await transaction.ListAsync<Project>($"""
                SELECT {Columns}
                FROM projects
                WHERE id = @id
                FOR UPDATE
                """, new { id }, cancellationToken),
            cancellationToken)).SingleOrDefault();

    /// <summary>The projects in the districts <paramref name="scopePrefix"/> covers (DistrictScope.Prefix), newest first.</summary>
    public static async Task<IReadOnlyList<Project>> ListAsync(
        NpgsqlConnection connection, string scopePrefix, CancellationToken cancellationToken) =>
        await WithOtherStagesAsync(connection, await connection.ListAsync<Project>($"""
            SELECT {Columns}
            FROM projects
            WHERE starts_with(district_code, @scopePrefix)
            ORDER BY created_at DESC
            """, new { scopePrefix }, cancellationToken), cancellationToken);

    private static async Task<IReadOnlyList<Project>> WithOtherStagesAsync(
        NpgsqlConnection connection, List<Project> projects, CancellationToken cancellationToken)
    {
        var others = (await connection.ListAsync<(Guid ProjectId, string Stage, int Classes, int Places)>("""
                SELECT project_id, stage, classes, places
                FROM project_other_stages
                WHERE project_id = ANY(@ids)
                ORDER BY stage
                """, new { ids = projects.Select(p => p.Id).ToArray() }, cancellationToken))
            .ToLookup(o => o.ProjectId, o => new StagePlaces(o.Stage, o.Classes, o.Places));
        return [.. projects.Select(p => p with { OtherStages = [.. others[p.Id]] })];
    }

    /// <summary>The registry's record of the project's school; null while it has none or builds a new one.</summary>
    public static async Task<KnownSchool?> SchoolOfAsync(
        NpgsqlConnection connection, Project project, CancellationToken cancellationToken) =>
        project.SchoolId is { } schoolId ? await SchoolDirectory.FindAsync(connection, schoolId, cancellationToken) : null;

    /// <summary>
    /// Saves what a step decided and writes its events, in the transaction; a refused step changes nothing and answers
    /// its conflict.
    /// </summary>
    public static async Task<StateConflict?> SaveAsync(
        NpgsqlTransaction transaction, ProjectStep step, CancellationToken cancellationToken)
    {
        if (step.Conflict is not null)
            return step.Conflict;
        if (step.Changed is { } changed)
            await UpdateAsync(transaction, changed, cancellationToken);
        foreach (var message in step.Events)
            await transaction.EnqueueAsync(message, cancellationToken);
        return null;
    }

    /// <summary>Saves a project's changes (the caller raises its version).</summary>
    public static Task UpdateAsync(NpgsqlTransaction transaction, Project project, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            UPDATE projects
            SET version = @Version, status = @Status, planned_in_use = @PlannedInUse, in_use_from = @InUseFrom,
                school_id = @SchoolId, name = @Name, classes_added = @ClassesAdded, places_added = @PlacesAdded,
                shortfall_forecast_id = @ShortfallForecastId, shortfall_first_year = @ShortfallFirstYear,
                shortfall_places = @ShortfallPlaces,
                commissioned_at = CASE WHEN @Status = 'commissioned' THEN now() END
            WHERE id = @Id
            """, Row(project), cancellationToken);

    /// <summary>The district of a zone, as Facilities knows it from the schools in it; null for a zone it does not know.</summary>
    public static Task<string?> DistrictOfZoneAsync(NpgsqlConnection connection, Guid zoneId, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync<string>("""
            SELECT district_code
            FROM known_schools
            WHERE zone_id = @zoneId
            LIMIT 1
            """, new { zoneId }, cancellationToken);

    public static Task<bool> SchoolNameTakenAsync(
        NpgsqlConnection connection, string district, string name, CancellationToken cancellationToken) =>
        connection.SingleAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM known_schools WHERE district_code = @district AND name = @name)
            """, new { district, name }, cancellationToken);

    /// <summary>Takes turns on the shortfalls of a zone and stage until the transaction ends.</summary>
    public static Task LockShortfallsAsync(
        NpgsqlTransaction transaction, Guid zoneId, string stage, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            SELECT pg_advisory_xact_lock(hashtextextended(@zoneId::text || @stage, 0))
            """, new { zoneId, stage }, cancellationToken);

    /// <summary>The open proposal answering shortfalls of a zone and stage, locked; null when there is none.</summary>
    public static Task<Guid?> OpenShortfallProposalAsync(
        NpgsqlTransaction transaction, Guid zoneId, string stage, CancellationToken cancellationToken) =>
        transaction.ScalarAsync<Guid?>("""
            SELECT id
            FROM projects
            WHERE zone_id = @zoneId AND stage = @stage AND shortfall_forecast_id IS NOT NULL AND status = 'proposed'
            FOR UPDATE
            """, new { zoneId, stage }, cancellationToken);

    /// <summary>The project's columns as parameters: the status as its code (Dapper would send an enum's number).</summary>
    private static object Row(Project p) => new
    {
        p.Id, p.Version, p.SchoolId, p.DistrictCode, p.ZoneId, p.Name, p.Stage, p.ClassesAdded, p.PlacesAdded,
        Status = p.Status.Code(), p.PlannedInUse, p.InUseFrom, p.ShortfallForecastId, p.ShortfallFirstYear,
        p.ShortfallPlaces, p.NewSchoolId, p.NewSchoolName, p.NewSchoolOwnership,
    };
}
