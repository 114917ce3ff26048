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
        foreach (var (stage, ratio) in await connection.ListAsync<(string, double)>(
                     "SELECT stage, pupils_per_teacher::float8 FROM staffing_ratios WHERE district_code = @districtCode",
                     new { districtCode }, cancellationToken))
            ratios[stage] = ratio;
        return ratios;
    }

    /// <summary>
    /// Every open or planned school of the district with its latest year's enrolment, its posts and its teachers on
    /// <paramref name="day"/>.
    /// </summary>
    public static async Task<IReadOnlyList<SchoolEstablishment>> SchoolsAsync(
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
        return rows.GroupBy(r => (r.SchoolId, r.SchoolName, r.Year)).Select(school =>
        {
            var pupils = school.Where(r => r.Stage is not null).ToDictionary(r => r.Stage!, r => r.Pupils);
            var staff = teachers[school.Key.SchoolId].ToList();
            return new SchoolEstablishment(school.Key.SchoolId, school.Key.SchoolName, school.Key.Year, pupils,
                EstablishmentRules.Required(pupils.Select(p => (p.Key, (double)p.Value)), ratios),
                approved.GetValueOrDefault(school.Key.SchoolId), staff.Count(t => t.Establishment == "in_establishment"),
                TeacherCodes.ArtsAndSports.Order().Where(subject => !staff.Any(t => t.Subjects.Contains(subject))).ToList(),
                // Enrolment of school year Y starts on 1 September Y: classes in use after that are not in it yet.
                commissioned[school.Key.SchoolId]
                    .Where(c => school.Key.Year is not { } year || c.InUseFrom > new DateOnly(year, 9, 1))
                    .Select(c => new ComingClasses(c.Stage, c.Classes, c.Places, c.InUseFrom,
                        EstablishmentRules.Required([(c.Stage, c.Places)], ratios))).ToList());
        }).ToList();
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
        snapshot.SingleOrDefaultAsync<(string ScenarioName, int BaseYear)?>(
            "SELECT scenario_name, base_year FROM forecast_publications WHERE district_code = @districtCode",
            new { districtCode }, cancellationToken);

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
        snapshot.ScalarAsync<int>(
            "SELECT count(*)::int FROM teachers WHERE district_code = @districtCode AND establishment = 'in_establishment'",
            new { districtCode }, cancellationToken);

    public static Task SetRatiosAsync(
        NpgsqlConnection connection, string districtCode, IReadOnlyDictionary<string, double> ratios,
        CancellationToken cancellationToken) =>
        connection.WriteAsync("""
            INSERT INTO staffing_ratios (district_code, stage, pupils_per_teacher)
            SELECT @districtCode, s, r FROM unnest(@stages, @ratios) AS x (s, r)
            ON CONFLICT (district_code, stage) DO UPDATE SET pupils_per_teacher = excluded.pupils_per_teacher
            """, new
        {
            districtCode, stages = ratios.Keys.ToArray(), ratios = ratios.Values.Select(r => (decimal)r).ToArray(),
        }, cancellationToken);
}
