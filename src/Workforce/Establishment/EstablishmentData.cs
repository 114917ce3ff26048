using Dapper;
using Npgsql;
using Platform.Workforce.Teachers;

namespace Platform.Workforce.Establishment;

/// <summary>Classes put into use after the school year the enrolment shows, and the teachers their places will need.</summary>
public sealed record ComingClasses(string Stage, int Classes, int Places, DateOnly InUseFrom, int TeachersNeeded);

/// <summary>
/// A school's establishment: required teachers from its latest enrolment, approved posts (核定) and 在编 teachers; and
/// commissioned classes the enrolment does not show yet.
/// </summary>
public sealed record SchoolEstablishment(
    Guid SchoolId, string SchoolName, int? Year, IReadOnlyDictionary<string, int> Pupils, int Required, int Approved, int Actual,
    IReadOnlyList<string> MissingArtsAndSports, IReadOnlyList<ComingClasses> Coming)
{
    /// <summary>Above 0: over-staffed (超编) against the requirement; below 0: short (缺编).</summary>
    public int AgainstRequired => Actual - Required;
    public int AgainstApproved => Actual - Approved;
}

public static class EstablishmentData
{
    private sealed record Row(Guid SchoolId, string SchoolName, int? Year, string? Stage, int Pupils);

    public static async Task<IReadOnlyDictionary<string, double>> RatiosAsync(NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken)
    {
        var ratios = new Dictionary<string, double>(EstablishmentRules.DefaultPupilsPerTeacher);
        foreach (var (stage, ratio) in await connection.QueryAsync<(string, double)>(new CommandDefinition(
                     "SELECT stage, pupils_per_teacher::float8 FROM staffing_ratios WHERE district_code = @districtCode", new { districtCode }, cancellationToken: cancellationToken)))
            ratios[stage] = ratio;
        return ratios;
    }

    /// <summary>Every open or planned school of the district with its latest year's enrolment, its posts and its teachers.</summary>
    public static async Task<IReadOnlyList<SchoolEstablishment>> SchoolsAsync(NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken)
    {
        var ratios = await RatiosAsync(connection, districtCode, cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT k.id AS SchoolId, k.name AS SchoolName, e.year, e.stage, coalesce(e.pupils, 0) AS Pupils
            FROM known_schools k
            LEFT JOIN school_enrolment e ON e.school_id = k.id AND e.year = (SELECT max(year) FROM school_enrolment WHERE school_id = k.id)
            WHERE k.district_code = @districtCode AND k.status IN ('open', 'planned')
            ORDER BY k.name
            """, new { districtCode }, cancellationToken: cancellationToken));
        var approved = (await connection.QueryAsync<(Guid SchoolId, int Approved)>(new CommandDefinition("""
            SELECT p.school_id, sum(p.approved)::int FROM school_posts p JOIN known_schools k ON k.id = p.school_id
            WHERE k.district_code = @districtCode GROUP BY p.school_id
            """, new { districtCode }, cancellationToken: cancellationToken))).ToDictionary(a => a.SchoolId, a => a.Approved);
        var teachers = (await TeacherQueries.ListAsync(connection, districtCode, null, cancellationToken)).ToLookup(t => t.SchoolId);
        var commissioned = (await connection.QueryAsync<(Guid SchoolId, string Stage, int Classes, int Places, DateOnly InUseFrom)>(new CommandDefinition("""
            SELECT c.school_id, c.stage, c.classes, c.places, c.in_use_from FROM commissioned_classes c JOIN known_schools k ON k.id = c.school_id
            WHERE k.district_code = @districtCode ORDER BY c.in_use_from
            """, new { districtCode }, cancellationToken: cancellationToken))).ToLookup(c => c.SchoolId);
        return rows.GroupBy(r => (r.SchoolId, r.SchoolName, r.Year)).Select(school =>
        {
            var pupils = school.Where(r => r.Stage is not null).ToDictionary(r => r.Stage!, r => r.Pupils);
            var staff = teachers[school.Key.SchoolId].ToList();
            return new SchoolEstablishment(school.Key.SchoolId, school.Key.SchoolName, school.Key.Year, pupils,
                EstablishmentRules.Required(pupils.Select(p => (p.Key, (double)p.Value)), ratios),
                approved.GetValueOrDefault(school.Key.SchoolId), staff.Count(t => t.Establishment == "in_establishment"),
                TeacherCodes.ArtsAndSports.Order().Where(subject => !staff.Any(t => t.Subjects.Contains(subject))).ToList(),
                // Enrolment of school year Y starts on 1 September Y: classes in use after that are not in it yet.
                commissioned[school.Key.SchoolId].Where(c => school.Key.Year is not { } year || c.InUseFrom > new DateOnly(year, 9, 1))
                    .Select(c => new ComingClasses(c.Stage, c.Classes, c.Places, c.InUseFrom, EstablishmentRules.Required([(c.Stage, c.Places)], ratios))).ToList());
        }).ToList();
    }
}
