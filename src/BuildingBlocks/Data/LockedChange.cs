using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.BuildingBlocks.Http;

namespace Platform.BuildingBlocks.Data;

/// <summary>A change refused because of the state its record is in (409), in the record's words.</summary>
public sealed record StateConflict(UserText Title, UserText Detail)
{
    public ProblemHttpResult Problem() =>
        TypedResults.Problem(title: Title.ToString(), detail: Detail.ToString(), statusCode: StatusCodes.Status409Conflict);
}

/// <summary>
/// A change to a workflow record (a project, a rotation plan, an appointment round) in one transaction: the record
/// locked, 404 when it is unknown; the change leaves problems (400) or answers a conflict with the record's state
/// (409), either of which undoes it; otherwise it commits and the answer is the record as it now stands.
/// </summary>
public sealed record LockedChange<TRecord, TView>(
    Func<NpgsqlTransaction, Guid, CancellationToken, Task<TRecord?>> FindForUpdate,
    Func<NpgsqlConnection, Guid, CancellationToken, Task<TView?>> View)
    where TRecord : class
    where TView : class
{
    public async Task<Results<Ok<TView>, NotFound, ValidationProblem, ProblemHttpResult>> RunAsync(
        Database dataSource, Guid id, Func<NpgsqlTransaction, TRecord, Validation, Task<StateConflict?>> change,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await FindForUpdate(transaction, id, cancellationToken) is not { } record)
            return TypedResults.NotFound();
        var problems = new Validation();
        if (await change(transaction, record, problems) is { } conflict)
            return conflict.Problem();
        if (!problems.IsValid)
            return problems.Problem();
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await View(connection, id, cancellationToken))!);
    }
}
