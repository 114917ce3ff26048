using Npgsql;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;
using static Platform.Planning.Schools.SchoolQueries;

namespace Platform.Planning.Schools;

/// <summary>Facilities put a project into use: the school's capacity grows by the places it added.</summary>
public sealed class CapacityCommissionedConsumer(NpgsqlDataSource dataSource, ILogger<CapacityCommissionedConsumer> logger)
    : IdempotentConsumer<CapacityCommissioned>(dataSource, logger)
{
    protected override async Task ApplyAsync(CapacityCommissioned message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var result = await AddCapacityAsync(
            transaction, message.ProjectId, message.SchoolId, message.ClassesAdded, message.PlacesAdded, message.InUseFrom, cancellationToken);
        switch (result)
        {
            // Retried, then parked in the error queue where it can be inspected and replayed.
            case CapacityAddition.UnknownSchool:
                throw new InvalidOperationException($"Project {message.ProjectId} commissioned capacity for unknown school {message.SchoolId}.");
            case CapacityAddition.AlreadyRecorded:
                logger.LogInformation("Capacity of project {ProjectId} was already recorded", message.ProjectId);
                break;
        }
    }
}
