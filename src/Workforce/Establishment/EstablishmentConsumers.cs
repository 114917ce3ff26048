using Platform.BuildingBlocks;
using Npgsql;
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
        transaction.WriteAsync("""
            INSERT INTO school_enrolment (school_id, year, stage, pupils, recorded_at)
            SELECT @SchoolId, y, s, p, @RecordedAt FROM unnest(@years, @stages, @pupils) AS x (y, s, p)
            ON CONFLICT (school_id, year, stage) DO UPDATE SET pupils = excluded.pupils, recorded_at = excluded.recorded_at
            WHERE school_enrolment.recorded_at < excluded.recorded_at
            """, new
        {
            message.SchoolId, message.RecordedAt, years = message.Pupils.Select(p => p.Year).ToArray(),
            stages = message.Pupils.Select(p => p.Stage).ToArray(), pupils = message.Pupils.Select(p => p.Pupils).ToArray(),
        }, cancellationToken);
}

/// <summary>Records classes Facilities put into use, once per project.</summary>
public sealed class CapacityCommissionedConsumer(Database dataSource, ILogger<CapacityCommissionedConsumer> logger)
    : IdempotentConsumer<CapacityCommissioned>(dataSource, logger)
{
    protected override Task ApplyAsync(
        CapacityCommissioned message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO commissioned_classes (project_id, school_id, stage, classes, places, in_use_from)
            VALUES (@ProjectId, @SchoolId, @Stage, @ClassesAdded, @PlacesAdded, @InUseFrom)
            ON CONFLICT (project_id, stage) DO NOTHING
            """, message, cancellationToken);
}

/// <summary>Keeps the district's official forecast: a newer publication replaces the demand of the one before.</summary>
public sealed class PlaceDemandForecastPublishedConsumer(Database dataSource, ILogger<PlaceDemandForecastPublishedConsumer> logger)
    : IdempotentConsumer<PlaceDemandForecastPublished>(dataSource, logger)
{
    protected override async Task ApplyAsync(
        PlaceDemandForecastPublished message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var newer = await transaction.WriteAsync("""
            INSERT INTO forecast_publications (district_code, forecast_id, scenario_name, base_year, published_at)
            VALUES (@DistrictCode, @ForecastId, @ScenarioName, @BaseYear, @PublishedAt)
            ON CONFLICT (district_code) DO UPDATE
                SET forecast_id = excluded.forecast_id, scenario_name = excluded.scenario_name,
                    base_year = excluded.base_year, published_at = excluded.published_at
            WHERE forecast_publications.published_at < excluded.published_at
            """, message, cancellationToken);
        if (newer == 0)
            return;
        await transaction.WriteAsync("""
            DELETE FROM forecast_demand WHERE district_code = @district;
            INSERT INTO forecast_demand (district_code, zone_id, stage, year, pupils)
            SELECT @district, z, s, y, p FROM unnest(@zones, @stages, @years, @pupils) AS x (z, s, y, p);
            """, new
        {
            district = message.DistrictCode,
            zones = message.Demand.Select(d => d.ZoneId).ToArray(),
            stages = message.Demand.Select(d => d.Stage).ToArray(),
            years = message.Demand.Select(d => d.Year).ToArray(),
            pupils = message.Demand.Select(d => (decimal)d.Pupils).ToArray(),
        }, cancellationToken);
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
        var surplus = EstablishmentRules.Surplus(schools.Select(s => (s.Actual, s.Required)));
        var (needed, covered) = EstablishmentRules.Assess(message.Stage, message.Places, surplus,
            await EstablishmentStore.RatiosAsync(connection, message.DistrictCode, cancellationToken));
        var requirement = new
        {
            message.ProjectId, message.Milestone, message.DistrictCode, message.SchoolId, message.Stage, message.Classes,
            message.Places, message.From, message.NewSchool, needed, surplus, outcome = covered ? "committed" : "risk",
        };
        var recorded = await transaction.WriteAsync("""
            INSERT INTO staffing_requirements (project_id, milestone, district_code, school_id, stage, classes, places,
                                               from_date, new_school, teachers_needed, surplus, outcome)
            VALUES (@ProjectId, @Milestone, @DistrictCode, @SchoolId, @Stage, @Classes, @Places,
                    @From, @NewSchool, @needed, @surplus, @outcome)
            ON CONFLICT (project_id, milestone, stage) DO NOTHING
            """, requirement, cancellationToken);
        if (recorded == 0)
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
