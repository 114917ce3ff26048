using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Platform.AppHost.Resources;

/// <summary>
/// PostgreSQL from Debian's binaries as an executable: Aspire's own PostgreSQL resource is a container, and no
/// container engine runs here (docs/adr/0011).
/// </summary>
public sealed class PostgresServerResource(string name, string command, string directory)
    : ExecutableResource(name, command, directory), IResourceWithConnectionString
{
    public EndpointReference Endpoint => new(this, "tcp");

    /// <summary>The superuser's: for provisioning, and for tests and operators who look past row-level security.</summary>
    public ReferenceExpression ConnectionStringExpression => ConnectionStringFor("postgres", "postgres");

    public ReferenceExpression ConnectionStringFor(string database, string user) => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username={user};Database={database}");
}

/// <summary>
/// A database of the server, owned by a login role of its name that is no superuser: its service connects as that
/// role, so the row-level security its migrations set up applies (docs/security.md).
/// </summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource server)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString
{
    public PostgresServerResource Parent => server;
    public ReferenceExpression ConnectionStringExpression => server.ConnectionStringFor(Name, Name);
    public ReferenceExpression AdminConnectionStringExpression => server.ConnectionStringFor(Name, "postgres");
}

public static class PostgresBuilderExtensions
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>
    /// The server, its data folder made by a one-shot `initdb` resource on first start, run as the postgres user when
    /// the AppHost is root (PostgreSQL refuses root). setpriv execs, so the orchestrator's SIGTERM reaches postgres.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(
        this IDistributedApplicationBuilder builder, string name, SuiteSettings settings)
    {
        Prerequisite.Require(Path.Combine(BinDirectory, "postgres"), "postgresql-15");
        var directory = Path.Combine(settings.DataDirectory, name);
        System.IO.Directory.CreateDirectory(directory);
        var port = settings.PortFor(name, 15432);
        var asRoot = Environment.UserName == "root";
        var noSync = settings.Throwaway ? " --no-sync" : "";
        var init = builder.AddExecutable($"{name}-init", "/bin/sh", directory, "-c",
            (asRoot ? "chown -R postgres:postgres . && " : "")
            + $"test -f data/PG_VERSION || {(asRoot ? "runuser -u postgres -- " : "")}{BinDirectory}/initdb -D data "
            + $"-A trust -U postgres -E UTF8 --locale=C.UTF-8{noSync}");

        string[] asUser = asRoot
            ? ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--", $"{BinDirectory}/postgres"]
            : [$"{BinDirectory}/postgres"];
        string[] fast = settings.Throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
        var server = new PostgresServerResource(name, asUser[0], directory);
        return builder.AddResource(server)
            .WithArgs([.. asUser[1..], "-D", "data", "-p", port.ToString(), "-k", directory,
                "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", .. fast])
            .WithEndpoint(name: "tcp", port: port, targetPort: port, isProxied: false)
            .WaitForCompletion(init)
            .WithProbe(cancellation => Probe.ConnectsAsync(server.ConnectionStringExpression, cancellation))
            .OnResourceReady((resource, ready, cancellation) => Provisioning.CreateDatabasesAsync(
                builder, resource, ready.Services.GetRequiredService<ResourceNotificationService>(), cancellation));
    }

    /// <summary>A database, made (with its role and audit store) once the server is ready; healthy once it accepts its role.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name)
    {
        Provisioning.CheckName(name);
        var database = new PostgresDatabaseResource(name, server.Resource);
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new() { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithProbe(cancellation => Probe.ConnectsAsync(database.ConnectionStringExpression, cancellation));
    }
}

/// <summary>Makes each database of a server and its role, idempotently, as the superuser.</summary>
internal static class Provisioning
{
    public static void CheckName(string name)
    {
        // Names are spliced into SQL below, so only these are allowed.
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z][a-z0-9_]*$"))
            throw new ArgumentException($"Database name '{name}' must be lower-case letters, digits and '_'.", nameof(name));
    }

    /// <summary>
    /// Aspire passes a parent's state on to its children only for containers: each database is marked running here,
    /// once made, for its health check (and whatever waits for it) to start.
    /// </summary>
    public static async Task CreateDatabasesAsync(IDistributedApplicationBuilder builder, PostgresServerResource server,
        ResourceNotificationService notifications, CancellationToken cancellation)
    {
        await using var superuser = Probe.Unpooled(await server.ConnectionStringExpression.GetValueAsync(cancellation));
        await superuser.OpenAsync(cancellation);
        foreach (var database in builder.Resources.OfType<PostgresDatabaseResource>().Where(d => d.Parent == server))
        {
            await ExecuteAsync(superuser, $"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{database.Name}') THEN
                    CREATE ROLE "{database.Name}" LOGIN;
                  END IF;
                END $$;
                ALTER ROLE "{database.Name}" NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
                """, cancellation);
            await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", superuser)
            { Parameters = { new() { Value = database.Name } } })
                if (await exists.ExecuteScalarAsync(cancellation) is null)
                    await ExecuteAsync(superuser, $"CREATE DATABASE \"{database.Name}\" OWNER \"{database.Name}\"", cancellation);
            await using (var connection = Probe.Unpooled(await database.AdminConnectionStringExpression.GetValueAsync(cancellation)))
            {
                await connection.OpenAsync(cancellation);
                await AuditStore.ProvisionAsync(connection, database.Name, cancellation);
            }
            await notifications.PublishUpdateAsync(database, state => state with
            { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
