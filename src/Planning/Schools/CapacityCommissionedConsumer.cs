using Npgsql;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;
using static Platform.Planning.Schools.SchoolStore;

namespace Platform.Planning.Schools;

/// <summary>
/// Facilities put a project into use: the stage's capacity grows by the places it added, and the school's new
/// capacity is announced (SchoolUpdated) in the same transaction. A school the project built that the registry did not
/// have is registered first (SchoolRegistered).
/// </summary>
public sealed class CapacityCommissionedConsumer(Database dataSource, ILogger<CapacityCommissionedConsumer> logger)
    : IdempotentConsumer<CapacityCommissioned>(dataSource, logger)
{
    protected override async Task ApplyAsync(
        CapacityCommissioned message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Both faults are retried, then parked in the error queue where they can be inspected and replayed.
        if (!Stage.All.ContainsKey(message.Stage))
            throw new InvalidOperationException($"Project {message.ProjectId} commissioned capacity for unknown stage '{message.Stage}'.");
        if (message.NewSchool is { } details
            && await FindAsync(transaction.Connection!, message.SchoolId, cancellationToken, transaction) is null)
            await RegisterAsync(transaction, message, details, cancellationToken);
        switch (await AddCapacityAsync(transaction, message, cancellationToken))
        {
            case CapacityAddition.UnknownSchool:
                throw new InvalidOperationException(
                    $"Project {message.ProjectId} commissioned capacity for unknown school {message.SchoolId}.");
            case CapacityAddition.AlreadyRecorded:
                logger.LogInformation("Capacity of project {ProjectId} was already recorded", message.ProjectId);
                return;
        }
        var school = (await FindAsync(transaction.Connection!, message.SchoolId, cancellationToken, transaction))!;
        await transaction.EnqueueAsync(SchoolEvents.Updated(school), cancellationToken);
    }

    /// <summary>
    /// Registers the school a project built that the registry did not have: open from the school year it is in use,
    /// with the stage and no classes of its own, so its places are the project's (added next) and counted once.
    /// </summary>
    private static async Task RegisterAsync(
        NpgsqlTransaction transaction, CapacityCommissioned message, NewSchoolDetails details, CancellationToken cancellationToken)
    {
        var stage = Stage.All[message.Stage];
        await InsertAsync(transaction, message.SchoolId,
            new SchoolDraft(details.Name, details.DistrictCode, details.ZoneId, null, details.Ownership, SchoolStatus.Open,
                Clocks.SchoolYearFrom(message.InUseFrom),
                [new StageDraft(message.Stage, stage.DefaultClassSizeNorm, stage.Grades.Select(_ => 0).ToList())]),
            cancellationToken);
        await transaction.EnqueueAsync(
            SchoolEvents.Registered((await FindAsync(transaction.Connection!, message.SchoolId, cancellationToken, transaction))!),
            cancellationToken);
    }
}
