using Npgsql;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;
using static Platform.Planning.Schools.SchoolQueries;

namespace Platform.Planning.Schools;

/// <summary>
/// Facilities put a project into use: the stage's capacity grows by the places it added, and the school's new
/// capacity is announced (SchoolUpdated) in the same transaction.
/// </summary>
public sealed class CapacityCommissionedConsumer(NpgsqlDataSource dataSource, ILogger<CapacityCommissionedConsumer> logger)
    : IdempotentConsumer<CapacityCommissioned>(dataSource, logger)
{
    protected override async Task ApplyAsync(CapacityCommissioned message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Both faults are retried, then parked in the error queue where they can be inspected and replayed.
        if (!Stage.All.ContainsKey(message.Stage))
            throw new InvalidOperationException($"Project {message.ProjectId} commissioned capacity for unknown stage '{message.Stage}'.");
        switch (await AddCapacityAsync(transaction, message, cancellationToken))
        {
            case CapacityAddition.UnknownSchool:
                throw new InvalidOperationException($"Project {message.ProjectId} commissioned capacity for unknown school {message.SchoolId}.");
            case CapacityAddition.AlreadyRecorded:
                logger.LogInformation("Capacity of project {ProjectId} was already recorded", message.ProjectId);
                return;
        }
        var school = (await FindAsync(transaction.Connection!, message.SchoolId, cancellationToken, transaction))!;
        await transaction.EnqueueAsync(SchoolEvents.Updated(school), cancellationToken);
    }
}
