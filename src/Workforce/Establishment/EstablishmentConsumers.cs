using Npgsql;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;

namespace Platform.Workforce.Establishment;

/// <summary>
/// Keeps each school's enrolment by stage and year from Planning; the newest totals win whatever order they arrive in.
/// </summary>
public sealed class EnrolmentRecordedConsumer(Database dataSource, ILogger<EnrolmentRecordedConsumer> logger)
    : IdempotentConsumer<EnrolmentRecorded>(dataSource, logger)
{
    protected override Task ApplyAsync(
        EnrolmentRecorded message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        EstablishmentStore.RecordEnrolmentAsync(transaction, message, cancellationToken);
}

/// <summary>Records classes Facilities put into use, once per project.</summary>
public sealed class CapacityCommissionedConsumer(Database dataSource, ILogger<CapacityCommissionedConsumer> logger)
    : IdempotentConsumer<CapacityCommissioned>(dataSource, logger)
{
    protected override Task ApplyAsync(
        CapacityCommissioned message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        EstablishmentStore.RecordCommissionedAsync(transaction, message, cancellationToken);
}

/// <summary>Keeps the district's official forecast: a newer publication replaces the demand of the one before.</summary>
public sealed class PlaceDemandForecastPublishedConsumer(Database dataSource, ILogger<PlaceDemandForecastPublishedConsumer> logger)
    : IdempotentConsumer<PlaceDemandForecastPublished>(dataSource, logger)
{
    protected override async Task ApplyAsync(
        PlaceDemandForecastPublished message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (await EstablishmentStore.RecordPublicationAsync(transaction, message, cancellationToken))
            await EstablishmentStore.ReplaceDemandAsync(transaction, message, cancellationToken);
    }
}

/// <summary>
/// Answers Facilities' staffing requirement: committed when the district's surplus 在编 teachers (over what their
/// schools' enrolment requires) cover the teachers the new places need, otherwise a risk with the teachers missing.
/// Each project, milestone and stage is answered once.
/// </summary>
public sealed class StaffingRequirementRaisedConsumer(
    Database dataSource, TimeProvider clock, ILogger<StaffingRequirementRaisedConsumer> logger)
    : IdempotentConsumer<StaffingRequirementRaised>(dataSource, logger)
{
    protected override async Task ApplyAsync(
        StaffingRequirementRaised message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        var schools = await EstablishmentStore.SchoolsAsync(connection, message.DistrictCode, clock.Today(), cancellationToken);
        var surplus = EstablishmentRules.Surplus(schools);
        var (needed, covered) = EstablishmentRules.Assess(message.Stage, message.Places, surplus,
            await EstablishmentStore.RatiosAsync(connection, message.DistrictCode, cancellationToken));
        if (!await EstablishmentStore.RecordRequirementAsync(transaction, message, needed, surplus, covered, cancellationToken))
            return;
        if (covered)
            await transaction.EnqueueAsync(new StaffingPlanCommitted(
                message.ProjectId, message.SchoolId, message.Stage, message.From, needed, surplus), cancellationToken);
        else
            await transaction.EnqueueAsync(new StaffingRiskRaised(
                message.ProjectId, message.SchoolId, message.Stage, message.From, needed, surplus, needed - surplus,
                $"{needed} teachers are needed from {message.From:yyyy-MM-dd}; "
                + $"the district's schools have {surplus} beyond what their enrolment requires."), cancellationToken);
    }
}
