using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.Contracts;

namespace Platform.Workforce.Teachers;

/// <summary>The teachers and their postings: where each taught, from and to, how they moved, and corrections.</summary>
public static class TeacherStore
{
    private const string Columns = """
        t.id, t.staff_number AS StaffNumber, t.name, t.gender, t.birth_date AS BirthDate, t.district_code AS DistrictCode,
        t.school_id AS SchoolId, s.name AS SchoolName, t.at_school_since AS AtSchoolSince, t.subjects, t.title, t.backbone,
        t.establishment, t.hired_on AS HiredOn, t.role, t.exemption, t.exemption_note AS ExemptionNote,
        t.exemption_from AS ExemptionFrom, t.exemption_to AS ExemptionTo, t.stage
        """;

    /// <summary>The teachers of a district (or of a school) at the schools their postings put them in on <paramref name="day"/>.</summary>
    public static async Task<IReadOnlyList<TeacherView>> ListAsync(
        NpgsqlConnection connection, string? districtCode, Guid? schoolId, DateOnly day, CancellationToken cancellationToken) =>
        (await connection.ListAsync<TeacherView>($"""
            SELECT {Columns}
            FROM teachers_on(@day) t
            JOIN known_schools s ON s.id = t.school_id
            WHERE (@districtCode::text IS NULL OR t.district_code = @districtCode)
              AND (@schoolId::uuid IS NULL OR t.school_id = @schoolId)
            ORDER BY t.district_code, s.name, t.staff_number
            """, new { districtCode, schoolId, day }, cancellationToken)).ToList();

    /// <summary>A teacher, by id or by district and staff number, at the school their postings put them in on the day.</summary>
    public static async Task<TeacherView?> FindAsync(
        NpgsqlConnection connection, Guid? id, (string District, string StaffNumber)? number, DateOnly day,
        CancellationToken cancellationToken) =>
        await connection.SingleOrDefaultAsync<TeacherView>($"""
            SELECT {Columns}
            FROM teachers_on(@day) t
            JOIN known_schools s ON s.id = t.school_id
            WHERE t.id = @id OR (t.district_code = @district AND t.staff_number = @staffNumber)
            """, new { id, district = number?.District, staffNumber = number?.StaffNumber, day }, cancellationToken);

    public static async Task<IReadOnlyList<Posting>> PostingsAsync(
        NpgsqlConnection connection, Guid teacherId, CancellationToken cancellationToken) =>
        (await connection.ListAsync<Posting>("""
            SELECT p.school_id AS SchoolId, s.name AS SchoolName, p.from_date AS FromDate, p.to_date AS ToDate, p.origin,
                   p.correction
            FROM teacher_postings p
            LEFT JOIN known_schools s ON s.id = p.school_id
            WHERE p.teacher_id = @teacherId
            ORDER BY p.from_date
            """, new { teacherId }, cancellationToken)).ToList();

    /// <summary>
    /// Holds the teacher's row until the transaction ends: whatever changes their postings (a correction, an import, a
    /// rotation plan's step) takes them one at a time, each reading the history the other left.
    /// </summary>
    public static Task LockAsync(NpgsqlTransaction transaction, Guid teacherId, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            SELECT id
            FROM teachers
            WHERE id = @teacherId
            FOR UPDATE
            """, new { teacherId }, cancellationToken);

    /// <summary>
    /// Corrects a posting: its school and first day, for a reason. The posting before it now ends the day before; when
    /// it is the current one, the teacher's record follows. The audit trail records who did it.
    /// </summary>
    public static async Task CorrectAsync(
        NpgsqlTransaction transaction, Guid teacherId, Posting posting, Guid schoolId, DateOnly from, string reason,
        CancellationToken cancellationToken)
    {
        await transaction.WriteAsync("""
            UPDATE teacher_postings
            SET school_id = @schoolId, from_date = @from, correction = @reason
            WHERE teacher_id = @teacherId AND from_date = @was;

            UPDATE teacher_postings
            SET to_date = @from - 1
            WHERE teacher_id = @teacherId AND from_date < @from AND to_date = @was - 1;

            UPDATE teachers
            SET school_id = @schoolId, at_school_since = @from, updated_at = now()
            WHERE id = @teacherId AND @current;
            """, new { teacherId, schoolId, from, reason, was = posting.FromDate, current = posting.ToDate is null },
            cancellationToken);
    }

    /// <summary>The district of a school the directory knows, or null.</summary>
    public static Task<string?> DistrictOfSchoolAsync(NpgsqlConnection connection, Guid schoolId, CancellationToken cancellationToken) =>
        connection.SingleOrDefaultAsync<string>("""
            SELECT district_code
            FROM known_schools
            WHERE id = @schoolId
            """, new { schoolId }, cancellationToken);

    /// <summary>What every teacher in the scope's history says, by identity, for the import's check (on <paramref name="day"/>).</summary>
    public static async Task<Dictionary<string, CurrentPosting>> CurrentPostingsAsync(
        NpgsqlConnection connection, string scopePrefix, DateOnly day, CancellationToken cancellationToken) =>
        (await connection.ListAsync<PostingRow>("""
            SELECT t.district_code AS DistrictCode, t.staff_number AS StaffNumber, p.school_id AS LatestSchoolId,
                   p.from_date AS LatestFrom, t.school_id AS RecordSchoolId, t.at_school_since AS RecordSince,
                   d.school_id AS TodaySchoolId, d.at_school_since AS TodaySince
            FROM teachers t
            JOIN teacher_postings p ON p.teacher_id = t.id AND p.to_date IS NULL
            JOIN teachers_on(@day) d ON d.id = t.id
            WHERE starts_with(t.district_code, @scopePrefix)
            """, new { scopePrefix, day }, cancellationToken))
        .ToDictionary(p => IdentityOf(p.DistrictCode, p.StaffNumber), p => new CurrentPosting(p.LatestSchoolId, p.LatestFrom,
            new HashSet<(Guid, DateOnly)>
            {
                (p.RecordSchoolId, p.RecordSince), (p.TodaySchoolId, p.TodaySince), (p.LatestSchoolId, p.LatestFrom),
            }));

    private sealed record PostingRow(
        string DistrictCode, string StaffNumber, Guid LatestSchoolId, DateOnly LatestFrom, Guid RecordSchoolId,
        DateOnly RecordSince, Guid TodaySchoolId, DateOnly TodaySince);

    /// <summary>
    /// A teacher's identity: their staff number within their district. Another district's teacher with the same number
    /// is another person, and is neither matched nor seen (the district scope hides it).
    /// </summary>
    public static string IdentityOf(string districtCode, string staffNumber) => $"{districtCode}/{staffNumber}";

    /// <summary>The stored records of the teachers in <paramref name="records"/>, by identity, for the preview.</summary>
    public static async Task<Dictionary<string, TeacherRecord>> ExistingAsync(
        NpgsqlConnection connection, IReadOnlyList<TeacherRecord> records, CancellationToken cancellationToken) =>
        (await connection.ListAsync<TeacherView>($"""
            SELECT {Columns}
            FROM teachers t
            JOIN known_schools s ON s.id = t.school_id
            WHERE (t.district_code, t.staff_number) IN (SELECT * FROM unnest(@districts::text[], @numbers::text[]))
            """, Identities(records), cancellationToken))
        .ToDictionary(t => IdentityOf(t.DistrictCode, t.StaffNumber), RecordOf);

    private static TeacherRecord RecordOf(TeacherView t) => new(
        t.StaffNumber, t.Name, t.Gender, t.BirthDate, t.SchoolId, t.DistrictCode, t.AtSchoolSince, t.Subjects, t.Title, t.Backbone,
        t.Establishment, t.HiredOn, t.Role, ExemptionOf(t), t.Stage);

    public static Exemption? ExemptionOf(TeacherView t) =>
        t is { Exemption: { } reason, ExemptionFrom: { } from, ExemptionTo: { } to } ? new(reason, t.ExemptionNote, from, to) : null;

    private static object Identities(IReadOnlyList<TeacherRecord> records) =>
        new { districts = records.Select(r => r.DistrictCode).ToArray(), numbers = records.Select(r => r.StaffNumber).ToArray() };

    /// <summary>
    /// Inserts or updates each teacher by identity (district and staff number). A teacher whose school or arrival date
    /// changed gets a new posting from that date, and the posting before it ends the day before.
    /// </summary>
    public static async Task UpsertAsync(
        NpgsqlTransaction transaction, IReadOnlyList<TeacherRecord> records, CancellationToken cancellationToken)
    {
        // Only a teacher who is new, or whose school or arrival date the row changes, gets a posting (TeacherImport
        // has checked it starts after the latest one): repeating the record writes none.
        var recorded = (await transaction.ListAsync<(string DistrictCode, string StaffNumber, Guid SchoolId, DateOnly Since)>("""
            SELECT district_code, staff_number, school_id, at_school_since
            FROM teachers
            WHERE (district_code, staff_number) IN (SELECT * FROM unnest(@districts::text[], @numbers::text[]))
            """, Identities(records), cancellationToken)).ToHashSet();
        var moved = records.Where(r => !recorded.Contains((r.DistrictCode, r.StaffNumber, r.SchoolId, r.AtSchoolSince))).ToList();
        // Subjects travel joined by '|' (a character no subject name has), as unnest cannot take an array of arrays.
        await transaction.WriteAsync("""
            INSERT INTO teachers (id, staff_number, name, gender, birth_date, district_code, school_id, at_school_since, subjects,
                                  title, backbone, establishment, hired_on, role, exemption, exemption_note, exemption_from,
                                  exemption_to, stage)
            SELECT r.id, r.staff_number, r.name, r.gender, r.birth_date, r.district_code, r.school_id, r.at_school_since,
                   string_to_array(r.subjects, '|'), r.title, r.backbone, r.establishment, r.hired_on, r.role, r.exemption,
                   r.exemption_note, r.exemption_from, r.exemption_to, r.stage
            FROM unnest(@ids, @numbers, @names, @genders, @births, @districts, @schools, @sinces, @subjects, @titles, @backbones,
                        @establishments, @hiredOns, @roles, @exemptions, @exemptionNotes, @exemptionFroms, @exemptionTos, @stages)
                AS r (id, staff_number, name, gender, birth_date, district_code, school_id, at_school_since, subjects, title, backbone,
                      establishment, hired_on, role, exemption, exemption_note, exemption_from, exemption_to, stage)
            ON CONFLICT (district_code, staff_number) DO UPDATE
                SET name = excluded.name, gender = excluded.gender, birth_date = excluded.birth_date, school_id = excluded.school_id,
                    at_school_since = excluded.at_school_since, subjects = excluded.subjects, title = excluded.title,
                    backbone = excluded.backbone, establishment = excluded.establishment, hired_on = excluded.hired_on,
                    role = excluded.role, exemption = excluded.exemption, exemption_note = excluded.exemption_note,
                    exemption_from = excluded.exemption_from, exemption_to = excluded.exemption_to, stage = excluded.stage,
                    updated_at = now()
            """, new
        {
            ids = records.Select(_ => Guid.CreateVersion7()).ToArray(), numbers = records.Select(r => r.StaffNumber).ToArray(),
            names = records.Select(r => r.Name).ToArray(), genders = records.Select(r => r.Gender).ToArray(),
            births = records.Select(r => r.BirthDate).ToArray(), districts = records.Select(r => r.DistrictCode).ToArray(),
            schools = records.Select(r => r.SchoolId).ToArray(), sinces = records.Select(r => r.AtSchoolSince).ToArray(),
            subjects = records.Select(r => string.Join('|', r.Subjects)).ToArray(), titles = records.Select(r => r.Title).ToArray(),
            backbones = records.Select(r => r.Backbone).ToArray(), establishments = records.Select(r => r.Establishment).ToArray(),
            hiredOns = records.Select(r => r.HiredOn).ToArray(), roles = records.Select(r => r.Role).ToArray(),
            exemptions = records.Select(r => r.Exemption?.Reason).ToArray(),
            exemptionNotes = records.Select(r => r.Exemption?.Note).ToArray(),
            exemptionFroms = records.Select(r => r.Exemption?.From).ToArray(),
            exemptionTos = records.Select(r => r.Exemption?.To).ToArray(), stages = records.Select(r => r.Stage).ToArray(),
        }, cancellationToken);
        await PostAsync(transaction, """
            SELECT t.id AS teacher_id, m.school AS school_id, m.since AS on_date, 'import' AS origin
            FROM unnest(@districts, @numbers, @schools, @sinces) AS m (district, number, school, since)
            JOIN teachers t ON t.district_code = m.district AND t.staff_number = m.number
            """, new
        {
            districts = moved.Select(r => r.DistrictCode).ToArray(), numbers = moved.Select(r => r.StaffNumber).ToArray(),
            schools = moved.Select(r => r.SchoolId).ToArray(), sinces = moved.Select(r => r.AtSchoolSince).ToArray(),
        }, cancellationToken);
    }

    /// <summary>
    /// Posts each teacher of <paramref name="moving"/> (teacher_id, school_id, on_date, origin) to the school from the
    /// day, into their history: the posting that covers the day ends the day before, and the new one lasts until the
    /// next posting, if there is one already. Nothing else changes until that day: every count and list reads the
    /// postings as of its day (teachers_on). A posting already starting that day is kept: history is not rewritten here.
    /// </summary>
    public static async Task PostAsync(
        NpgsqlTransaction transaction, string moving, object parameters, CancellationToken cancellationToken)
    {
        // The teachers' rows first, in one order, as a correction holds them (LockAsync).
        await transaction.WriteAsync($"""
            SELECT t.id
            FROM teachers t
            JOIN ({moving}) m ON m.teacher_id = t.id
            ORDER BY t.id
            FOR UPDATE OF t
            """, parameters, cancellationToken);
        await transaction.WriteAsync($"""
            UPDATE teacher_postings p
            SET to_date = m.on_date - 1
            FROM ({moving}) m
            WHERE p.teacher_id = m.teacher_id AND p.from_date < m.on_date AND (p.to_date IS NULL OR p.to_date >= m.on_date)
            """, parameters, cancellationToken);
        await transaction.WriteAsync($"""
            INSERT INTO teacher_postings (teacher_id, school_id, from_date, to_date, origin)
            SELECT teacher_id, school_id, on_date,
                   (SELECT min(q.from_date) - 1 FROM teacher_postings q WHERE q.teacher_id = m.teacher_id AND q.from_date > m.on_date),
                   origin
            FROM ({moving}) m
            ON CONFLICT (teacher_id, from_date) DO NOTHING
            """, parameters, cancellationToken);
    }

}
