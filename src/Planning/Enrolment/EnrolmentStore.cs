using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;
using Platform.Planning.Schools;

namespace Platform.Planning.Enrolment;

public sealed record EnrolmentView(
    Guid SchoolId, string SchoolName, string DistrictCode, int Grade, int Year, int Pupils, int? Local, int? Migrant);

public static class EnrolmentStore
{
    private sealed record SchoolStageRow(Guid Id, string Name, string DistrictCode, Guid ZoneId, string Status, string Stage);

    /// <summary>The schools of the registry (of one district when given) with the grades their stages cover.</summary>
    public static async Task<IReadOnlyList<SchoolGrades>> SchoolsAsync(
        NpgsqlConnection connection, string? districtCode, CancellationToken cancellationToken) =>
        (await connection.ListAsync<SchoolStageRow>("""
            SELECT s.id, s.name, s.district_code AS DistrictCode, s.zone_id AS ZoneId, s.status, st.stage
            FROM schools s
            JOIN school_stages st ON st.school_id = s.id
            WHERE @districtCode::text IS NULL OR s.district_code = @districtCode
            """, new { districtCode }, cancellationToken))
        .GroupBy(r => (r.Id, r.Name, r.DistrictCode, r.ZoneId, r.Status))
        .Select(g => new SchoolGrades(g.Key.Id, g.Key.Name, g.Key.DistrictCode, g.Key.ZoneId, g.Key.Status,
            g.SelectMany(r => Stage.All[r.Stage].Grades).ToHashSet()))
        .ToList();

    public static async Task<IReadOnlyList<EnrolmentView>> ListAsync(
        NpgsqlConnection connection, string? districtCode, Guid? schoolId, CancellationToken cancellationToken) =>
        (await connection.ListAsync<EnrolmentView>("""
            SELECT e.school_id AS SchoolId, s.name AS SchoolName, s.district_code AS DistrictCode,
                   e.grade, e.year, e.pupils, e.local, e.migrant
            FROM enrolment e
            JOIN schools s ON s.id = e.school_id
            WHERE (@districtCode::text IS NULL OR s.district_code = @districtCode) AND (@schoolId::uuid IS NULL OR e.school_id = @schoolId)
            ORDER BY s.district_code, s.name, e.year, e.grade
            """, new { districtCode, schoolId }, cancellationToken)).ToList();

    /// <summary>The pupils already stored for the (school, grade, year) keys of <paramref name="records"/>.</summary>
    public static async Task<Dictionary<(Guid, int, int), int>> ExistingAsync(
        NpgsqlConnection connection, IReadOnlyList<EnrolmentRecord> records, CancellationToken cancellationToken) =>
        (await connection.ListAsync<(Guid SchoolId, int Grade, int Year, int Pupils)>("""
            SELECT e.school_id, e.grade, e.year, e.pupils
            FROM enrolment e
            JOIN unnest(@schools, @grades, @years) AS wanted (school, grade, year)
                ON e.school_id = wanted.school AND e.grade = wanted.grade AND e.year = wanted.year
            """,
            new
            {
                schools = records.Select(r => r.SchoolId).ToArray(),
                grades = records.Select(r => r.Grade).ToArray(),
                years = records.Select(r => r.Year).ToArray()
            }, cancellationToken))
        .ToDictionary(r => (r.SchoolId, r.Grade, r.Year), r => r.Pupils);

    public static Task UpsertAsync(
        NpgsqlTransaction transaction, IReadOnlyList<EnrolmentRecord> records, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO enrolment (school_id, grade, year, pupils, local, migrant)
            SELECT *
            FROM unnest(@schools, @grades, @years, @pupils, @local, @migrant)
            ON CONFLICT (school_id, grade, year) DO UPDATE
                SET pupils = excluded.pupils, local = excluded.local, migrant = excluded.migrant, updated_at = now()
            """,
            new
            {
                schools = records.Select(r => r.SchoolId).ToArray(), grades = records.Select(r => r.Grade).ToArray(),
                years = records.Select(r => r.Year).ToArray(), pupils = records.Select(r => r.Pupils).ToArray(),
                local = records.Select(r => r.Local).ToArray(), migrant = records.Select(r => r.Migrant).ToArray(),
            }, cancellationToken);

    /// <summary>The stored stage totals of every school and year the records touched, one event per school, for Workforce.</summary>
    public static async Task<IReadOnlyList<EnrolmentRecorded>> RecordedAsync(
        NpgsqlTransaction transaction, IReadOnlyList<EnrolmentRecord> records, CancellationToken cancellationToken)
    {
        var rows = await transaction.ListAsync<(Guid SchoolId, string DistrictCode, int Year, int Grade, int Pupils)>("""
            SELECT e.school_id, s.district_code, e.year, e.grade, e.pupils
            FROM enrolment e
            JOIN schools s ON s.id = e.school_id
            JOIN (SELECT DISTINCT * FROM unnest(@schools, @years) AS t (school, year)) touched
                ON touched.school = e.school_id AND touched.year = e.year
            """,
            new { schools = records.Select(r => r.SchoolId).ToArray(), years = records.Select(r => r.Year).ToArray() },
            cancellationToken);
        var now = DateTimeOffset.UtcNow;
        return rows
            .GroupBy(r => (r.SchoolId, r.DistrictCode))
            .Select(school => new EnrolmentRecorded(school.Key.SchoolId, school.Key.DistrictCode, now,
                school.GroupBy(r => (r.Year, Stage: Forecasting.Grades.StageOf(r.Grade)))
                    .Select(g => new StagePupils(g.Key.Year, g.Key.Stage, g.Sum(r => r.Pupils)))
                    .OrderBy(p => p.Year)
                    .ThenBy(p => p.Stage, StringComparer.Ordinal)
                    .ToList()))
            .ToList();
    }
}
