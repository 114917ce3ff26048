using Dapper;
using Npgsql;

namespace Platform.Facilities.Projects;

public sealed record Project(
    Guid Id, int Version, Guid SchoolId, string Name, string Stage, int ClassesAdded, int PlacesAdded, string Status,
    DateOnly? PlannedInUse, DateOnly? InUseFrom);

public static class ProjectQueries
{
    private const string Columns = """
        id, version, school_id AS SchoolId, name, stage, classes_added AS ClassesAdded, places_added AS PlacesAdded, status,
        planned_in_use AS PlannedInUse, in_use_from AS InUseFrom
        """;

    public static Task InsertAsync(NpgsqlTransaction transaction, Project project, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO projects (id, version, school_id, name, stage, classes_added, places_added, status, planned_in_use)
            VALUES (@Id, @Version, @SchoolId, @Name, @Stage, @ClassesAdded, @PlacesAdded, @Status, @PlannedInUse)
            """, project, transaction, cancellationToken: cancellationToken));

    public static async Task<Project?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken, NpgsqlTransaction? lockFor = null) =>
        await connection.QuerySingleOrDefaultAsync<Project>(new CommandDefinition(
            $"SELECT {Columns} FROM projects WHERE id = @id" + (lockFor is null ? "" : " FOR UPDATE"),
            new { id }, lockFor, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<Project>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Project>(new CommandDefinition(
            $"SELECT {Columns} FROM projects ORDER BY created_at DESC", cancellationToken: cancellationToken))).ToList();

    /// <summary>Saves a project's new status and dates with its version raised by one.</summary>
    public static Task UpdateAsync(NpgsqlTransaction transaction, Project project, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            UPDATE projects SET version = @Version, status = @Status, planned_in_use = @PlannedInUse, in_use_from = @InUseFrom,
                commissioned_at = CASE WHEN @Status = 'commissioned' THEN now() END
            WHERE id = @Id
            """, project, transaction, cancellationToken: cancellationToken));
}
