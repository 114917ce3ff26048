using System.Data.Common;
using Dapper;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// Dapper's calls with the cancellation token among the arguments, so that no query repeats the
/// <see cref="CommandDefinition"/> plumbing. On a transaction, the command runs on its connection, inside it. The
/// names differ from Dapper's so that a token can never be taken for the query's parameters.
/// </summary>
public static class Sql
{
    public static async Task<List<T>> ListAsync<T>(
        this DbConnection connection, string sql, object? param, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, param, cancellationToken: cancellationToken))).AsList();

    public static async Task<List<T>> ListAsync<T>(
        this DbTransaction transaction, string sql, object? param, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<T>(Command(transaction, sql, param, cancellationToken))).AsList();

    public static Task<T?> SingleOrDefaultAsync<T>(
        this DbConnection connection, string sql, object? param, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, param, cancellationToken: cancellationToken));

    public static Task<T?> SingleOrDefaultAsync<T>(
        this DbTransaction transaction, string sql, object? param, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<T>(Command(transaction, sql, param, cancellationToken));

    /// <summary>A query that answers exactly one row (an aggregate, EXISTS …); anything else throws.</summary>
    public static Task<T> SingleAsync<T>(
        this DbConnection connection, string sql, object? param, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<T>(new CommandDefinition(sql, param, cancellationToken: cancellationToken));

    /// <summary>A query that answers exactly one row (an aggregate, EXISTS …); anything else throws.</summary>
    public static Task<T> SingleAsync<T>(
        this DbTransaction transaction, string sql, object? param, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<T>(Command(transaction, sql, param, cancellationToken));

    public static Task<T?> ScalarAsync<T>(
        this DbConnection connection, string sql, object? param, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, param, cancellationToken: cancellationToken));

    public static Task<T?> ScalarAsync<T>(
        this DbTransaction transaction, string sql, object? param, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteScalarAsync<T>(Command(transaction, sql, param, cancellationToken));

    /// <summary>Runs a statement (or several, separated by semicolons) and answers the rows it changed.</summary>
    public static Task<int> WriteAsync(
        this DbConnection connection, string sql, object? param, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, param, cancellationToken: cancellationToken));

    /// <summary>Runs a statement (or several, separated by semicolons) inside the transaction; answers the rows it changed.</summary>
    public static Task<int> WriteAsync(
        this DbTransaction transaction, string sql, object? param, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(Command(transaction, sql, param, cancellationToken));

    /// <summary>Runs several queries (separated by semicolons) in one round trip; read their results in order.</summary>
    public static Task<SqlMapper.GridReader> MultipleAsync(
        this DbConnection connection, string sql, object? param, CancellationToken cancellationToken) =>
        connection.QueryMultipleAsync(new CommandDefinition(sql, param, cancellationToken: cancellationToken));

    /// <summary>Runs several queries (separated by semicolons) inside the transaction; read their results in order.</summary>
    public static Task<SqlMapper.GridReader> MultipleAsync(
        this DbTransaction transaction, string sql, object? param, CancellationToken cancellationToken) =>
        transaction.Connection!.QueryMultipleAsync(Command(transaction, sql, param, cancellationToken));

    private static CommandDefinition Command(
        DbTransaction transaction, string sql, object? param, CancellationToken cancellationToken) =>
        new(sql, param, transaction, cancellationToken: cancellationToken);
}
