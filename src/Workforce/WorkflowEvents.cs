using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Security;

namespace Platform.Workforce;

/// <summary>
/// A step in a workflow record's history: what, when, and who took it as their token names them (user name and
/// display name). <see cref="UserName"/> is null on steps recorded before that, whose name the client typed.
/// </summary>
public sealed record WorkflowEvent(DateTime At, string Action, string? UserName, string DisplayName, string? Detail);

/// <summary>The history table of a workflow (rotation_plan_events by plan_id, round_events by round_id).</summary>
internal sealed class WorkflowEvents(string table, string recordColumn)
{
    public Task RecordAsync(
        NpgsqlTransaction transaction, Guid id, string action, SignedInUser user, string? detail, CancellationToken cancellationToken) =>
        transaction.WriteAsync($"""
            INSERT INTO {table} ({recordColumn}, action, user_name, display_name, detail)
            VALUES (@id, @action, @UserName, @DisplayName, @detail)
            """, new { id, action, user.UserName, user.DisplayName, detail }, cancellationToken);

    public async Task<List<WorkflowEvent>> ListAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken) =>
        (await connection.ListAsync<WorkflowEvent>($"""
            SELECT at, action, user_name AS UserName, display_name AS DisplayName, detail
            FROM {table} WHERE {recordColumn} = @id ORDER BY at
            """, new { id }, cancellationToken)).ToList();
}
