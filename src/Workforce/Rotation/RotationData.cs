using Dapper;
using Npgsql;
using Platform.Workforce.Teachers;

namespace Platform.Workforce.Rotation;

/// <summary>Loads a district's open schools and teachers as the rotation planner sees them.</summary>
public static class RotationData
{
    private sealed record SchoolRow(Guid Id, string Name, Guid ZoneId, string? GroupName, int Strength);

    /// <summary>
    /// Schools without a profile count as middling (strength 3) and in no group. A school's balance in a subject is its
    /// 在编 teachers of that main subject minus the posts approved for it; subjects without approved posts are balanced.
    /// </summary>
    public static async Task<(IReadOnlyList<RotationTeacher> Teachers, IReadOnlyList<RotationSchool> Schools)> LoadAsync(
        NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken)
    {
        var schools = (await connection.QueryAsync<SchoolRow>(new CommandDefinition("""
            SELECT k.id, k.name, k.zone_id AS ZoneId, p.group_name AS GroupName, coalesce(p.strength, 3) AS Strength
            FROM known_schools k LEFT JOIN school_profiles p ON p.school_id = k.id
            WHERE k.district_code = @districtCode AND k.status = 'open'
            """, new { districtCode }, cancellationToken: cancellationToken))).ToList();
        var posts = (await connection.QueryAsync<(Guid SchoolId, string Subject, int Approved)>(new CommandDefinition("""
            SELECT p.school_id, p.subject, p.approved FROM school_posts p JOIN known_schools k ON k.id = p.school_id WHERE k.district_code = @districtCode
            """, new { districtCode }, cancellationToken: cancellationToken))).ToList();
        var teachers = await TeacherQueries.ListAsync(connection, districtCode, null, cancellationToken);

        var actual = teachers.Where(t => t.Establishment == "in_establishment").GroupBy(t => (t.SchoolId, t.Subjects[0])).ToDictionary(g => g.Key, g => g.Count());
        var balances = posts.GroupBy(p => p.SchoolId).ToDictionary(g => g.Key,
            g => (IReadOnlyDictionary<string, int>)g.ToDictionary(p => p.Subject, p => actual.GetValueOrDefault((p.SchoolId, p.Subject)) - p.Approved));
        return (
            teachers.Select(ToRotationTeacher).ToList(),
            schools.Select(s => new RotationSchool(s.Id.ToString(), s.Name, s.ZoneId.ToString(), s.GroupName, s.Strength,
                balances.GetValueOrDefault(s.Id, new Dictionary<string, int>()))).ToList());
    }

    public static RotationTeacher ToRotationTeacher(TeacherView t) => new(
        t.Id.ToString(), t.Name, t.Gender == "male" ? Gender.Male : Gender.Female, t.BirthDate, t.SchoolId.ToString(), t.AtSchoolSince, t.Subjects[0],
        t.Establishment == "in_establishment", Enum.Parse<BackboneLevel>(t.Backbone, ignoreCase: true), t.Role == "principal" ? Role.Principal : Role.Teacher,
        t.Exemption);
}
