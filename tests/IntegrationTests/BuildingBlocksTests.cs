using Dapper;
using Npgsql;
using Platform.AppHost.Resources;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;

namespace Platform.IntegrationTests;

/// <summary>Migrations, inbox and outbox against a real PostgreSQL, each test in a database of its own.</summary>
[Collection(SuiteCollection.Name)]
public class BuildingBlocksTests(SuiteFixture suite)
{
    private static readonly Migration[] Migrations =
    [
        new("test/0001_first.sql", "CREATE TABLE first (id int PRIMARY KEY)"),
        new("test/0002_second.sql", "CREATE TABLE second (id int PRIMARY KEY)"),
    ];

    [Fact]
    public async Task Migrations_are_applied_once_even_by_instances_starting_together()
    {
        await using var dataSource = await NewDatabaseAsync();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => MigrationRunner.ApplyAsync(dataSource, Migrations, CancellationToken.None)));

        Assert.Equal(Migrations.Select(m => m.Id), runs.SelectMany(applied => applied).Order());
        Assert.Empty(await MigrationRunner.ApplyAsync(dataSource, Migrations, CancellationToken.None));
        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_no_trace()
    {
        await using var dataSource = await NewDatabaseAsync();
        Migration[] broken = [Migrations[0], new("test/0002_broken.sql", "CREATE TABLE half (id int); SELECT no_such_function();")];

        await Assert.ThrowsAsync<PostgresException>(() => MigrationRunner.ApplyAsync(dataSource, broken, CancellationToken.None));

        await using var connection = await dataSource.OpenConnectionAsync();
        Assert.Equal(["test/0001_first.sql"], await connection.QueryAsync<string>("SELECT id FROM schema_migrations"));
        Assert.Null(await connection.ExecuteScalarAsync<string>("SELECT to_regclass('half')::text"));
    }

    [Fact]
    public async Task The_inbox_accepts_a_message_once_per_consumer_even_concurrently()
    {
        await using var dataSource = await NewDatabaseAsync(withPlatformTables: true);
        var messageId = Guid.NewGuid();

        async Task<bool> AcceptAsync(string consumer)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var accepted = await transaction.TryAcceptAsync(messageId, consumer);
            await transaction.CommitAsync();
            return accepted;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => AcceptAsync("A")));
        Assert.Equal(1, results.Count(accepted => accepted));
        Assert.True(await AcceptAsync("B"));
    }

    [Fact]
    public async Task The_outbox_keeps_only_what_was_committed()
    {
        await using var dataSource = await NewDatabaseAsync(withPlatformTables: true);
        var message = new SchoolRegistered(Guid.NewGuid(), 1, "测试学校", "120106", Guid.NewGuid(), "public", "open", null,
            [new SchoolStageCapacity("primary", 45, 12, 540)]);

        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await using var rolledBack = await connection.BeginTransactionAsync();
            await rolledBack.EnqueueAsync(message);
            await rolledBack.RollbackAsync();

            await using var committed = await connection.BeginTransactionAsync();
            var id = await committed.EnqueueAsync(message);
            await committed.CommitAsync();

            var row = await connection.QuerySingleAsync<(Guid Id, string Type, string Name)>(
                "SELECT id, message_type, payload->>'name' FROM outbox_messages");
            Assert.Equal((id, "Platform.Contracts.SchoolRegistered", "测试学校"), row);
        }
    }

    private async Task<NpgsqlDataSource> NewDatabaseAsync(bool withPlatformTables = false)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(suite.ServerConnectionString("postgres")))
            await admin.ExecuteAsync($"CREATE DATABASE {name}");
        var dataSource = NpgsqlDataSource.Create(suite.ServerConnectionString(name));
        if (!withPlatformTables)
            return dataSource;
        await using (var admin = await dataSource.OpenConnectionAsync())
            await AuditStore.ProvisionAsync(admin, "postgres", CancellationToken.None); // as the AppHost provisions each database
        await MigrationRunner.ApplyAsync(dataSource,
            MigrationCatalog.Embedded(typeof(Outbox).Assembly, "Platform.BuildingBlocks.Migrations", "platform"),
            CancellationToken.None);
        return dataSource;
    }
}
