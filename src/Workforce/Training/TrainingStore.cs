using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.Workforce.Training;

/// <summary>The training ledger's tables: providers' records, the districts' rules, and the teachers they apply to.</summary>
internal static class TrainingStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public sealed record TeacherRow(Guid Id, string StaffNumber, string Name, Guid SchoolId, string SchoolName, DateOnly? HiredOn);

    /// <summary>
    /// The teachers in scope by staff number. Staff numbers are unique within a district: for a city-wide user, one two
    /// districts share names no one.
    /// </summary>
    public static async Task<Dictionary<string, Guid>> TeachersByStaffNumberAsync(
        NpgsqlConnection connection, string scopePrefix, CancellationToken cancellationToken) =>
        (await connection.ListAsync<(string StaffNumber, Guid Id)>("""
            SELECT staff_number, id
            FROM teachers
            WHERE starts_with(district_code, @scopePrefix)
            """, new { scopePrefix }, cancellationToken))
        .GroupBy(t => t.StaffNumber).Where(number => number.Count() == 1)
        .ToDictionary(number => number.Key, number => number.Single().Id);

    /// <summary>The hours already recorded for these records' teacher, course and date.</summary>
    public static async Task<Dictionary<(Guid TeacherId, string Course, DateOnly Date), double>> RecordedHoursAsync(
        NpgsqlConnection connection, IReadOnlyList<TrainingRecord> records, CancellationToken cancellationToken) =>
        (await connection.ListAsync<(Guid TeacherId, string Course, DateOnly Date, double Hours)>("""
            SELECT r.teacher_id, r.course, r.date, r.hours::float8
            FROM training_records r
            JOIN unnest(@teachers, @courses, @dates) AS w (teacher, course, date)
              ON r.teacher_id = w.teacher AND r.course = w.course AND r.date = w.date
            """, Columns(records), cancellationToken))
        .ToDictionary(r => (r.TeacherId, r.Course, r.Date), r => r.Hours);

    public static Task<int> WriteRecordsAsync(
        NpgsqlTransaction transaction, IReadOnlyList<TrainingRecord> records, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO training_records (teacher_id, course, date, level, category, hours, provider)
            SELECT *
            FROM unnest(@teachers, @courses, @dates, @levels, @categories, @hours, @providers)
            ON CONFLICT (teacher_id, course, date) DO UPDATE
                SET level = excluded.level, category = excluded.category, hours = excluded.hours,
                    provider = excluded.provider, imported_at = now()
            """, Columns(records), cancellationToken);

    private static object Columns(IReadOnlyList<TrainingRecord> records) => new
    {
        teachers = records.Select(r => r.TeacherId).ToArray(),
        courses = records.Select(r => r.Course).ToArray(),
        dates = records.Select(r => r.Date).ToArray(),
        levels = records.Select(r => r.Level).ToArray(),
        categories = records.Select(r => r.Category).ToArray(),
        hours = records.Select(r => (decimal)r.Hours).ToArray(),
        providers = records.Select(r => r.Provider).ToArray(),
    };

    /// <summary>The teachers of a district, or of one school in it on the day, by school and staff number.</summary>
    public static Task<List<TeacherRow>> TeachersAsync(
        NpgsqlConnection connection, string districtCode, Guid? schoolId, DateOnly day, CancellationToken cancellationToken) =>
        connection.ListAsync<TeacherRow>("""
            SELECT t.id, t.staff_number AS StaffNumber, t.name, t.school_id AS SchoolId, s.name AS SchoolName,
                   t.hired_on AS HiredOn
            FROM teachers_on(@day) t
            JOIN known_schools s ON s.id = t.school_id
            WHERE t.district_code = @districtCode AND (@schoolId::uuid IS NULL OR t.school_id = @schoolId)
            ORDER BY s.name, t.staff_number
            """, new { districtCode, schoolId, day }, cancellationToken);

    /// <summary>The hours each of those teachers has done, course by course.</summary>
    public static async Task<ILookup<Guid, TrainingHours>> HoursAsync(
        NpgsqlConnection connection, string districtCode, Guid? schoolId, DateOnly day, CancellationToken cancellationToken) =>
        (await connection.ListAsync<(Guid TeacherId, DateOnly Date, double Hours)>("""
            SELECT r.teacher_id, r.date, r.hours::float8
            FROM training_records r
            JOIN teachers_on(@day) t ON t.id = r.teacher_id
            WHERE t.district_code = @districtCode AND (@schoolId::uuid IS NULL OR t.school_id = @schoolId)
            """, new { districtCode, schoolId, day }, cancellationToken))
        .ToLookup(r => r.TeacherId, r => new TrainingHours(r.Date, r.Hours));

    /// <summary>The district's rules, or the national cycle when it has set none.</summary>
    public static async Task<IReadOnlyList<TrainingRule>> RulesAsync(
        NpgsqlConnection connection, string districtCode, CancellationToken cancellationToken)
    {
        var stored = await connection.ListAsync<string>("""
            SELECT rule::text
            FROM training_rules
            WHERE district_code = @districtCode
            ORDER BY position
            """, new { districtCode }, cancellationToken);
        return stored.Count > 0
            ? [.. stored.Select(rule => JsonSerializer.Deserialize<TrainingRule>(rule, Json)!)]
            : [TrainingRule.NationalCycle];
    }

    public static Task ReplaceRulesAsync(
        NpgsqlTransaction transaction, string districtCode, IReadOnlyList<TrainingRule> rules, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            DELETE FROM training_rules
            WHERE district_code = @districtCode;
            INSERT INTO training_rules (district_code, position, rule)
            SELECT @districtCode, p, r::jsonb
            FROM unnest(@positions, @rules) AS x (p, r);
            """, new
        {
            districtCode,
            positions = Enumerable.Range(0, rules.Count).ToArray(),
            rules = rules.Select(r => JsonSerializer.Serialize(r, Json)).ToArray(),
        }, cancellationToken);
}
