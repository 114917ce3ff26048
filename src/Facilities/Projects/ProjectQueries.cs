using Dapper;
using Npgsql;

namespace Platform.Facilities.Projects;

public sealed record Project(
    Guid Id, Guid SchoolId, string Name, string Stage, int ClassesAdded, int PlacesAdded, string Status, DateOnly? InUseFrom);

public static class ProjectQueries
{
    private const string Columns =
        "id, school_id AS SchoolId, name, stage, classes_added AS ClassesAdded, places_added AS PlacesAdded, status, in_use_from AS InUseFrom";

    public static Task InsertAsync(NpgsqlConnection connection, Project project, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO projects (id, school_id, name, stage, classes_added, places_added, status)
            VALUES (@Id, @SchoolId, @Name, @Stage, @ClassesAdded, @PlacesAdded, @Status)
            """, project, cancellationToken: cancellationToken));

    public static async Task<Project?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken, NpgsqlTransaction? lockFor = null) =>
        await connection.QuerySingleOrDefaultAsync<Project>(new CommandDefinition(
            $"SELECT {Columns} FROM projects WHERE id = @id" + (lockFor is null ? "" : " FOR UPDATE"),
            new { id }, lockFor, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<Project>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Project>(new CommandDefinition(
            $"SELECT {Columns} FROM projects ORDER BY created_at DESC", cancellationToken: cancellationToken))).ToList();

    public static Task MarkCommissionedAsync(NpgsqlTransaction transaction, Guid id, DateOnly inUseFrom, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE projects SET status = 'commissioned', in_use_from = @inUseFrom, commissioned_at = now() WHERE id = @id",
            new { id, inUseFrom }, transaction, cancellationToken: cancellationToken));
}
