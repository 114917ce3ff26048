using Npgsql;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;
using Platform.Facilities.Projects;

namespace Platform.Facilities.Shortfalls;

/// <summary>
/// Turns Planning's PlaceShortfallDetected into a proposal (谋划) for the zone and stage, or updates the one open, as
/// <see cref="ShortfallRules"/> decides; linked to the shortfall. The facility manager then chooses the school
/// (PUT /projects/{id}/school) before approval.
/// </summary>
public sealed class PlaceShortfallDetectedConsumer(
    Database dataSource, TimeProvider clock, ILogger<PlaceShortfallDetectedConsumer> logger)
    : IdempotentConsumer<PlaceShortfallDetected>(dataSource, logger)
{
    protected override async Task ApplyAsync(
        PlaceShortfallDetected message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        // Shortfalls of one zone and stage (its years) arrive together: taken one at a time, the first opens the
        // proposal and the others find it, instead of racing to insert it.
        await ProjectStore.LockShortfallsAsync(transaction, message.ZoneId, message.Stage, cancellationToken);
        var openId = await ProjectStore.OpenShortfallProposalAsync(transaction, message.ZoneId, message.Stage, cancellationToken);
        Project proposal;
        if (openId is { } id)
        {
            if (ShortfallRules.Update((await ProjectStore.FindAsync(connection, id, cancellationToken))!, message) is not { } updated)
                return;
            proposal = updated;
            await ProjectStore.UpdateAsync(transaction, proposal, cancellationToken);
        }
        else
        {
            proposal = ShortfallRules.Propose(message, clock.Today());
            await ProjectStore.InsertAsync(transaction, proposal, cancellationToken);
        }
        var school = await ProjectStore.SchoolOfAsync(connection, proposal, cancellationToken);
        await transaction.EnqueueAsync(ProjectLifecycle.Proposed(proposal, school), cancellationToken);
    }
}
