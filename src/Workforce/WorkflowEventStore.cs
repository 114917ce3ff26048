using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce;

/// <summary>The history table of a workflow (rotation_plan_events by plan_id, round_events by round_id).</summary>
internal sealed class WorkflowEventStore(string table, string recordColumn)
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
            FROM {table}
            WHERE {recordColumn} = @id
            ORDER BY at
            """, new { id }, cancellationToken)).ToList();
}
