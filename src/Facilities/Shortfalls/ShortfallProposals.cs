using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;
using Platform.Facilities.Projects;

namespace Platform.Facilities.Shortfalls;

/// <summary>
/// Turns Planning's PlaceShortfallDetected into a proposal (谋划) for the zone and stage, prefilled with the gap and
/// planned for the first year short, and linked to the shortfall. One open proposal answers a zone and stage: a later
/// announcement with a larger gap (another year, or a newer forecast) enlarges it. The facility manager then chooses
/// the school (PUT /projects/{id}/school) before approval.
/// </summary>
public sealed class PlaceShortfallDetectedConsumer(Database dataSource, ILogger<PlaceShortfallDetectedConsumer> logger)
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
        var places = (int)Math.Ceiling(message.ShortfallPlaces);
        Project proposal;
        if (openId is { } id)
        {
            var open = (await ProjectStore.FindAsync(connection, id, cancellationToken))!;
            if (open.ShortfallPlaces >= (decimal)message.ShortfallPlaces)
                return;
            proposal = open with
            {
                Version = open.Version + 1,
                ClassesAdded = message.ShortfallClasses,
                PlacesAdded = places,
                ShortfallForecastId = message.ForecastId,
                ShortfallFirstYear = message.FirstYear,
                ShortfallPlaces = (decimal)message.ShortfallPlaces,
            };
            await ProjectStore.UpdateAsync(transaction, proposal, cancellationToken);
        }
        else
        {
            proposal = new Project(Guid.CreateVersion7(), 1, null, message.DistrictCode, message.ZoneId,
                $"{SchoolStages.ChineseNames.GetValueOrDefault(message.Stage, message.Stage)}学位缺口谋划（{message.FirstYear}年起）", message.Stage,
                Math.Max(1, message.ShortfallClasses), places, ProjectStatus.Proposed, new DateOnly(message.FirstYear, 9, 1), null,
                message.ForecastId, message.FirstYear, (decimal)message.ShortfallPlaces);
            await ProjectStore.InsertAsync(transaction, proposal, cancellationToken);
        }
        var school = await ProjectStore.SchoolOfAsync(connection, proposal, cancellationToken);
        await transaction.EnqueueAsync(ProjectLifecycle.Proposed(proposal, school), cancellationToken);
    }
}
