using Dapper;
using Npgsql;

namespace Platform.Planning.Schools;

public sealed record School(Guid Id, string Name, string DistrictCode, string Stage, int Classes, int ClassSizeNorm, int Places);

public static class SchoolQueries
{
    private const string Columns = "id, name, district_code AS DistrictCode, stage, classes, class_size_norm AS ClassSizeNorm, places";

    public static Task InsertAsync(NpgsqlTransaction transaction, School school, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO schools (id, name, district_code, stage, classes, class_size_norm, places)
            VALUES (@Id, @Name, @DistrictCode, @Stage, @Classes, @ClassSizeNorm, @Places)
            """, school, transaction, cancellationToken: cancellationToken));

    public static async Task<School?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<School>(new CommandDefinition(
            $"SELECT {Columns} FROM schools WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    public static async Task<IReadOnlyList<School>> ListAsync(NpgsqlDataSource dataSource, string? districtCode, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<School>(new CommandDefinition(
            $"SELECT {Columns} FROM schools WHERE @districtCode::text IS NULL OR district_code = @districtCode ORDER BY district_code, name",
            new { districtCode }, cancellationToken: cancellationToken))).ToList();
    }

    public enum CapacityAddition { Added, AlreadyRecorded, UnknownSchool }

    /// <summary>Adds a commissioned project's classes and places to its school, once per project.</summary>
    public static async Task<CapacityAddition> AddCapacityAsync(
        NpgsqlTransaction transaction, Guid projectId, Guid schoolId, int classesAdded, int placesAdded, DateOnly inUseFrom, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var schoolExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM schools WHERE id = @schoolId FOR UPDATE)", new { schoolId }, transaction, cancellationToken: cancellationToken));
        if (!schoolExists)
            return CapacityAddition.UnknownSchool;
        var recorded = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO capacity_additions (project_id, school_id, classes_added, places_added, in_use_from)
            VALUES (@projectId, @schoolId, @classesAdded, @placesAdded, @inUseFrom)
            ON CONFLICT (project_id) DO NOTHING
            """, new { projectId, schoolId, classesAdded, placesAdded, inUseFrom }, transaction, cancellationToken: cancellationToken));
        if (recorded == 0)
            return CapacityAddition.AlreadyRecorded;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE schools SET classes = classes + @classesAdded, places = places + @placesAdded, updated_at = now()
            WHERE id = @schoolId
            """, new { schoolId, classesAdded, placesAdded }, transaction, cancellationToken: cancellationToken));
        return CapacityAddition.Added;
    }
}
