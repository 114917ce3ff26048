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
        var zone = await PipelineStore.ZoneOfAsync(transaction, project, cancellationToken)
            ?? throw new InvalidOperationException(
                $"Project {project.ProjectId} names neither a zone nor a school of district {project.DistrictCode} that Planning knows.");
        await PipelineStore.SaveAsync(transaction, project, zone, cancellationToken);
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
