using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;
using Platform.Workforce.Teachers;

namespace Platform.Workforce.Establishment;

/// <summary>Establishment's tables: ratios, enrolment, posts, commissioned classes, forecast demand and requirements.</summary>
internal static class EstablishmentStore
{
    private sealed record Row(Guid SchoolId, string SchoolName, int? Year, string? Stage, int Pupils);

    public static async Task<IReadOnlyDictionary<string, double>> RatiosAsync(
        NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken)
    {
        var ratios = new Dictionary<string, double>(EstablishmentRules.DefaultPupilsPerTeacher);
        foreach (var (stage, ratio) in await connection.ListAsync<(string, double)>("""
                     SELECT stage, pupils_per_teacher::float8
                     FROM staffing_ratios
                     WHERE district_code = @districtCode
                     """, new { districtCode }, cancellationToken))
            ratios[stage] = ratio;
        return ratios;
    }

    /// <summary>
    /// Every open or planned school of the district with its latest year's enrolment, its posts and its teachers on
    /// <paramref name="day"/>.
    /// </summary>
    public static async Task<List<SchoolEstablishment>> SchoolsAsync(
        NpgsqlConnection connection, string districtCode, DateOnly day, CancellationToken cancellationToken)
    {
        var ratios = await RatiosAsync(connection, districtCode, cancellationToken);
        var rows = await connection.ListAsync<Row>("""
            SELECT k.id AS SchoolId, k.name AS SchoolName, e.year, e.stage, coalesce(e.pupils, 0) AS Pupils
            FROM known_schools k
            LEFT JOIN school_enrolment e
              ON e.school_id = k.id AND e.year = (SELECT max(year) FROM school_enrolment WHERE school_id = k.id)
            WHERE k.district_code = @districtCode AND k.status IN ('open', 'planned')
            ORDER BY k.name
            """, new { districtCode }, cancellationToken);
        var approved = (await connection.ListAsync<(Guid SchoolId, int Approved)>("""
            SELECT p.school_id, sum(p.approved)::int
            FROM school_posts p
            JOIN known_schools k ON k.id = p.school_id
            WHERE k.district_code = @districtCode
            GROUP BY p.school_id
            """, new { districtCode }, cancellationToken)).ToDictionary(a => a.SchoolId, a => a.Approved);
        var teachers = (await TeacherStore.ListAsync(connection, districtCode, null, day, cancellationToken))
            .ToLookup(t => t.SchoolId);
        var commissioned = (await connection.ListAsync<(Guid SchoolId, string Stage, int Classes, int Places, DateOnly InUseFrom)>("""
            SELECT c.school_id, c.stage, c.classes, c.places, c.in_use_from
            FROM commissioned_classes c
            JOIN known_schools k ON k.id = c.school_id
            WHERE k.district_code = @districtCode
            ORDER BY c.in_use_from
            """, new { districtCode }, cancellationToken)).ToLookup(c => c.SchoolId);
        return [.. rows.GroupBy(r => (r.SchoolId, r.SchoolName, r.Year)).Select(school => EstablishmentRules.School(
            school.Key.SchoolId, school.Key.SchoolName, school.Key.Year,
            school.Where(r => r.Stage is not null).ToDictionary(r => r.Stage!, r => r.Pupils),
            approved.GetValueOrDefault(school.Key.SchoolId), [.. teachers[school.Key.SchoolId]],
            [.. commissioned[school.Key.SchoolId].Select(c => (c.Stage, c.Classes, c.Places, c.InUseFrom))], ratios))];
    }

    public static Task<List<StaffingRequirementView>> StaffingRequirementsAsync(
        NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken) =>
        connection.ListAsync<StaffingRequirementView>("""
            SELECT project_id AS ProjectId, milestone, school_id AS SchoolId, stage, classes, places, from_date AS FromDate,
                   new_school AS NewSchool, teachers_needed AS TeachersNeeded, surplus, outcome
            FROM staffing_requirements
            WHERE district_code = @districtCode
            ORDER BY received_at
            """, new { districtCode }, cancellationToken);

    /// <summary>The official forecast's scenario and base year, if one was published for the district.</summary>
    public static Task<(string ScenarioName, int BaseYear)?> PublicationAsync(
        NpgsqlTransaction snapshot, string districtCode, CancellationToken cancellationToken) =>
        snapshot.SingleOrDefaultAsync<(string ScenarioName, int BaseYear)?>("""
            SELECT scenario_name, base_year
            FROM forecast_publications
            WHERE district_code = @districtCode
            """, new { districtCode }, cancellationToken);

    /// <summary>The official forecast's pupils by year and stage, over the district's zones.</summary>
    public static Task<List<(int Year, string Stage, double Pupils)>> ForecastDemandAsync(
        NpgsqlTransaction snapshot, string districtCode, CancellationToken cancellationToken) =>
        snapshot.ListAsync<(int Year, string Stage, double Pupils)>("""
            SELECT year, stage, sum(pupils)::float8
            FROM forecast_demand
            WHERE district_code = @districtCode
            GROUP BY year, stage
            ORDER BY year, stage
            """, new { districtCode }, cancellationToken);

    public static Task<int> TeachersInEstablishmentAsync(
        NpgsqlTransaction snapshot, string districtCode, CancellationToken cancellationToken) =>
        snapshot.ScalarAsync<int>("""
            SELECT count(*)::int
            FROM teachers
            WHERE district_code = @districtCode AND establishment = 'in_establishment'
            """, new { districtCode }, cancellationToken);

    /// <summary>Records a school's enrolment by stage and year, except where newer totals are recorded already.</summary>
    public static Task RecordEnrolmentAsync(
        NpgsqlTransaction transaction, EnrolmentRecorded enrolment, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO school_enrolment (school_id, year, stage, pupils, recorded_at)
            SELECT @SchoolId, y, s, p, @RecordedAt
            FROM unnest(@years, @stages, @pupils) AS x (y, s, p)
            ON CONFLICT (school_id, year, stage) DO UPDATE
                SET pupils = excluded.pupils, recorded_at = excluded.recorded_at
            WHERE school_enrolment.recorded_at < excluded.recorded_at
            """, new
        {
            enrolment.SchoolId, enrolment.RecordedAt, years = enrolment.Pupils.Select(p => p.Year).ToArray(),
            stages = enrolment.Pupils.Select(p => p.Stage).ToArray(), pupils = enrolment.Pupils.Select(p => p.Pupils).ToArray(),
        }, cancellationToken);

    /// <summary>Records the classes a project put into use, once per project and stage.</summary>
    public static Task RecordCommissionedAsync(
        NpgsqlTransaction transaction, CapacityCommissioned commissioned, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO commissioned_classes (project_id, school_id, stage, classes, places, in_use_from)
            VALUES (@ProjectId, @SchoolId, @Stage, @ClassesAdded, @PlacesAdded, @InUseFrom)
            ON CONFLICT (project_id, stage) DO NOTHING
            """, commissioned, cancellationToken);

    /// <returns>Whether the publication is the district's newest, and so recorded.</returns>
    public static async Task<bool> RecordPublicationAsync(
        NpgsqlTransaction transaction, PlaceDemandForecastPublished publication, CancellationToken cancellationToken) =>
        await transaction.WriteAsync("""
            INSERT INTO forecast_publications (district_code, forecast_id, scenario_name, base_year, published_at)
            VALUES (@DistrictCode, @ForecastId, @ScenarioName, @BaseYear, @PublishedAt)
            ON CONFLICT (district_code) DO UPDATE
                SET forecast_id = excluded.forecast_id, scenario_name = excluded.scenario_name,
                    base_year = excluded.base_year, published_at = excluded.published_at
            WHERE forecast_publications.published_at < excluded.published_at
            """, publication, cancellationToken) != 0;

    /// <summary>Replaces the district's forecast demand with the publication's.</summary>
    public static Task ReplaceDemandAsync(
        NpgsqlTransaction transaction, PlaceDemandForecastPublished publication, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            DELETE FROM forecast_demand
            WHERE district_code = @district;
            INSERT INTO forecast_demand (district_code, zone_id, stage, year, pupils)
            SELECT @district, z, s, y, p
            FROM unnest(@zones, @stages, @years, @pupils) AS x (z, s, y, p);
            """, new
        {
            district = publication.DistrictCode,
            zones = publication.Demand.Select(d => d.ZoneId).ToArray(),
            stages = publication.Demand.Select(d => d.Stage).ToArray(),
            years = publication.Demand.Select(d => d.Year).ToArray(),
            pupils = publication.Demand.Select(d => (decimal)d.Pupils).ToArray(),
        }, cancellationToken);

    /// <summary>Records the answer to a staffing requirement: committed when covered, else a risk.</summary>
    /// <returns>false when the project's milestone and stage was answered already.</returns>
    public static async Task<bool> RecordRequirementAsync(
        NpgsqlTransaction transaction, StaffingRequirementRaised requirement, int needed, int surplus, bool covered,
        CancellationToken cancellationToken) =>
        await transaction.WriteAsync("""
            INSERT INTO staffing_requirements (project_id, milestone, district_code, school_id, stage, classes, places,
                                               from_date, new_school, teachers_needed, surplus, outcome)
            VALUES (@ProjectId, @Milestone, @DistrictCode, @SchoolId, @Stage, @Classes, @Places,
                    @From, @NewSchool, @needed, @surplus, @outcome)
            ON CONFLICT (project_id, milestone, stage) DO NOTHING
            """, new
        {
            requirement.ProjectId, requirement.Milestone, requirement.DistrictCode, requirement.SchoolId, requirement.Stage,
            requirement.Classes, requirement.Places, requirement.From, requirement.NewSchool, needed, surplus,
            outcome = covered ? "committed" : "risk",
        }, cancellationToken) != 0;

    public static Task SetRatiosAsync(
        NpgsqlConnection connection, string districtCode, IReadOnlyDictionary<string, double> ratios,
        CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            INSERT INTO staffing_ratios (district_code, stage, pupils_per_teacher)
            SELECT @districtCode, s, r
            FROM unnest(@stages, @ratios) AS x (s, r)
            ON CONFLICT (district_code, stage) DO UPDATE
                SET pupils_per_teacher = excluded.pupils_per_teacher
            """, new
        {
            districtCode, stages = ratios.Keys.ToArray(), ratios = ratios.Values.Select(r => (decimal)r).ToArray(),
        }, cancellationToken);
}
