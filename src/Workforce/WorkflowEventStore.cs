using System.Text.Json;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce;

/// <summary>
/// The history table of a workflow (rotation_plan_events by plan_id, round_events by round_id). A step's detail is
/// kept in both languages (JSON of its <see cref="UserText"/>) and read in the request's; a detail written before
/// that is read as it was written.
/// </summary>
internal sealed class WorkflowEventStore(string table, string recordColumn)
{
    public Task RecordAsync(
        NpgsqlTransaction transaction, Guid id, string action, SignedInUser user, UserText? detail, CancellationToken cancellationToken) =>
        transaction.WriteAsync($"""
            INSERT INTO {table} ({recordColumn}, action, user_name, display_name, detail)
            VALUES (@id, @action, @UserName, @DisplayName, @detail)
            """, new { id, action, user.UserName, user.DisplayName, detail = detail is null ? null : JsonSerializer.Serialize(detail) },
            cancellationToken);

    public async Task<List<WorkflowEvent>> ListAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken) =>
        [.. (await connection.ListAsync<WorkflowEvent>($"""
            SELECT at, action, user_name AS UserName, display_name AS DisplayName, detail
            FROM {table}
            WHERE {recordColumn} = @id
            ORDER BY at
            """, new { id }, cancellationToken)).Select(step => step with { Detail = InLanguage(step.Detail) })];

    /// <summary>A teacher's name for a step's detail, which names people and schools rather than ids.</summary>
    public static async Task<string> TeacherNameAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        await transaction.Connection!.ScalarAsync<string?>("""
            SELECT name
            FROM teachers
            WHERE id = @id
            """, new { id }, cancellationToken) ?? id.ToString();

    public static async Task<string> SchoolNameAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        (await SchoolDirectory.FindAsync(transaction.Connection!, id, cancellationToken))?.Name ?? id.ToString();

    private static string? InLanguage(string? detail)
    {
        if (detail is not ['{', ..])
            return detail;
        try
        {
            return JsonSerializer.Deserialize<UserText>(detail)?.ToString() ?? detail;
        }
        catch (JsonException)
        {
            return detail;
        }
    }
}
