using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.Workforce;

/// <summary>
/// A change to a workflow record (a rotation plan, an appointment round), as <see cref="LockedChange{TRecord,TView}"/>:
/// 409 unless the record is in a state the change belongs to; the change returns the detail to record, and unless it
/// left problems the step is recorded with who (the signed-in user), when and what.
/// </summary>
/// <param name="NameOf">A state as users read it (草稿, 校内竞聘, …), for the 409.</param>
public sealed record AuditedChange<TRecord, TState, TView>(
    Func<NpgsqlTransaction, Guid, CancellationToken, Task<TRecord?>> FindForUpdate,
    Func<TRecord, TState> StateOf,
    Func<TState, UserText> NameOf,
    Func<NpgsqlTransaction, Guid, string, SignedInUser, UserText?, CancellationToken, Task> Record,
    Func<NpgsqlConnection, Guid, CancellationToken, Task<TView?>> View)
    where TRecord : class
    where TState : struct, Enum
    where TView : class
{
    public Task<Results<Ok<TView>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        Database dataSource, Guid id, TState state, string action, SignedInUser user,
        Func<NpgsqlTransaction, TRecord, Validation, Task<UserText?>> change, CancellationToken cancellationToken) =>
        RunAsync(dataSource, id, [state], _ => action, user, change, cancellationToken);

    /// <summary>A change that belongs to several states, recorded under an action named from the state it found.</summary>
    public Task<Results<Ok<TView>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        Database dataSource, Guid id, IReadOnlyCollection<TState> states, Func<TState, string> actionFrom, SignedInUser user,
        Func<NpgsqlTransaction, TRecord, Validation, Task<UserText?>> change, CancellationToken cancellationToken) =>
        new LockedChange<TRecord, TView>(FindForUpdate, View).RunAsync(dataSource, id, async (transaction, record, problems) =>
        {
            var state = StateOf(record);
            if (!states.Contains(state))
                return Conflict(state, states);
            var detail = await change(transaction, record, problems);
            if (problems.IsValid)
                await Record(transaction, id, actionFrom(state), user, detail, cancellationToken);
            return null;
        }, cancellationToken);

    private StateConflict Conflict(TState state, IReadOnlyCollection<TState> allowed)
    {
        var (current, names) = (NameOf(state), allowed.Select(NameOf).ToList());
        return new StateConflict(
            new($"当前状态为“{current.Zh}”。", $"Its current state is “{current.En}”."),
            new($"此操作只能在{string.Join("或", names.Select(n => $"“{n.Zh}”"))}状态下进行。",
                $"This can be done only in the state {string.Join(" or ", names.Select(n => $"“{n.En}”"))}."));
    }
}
