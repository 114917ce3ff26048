using Npgsql;
using Platform.BuildingBlocks.Data;

namespace Platform.Workforce.Staffing;

/// <summary>Schools' profiles (strength, group) and approved posts, and their 在编 teachers by main subject.</summary>
internal static class StaffingStore
{
    public sealed record Row(
        Guid Id, string Name, int? Strength, string? GroupName, string? Subject, int Approved, int Actual);

    /// <returns>Whether the school is known.</returns>
    public static async Task<bool> SetProfileAsync(
        NpgsqlConnection connection, Guid id, int strength, string? groupName, CancellationToken cancellationToken) =>
        await connection.WriteAsync("""
            INSERT INTO school_profiles (school_id, strength, group_name)
            SELECT id, @strength, @groupName
            FROM known_schools
            WHERE id = @id
            ON CONFLICT (school_id) DO UPDATE
                SET strength = excluded.strength, group_name = excluded.group_name
            """, new { id, strength, groupName }, cancellationToken) > 0;

    public static async Task<bool> SchoolExistsAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        await transaction.ScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM known_schools WHERE id = @id)
            """, new { id }, cancellationToken);

    /// <summary>Replaces the approved posts of the subjects given; 0 removes a subject's posts.</summary>
    public static Task SetPostsAsync(
        NpgsqlTransaction transaction, Guid id, IReadOnlyDictionary<string, int> posts, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            DELETE FROM school_posts
            WHERE school_id = @id AND subject = ANY(@subjects);
            INSERT INTO school_posts (school_id, subject, approved)
            SELECT @id, s, a
            FROM unnest(@subjects, @approved) AS p (s, a)
            WHERE a > 0;
            """, new { id, subjects = posts.Keys.ToArray(), approved = posts.Values.ToArray() }, cancellationToken);

    /// <summary>
    /// Each open school with its subjects: approved posts and the 在编 teachers whose main subject it is, where their
    /// postings put them on <paramref name="day"/>.
    /// </summary>
    public static Task<List<Row>> StaffingAsync(
        NpgsqlConnection connection, string? districtCode, DateOnly day, CancellationToken cancellationToken) =>
        connection.ListAsync<Row>("""
            WITH actual AS (
                SELECT school_id, subjects[1] AS subject, count(*) AS teachers
                FROM teachers_on(@day)
                WHERE establishment = 'in_establishment'
                GROUP BY 1, 2
            ), subjects AS (
                SELECT school_id, subject
                FROM school_posts
                UNION
                SELECT school_id, subject
                FROM actual
            )
            SELECT k.id, k.name, p.strength, p.group_name AS GroupName, s.subject,
                   coalesce(sp.approved, 0)::int AS Approved, coalesce(a.teachers, 0)::int AS Actual
            FROM known_schools k
            LEFT JOIN school_profiles p ON p.school_id = k.id
            LEFT JOIN subjects s ON s.school_id = k.id
            LEFT JOIN school_posts sp ON sp.school_id = k.id AND sp.subject = s.subject
            LEFT JOIN actual a ON a.school_id = k.id AND a.subject = s.subject
            WHERE (@districtCode::text IS NULL OR k.district_code = @districtCode) AND k.status = 'open'
            ORDER BY k.name, s.subject
            """, new { districtCode, day }, cancellationToken);
}
