using System.Text.Json;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;

namespace Platform.Planning.Pipeline;

/// <summary>A project of the pipeline as Planning counts it: still to come, in a zone, from its planned date.</summary>
public sealed record PipelineProject(
    Guid ProjectId, string DistrictCode, Guid ZoneId, string ZoneName, Guid? SchoolId, string Name, ProjectStatus Status,
    IReadOnlyList<StagePlaces> Places, DateOnly? PlannedInUse);

public static class PipelineStore
{
    private sealed record Row(
        Guid ProjectId, string DistrictCode, Guid ZoneId, string ZoneName, Guid? SchoolId, string Name, string Status, string Places,
        DateOnly? PlannedInUse);

    /// <summary>The district's projects that are proposed or approved and not yet commissioned.</summary>
    public static async Task<IReadOnlyList<PipelineProject>> ListAsync(
        NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        (await connection.ListAsync<Row>("""
            SELECT p.project_id AS ProjectId, p.district_code AS DistrictCode, p.zone_id AS ZoneId, z.name AS ZoneName,
                   p.school_id AS SchoolId, p.name, p.status, p.places::text AS Places, p.planned_in_use AS PlannedInUse
            FROM pipeline_projects p
            JOIN zones z ON z.id = p.zone_id
            WHERE (@districtCode::text IS NULL OR p.district_code = @districtCode) AND p.status IN ('proposed', 'approved')
              AND NOT EXISTS (SELECT 1 FROM capacity_additions a WHERE a.project_id = p.project_id)
            ORDER BY p.planned_in_use NULLS LAST, p.name
            """, new { districtCode }, cancellationToken))
        .Select(r => new PipelineProject(r.ProjectId, r.DistrictCode, r.ZoneId, r.ZoneName, r.SchoolId, r.Name,
            Enum.Parse<ProjectStatus>(r.Status, ignoreCase: true),
            JsonSerializer.Deserialize<List<StagePlaces>>(r.Places, JsonSerializerOptions.Web)!, r.PlannedInUse))
        .ToList();

    /// <summary>The project's zone, or its school's, when Planning knows it in the project's district; else null.</summary>
    public static Task<Guid?> ZoneOfAsync(
        NpgsqlTransaction transaction, FacilityProject project, CancellationToken cancellationToken) =>
        transaction.ScalarAsync<Guid?>("""
            SELECT coalesce(
                (SELECT id FROM zones WHERE id = @ZoneId AND district_code = @DistrictCode),
                (SELECT zone_id FROM schools WHERE id = @SchoolId AND district_code = @DistrictCode))
            """, project, cancellationToken);

    /// <summary>Records the project as of its event, unless a newer version is recorded already.</summary>
    public static Task SaveAsync(
        NpgsqlTransaction transaction, FacilityProject project, Guid zone, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO pipeline_projects (project_id, version, district_code, zone_id, school_id, name, status, places, planned_in_use)
            VALUES (@ProjectId, @Version, @DistrictCode, @zone, @SchoolId, @Name, @Status, @places::jsonb, @PlannedInUse)
            ON CONFLICT (project_id) DO UPDATE
                SET version = excluded.version, district_code = excluded.district_code, zone_id = excluded.zone_id,
                    school_id = excluded.school_id, name = excluded.name, status = excluded.status, places = excluded.places,
                    planned_in_use = excluded.planned_in_use, received_at = clock_timestamp()
            WHERE pipeline_projects.version < excluded.version
            """, new
        {
            project.ProjectId, project.Version, project.DistrictCode, zone, project.SchoolId, project.Name, project.Status,
            places = JsonSerializer.Serialize(project.Places, JsonSerializerOptions.Web), project.PlannedInUse,
        }, cancellationToken);

}
