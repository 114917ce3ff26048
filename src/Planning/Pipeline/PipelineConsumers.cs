using System.Text.Json;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;
using Platform.Planning.Schools;

namespace Platform.Planning.Pipeline;

/// <summary>
/// Keeps the facility pipeline from Facilities' project events: each carries the project's whole state, and the
/// newest version wins, so late or repeated events change nothing.
/// </summary>
public abstract class PipelineConsumer<TEvent>(Database dataSource, ILogger logger) : IdempotentConsumer<TEvent>(dataSource, logger)
    where TEvent : class, IFacilityProjectEvent
{
    protected override async Task ApplyAsync(TEvent message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var project = message.Project;
        // Faults are retried, then parked in the error queue where they can be inspected and replayed.
        if (project.Places.FirstOrDefault(p => !Stage.All.ContainsKey(p.Stage)) is { } unknown)
            throw new InvalidOperationException($"Project {project.ProjectId} adds places in unknown stage '{unknown.Stage}'.");
        var zone = await transaction.ScalarAsync<Guid?>("""
            SELECT coalesce(
                (SELECT id FROM zones WHERE id = @ZoneId AND district_code = @DistrictCode),
                (SELECT zone_id FROM schools WHERE id = @SchoolId AND district_code = @DistrictCode))
            """, project, cancellationToken)
            ?? throw new InvalidOperationException(
                $"Project {project.ProjectId} names neither a zone nor a school of district {project.DistrictCode} that Planning knows.");
        await transaction.WriteAsync("""
            INSERT INTO pipeline_projects (project_id, version, district_code, zone_id, school_id, name, status, places, planned_in_use)
            VALUES (@ProjectId, @Version, @DistrictCode, @zone, @SchoolId, @Name, @Status, @places::jsonb, @PlannedInUse)
            ON CONFLICT (project_id) DO UPDATE SET
                version = excluded.version, district_code = excluded.district_code, zone_id = excluded.zone_id,
                school_id = excluded.school_id, name = excluded.name, status = excluded.status, places = excluded.places,
                planned_in_use = excluded.planned_in_use, received_at = clock_timestamp()
            WHERE pipeline_projects.version < excluded.version
            """, new
        {
            project.ProjectId, project.Version, project.DistrictCode, zone, project.SchoolId, project.Name, project.Status,
            places = JsonSerializer.Serialize(project.Places, JsonSerializerOptions.Web), project.PlannedInUse,
        }, cancellationToken);
    }
}

public sealed class FacilityProjectProposedConsumer(Database dataSource, ILogger<FacilityProjectProposedConsumer> logger)
    : PipelineConsumer<FacilityProjectProposed>(dataSource, logger);

public sealed class FacilityProjectApprovedConsumer(Database dataSource, ILogger<FacilityProjectApprovedConsumer> logger)
    : PipelineConsumer<FacilityProjectApproved>(dataSource, logger);

public sealed class FacilityProjectScheduleChangedConsumer(Database dataSource, ILogger<FacilityProjectScheduleChangedConsumer> logger)
    : PipelineConsumer<FacilityProjectScheduleChanged>(dataSource, logger);

public sealed class FacilityProjectCancelledConsumer(Database dataSource, ILogger<FacilityProjectCancelledConsumer> logger)
    : PipelineConsumer<FacilityProjectCancelled>(dataSource, logger);
