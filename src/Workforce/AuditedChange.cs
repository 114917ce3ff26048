using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.Workforce;

/// <summary>
/// A change to a workflow record (a rotation plan, an appointment round) in one transaction: 404 for an unknown record,
/// 409 unless it is in a state the change belongs to. The change returns the detail to record, or leaves problems,
/// which undo it; otherwise the step is recorded with who (the signed-in user), when and what, and the answer is the record as it now stands.
/// </summary>
public sealed record AuditedChange<TRecord, TView>(
    Func<NpgsqlTransaction, Guid, CancellationToken, Task<TRecord?>> FindForUpdate,
    Func<TRecord, string> StateOf,
    Func<NpgsqlTransaction, Guid, string, SignedInUser, string?, CancellationToken, Task> Record,
    Func<NpgsqlConnection, Guid, CancellationToken, Task<TView?>> View)
    where TRecord : class
    where TView : class
{
    public Task<Results<Ok<TView>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        Database dataSource, Guid id, string state, string action, SignedInUser user,
        Func<NpgsqlTransaction, TRecord, Validation, Task<string?>> change, CancellationToken cancellationToken) =>
        RunAsync(dataSource, id, [state], _ => action, user, change, cancellationToken);

    /// <summary>A change that belongs to several states, recorded under an action named from the state it found.</summary>
    public async Task<Results<Ok<TView>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        Database dataSource, Guid id, IReadOnlyCollection<string> states, Func<string, string> actionFrom, SignedInUser user,
        Func<NpgsqlTransaction, TRecord, Validation, Task<string?>> change, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var record = await FindForUpdate(transaction, id, cancellationToken);
        if (record is null)
            return TypedResults.NotFound();
        var state = StateOf(record);
        if (!states.Contains(state))
            return TypedResults.Problem(title: $"It is {state}.", detail: $"This can be done only while it is {string.Join(" or ", states)}.", statusCode: StatusCodes.Status409Conflict);
        var problems = new Validation();
        var detail = await change(transaction, record, problems);
        if (!problems.IsValid)
            return problems.Problem();
        await Record(transaction, id, actionFrom(state), user, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await View(connection, id, cancellationToken))!);
    }
}
