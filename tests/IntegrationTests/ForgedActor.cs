using Dapper;
using Npgsql;

namespace Platform.IntegrationTests;

/// <summary>
/// A name a client puts in a request to pass for someone else, as the outside test did. Who took a workflow step is
/// the token's user: the name must show nowhere, neither in an answer nor in the history or the audit trail.
/// </summary>
public static class ForgedActor
{
    public const string Name = "市教委主任王某（伪造）";

    public static async Task AssertNotRecordedAsync(SuiteFixture suite, string database, string historyTable, params string[] answers)
    {
        Assert.All(answers, answer => Assert.DoesNotContain(Name, answer));
        await using var connection = new NpgsqlConnection(suite.ConnectionString(database));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            $"SELECT count(*)::int FROM {historyTable} WHERE concat_ws(' ', display_name, user_name) LIKE '%' || @Name || '%'",
            new { Name }));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM audit.trail WHERE concat_ws(' ', actor, before::text, after::text, path) LIKE '%' || @Name || '%'",
            new { Name }));
    }
}
