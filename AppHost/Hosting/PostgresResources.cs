using System.Runtime.InteropServices;
using Npgsql;

namespace Platform.AppHost.Hosting;

/// <summary>
/// A PostgreSQL cluster run from Debian's binaries as a local process on 127.0.0.1: initdb on first start (trust
/// authentication for the local superuser), run as the postgres user when the AppHost is root, since PostgreSQL
/// refuses to run as root.
/// </summary>
public sealed class PostgresServerResource : Resource
{
    private const string Package = "postgresql-15";
    private readonly DistributedApplicationOptions options;
    private ChildProcess? process;

    public PostgresServerResource(string name, int port, DistributedApplicationOptions options) : base(name)
    {
        this.options = options;
        Port = port;
        BinDirectory = FindBinDirectory();
    }

    public int Port { get; }
    public string BinDirectory { get; }
    public string Directory => Path.Combine(options.DataDirectory, Name);
    public string DataDirectory => Path.Combine(Directory, "data");
    public override string Kind => "PostgreSQL";
    public override string Address => $"postgres://127.0.0.1:{Port}";

    /// <summary>The superuser's connection string: for creating databases and roles, and for tests that look inside.</summary>
    public string ConnectionStringFor(string database) => ConnectionStringFor(database, "postgres");

    public string ConnectionStringFor(string database, string user) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = user, Database = database }.ConnectionString;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        State = ResourceState.Starting;
        if (!File.Exists(Path.Combine(BinDirectory, "postgres")))
            throw new ResourceException($"PostgreSQL server not found in {BinDirectory}: install it with `apt-get install -y {Package}`.");
        System.IO.Directory.CreateDirectory(Directory);
        if (ChildProcess.IsRoot)
            await RunOrFailAsync("chown", ["-R", "postgres:postgres", Directory], cancellationToken);

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            string[] initdb = ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"];
            await RunOrFailAsync(AsPostgresUser(Path.Combine(BinDirectory, "initdb")).File,
                [.. AsPostgresUser(Path.Combine(BinDirectory, "initdb")).Prefix, .. initdb,
                 .. options.Ephemeral ? ["--no-sync"] : Array.Empty<string>()],
                cancellationToken);
        }

        string[] settings = ["-D", DataDirectory, "-p", Port.ToString(), "-k", Directory,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"];
        if (options.Ephemeral)
            settings = [.. settings, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
        var (file, prefix) = AsPostgresUser(Path.Combine(BinDirectory, "postgres"));
        process = ChildProcess.Start(Name, file, [.. prefix, .. settings], options.Log);
        await WaitUntilReadyAsync(process, AcceptsConnectionsAsync, options.Log, cancellationToken);
    }

    private async Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public override async Task StopAsync()
    {
        if (process is null)
            return;
        State = ResourceState.Stopping;
        // SIGINT is PostgreSQL's fast shutdown; it goes to the postmaster itself, not to runuser in front of it.
        await process.StopAsync(PosixSignal.SIGINT, TimeSpan.FromSeconds(30), PostmasterPid() ?? process.Id);
        await process.DisposeAsync();
        process = null;
        State = ResourceState.Stopped;
    }

    private int? PostmasterPid()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) ? pid : null;
    }

    private static (string File, string[] Prefix) AsPostgresUser(string program) =>
        ChildProcess.IsRoot ? ("runuser", ["-u", "postgres", "--", program]) : (program, []);

    private static async Task RunOrFailAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await ChildProcess.RunAsync(file, arguments, cancellationToken: cancellationToken);
        if (exitCode != 0)
            throw new ResourceException($"`{file} {string.Join(' ', arguments)}` failed ({exitCode}): {output}");
    }

    private static string FindBinDirectory() =>
        System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
                .FirstOrDefault() ?? "/usr/lib/postgresql/15/bin"
            : "/usr/lib/postgresql/15/bin";
}

/// <summary>
/// A database in a PostgreSQL cluster, created when missing, and owned by a login role of the same name that is no
/// superuser: the service connects as that role, so the row-level security its migrations set up applies to it. Its
/// audit trail is provisioned apart (<see cref="AuditStore"/>), under a role the service's cannot act as.
/// </summary>
public sealed class PostgresDatabaseResource : Resource, IResourceWithConnectionString
{
    public PostgresDatabaseResource(string name, PostgresServerResource server) : base(name)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z][a-z0-9_]*$"))
            throw new ArgumentException($"Database name '{name}' must be lower-case letters, digits and '_'.", nameof(name));
        Server = server;
        WaitsFor.Add(server);
    }

    public PostgresServerResource Server { get; }
    /// <summary>What the service connects with: the database's own role, subject to row-level security.</summary>
    public string ConnectionString => Server.ConnectionStringFor(Name, Name);

    /// <summary>The superuser's, which row-level security does not restrict: for tests and operators only.</summary>
    public string AdminConnectionString => Server.ConnectionStringFor(Name);
    public override string Kind => "Database";
    public override string Address => $"{Server.Address}/{Name}";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        State = ResourceState.Starting;
        await using (var server = new NpgsqlConnection(Server.ConnectionStringFor("postgres")))
        {
            await server.OpenAsync(cancellationToken);
            await ExecuteAsync(server, $"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Name}') THEN CREATE ROLE "{Name}" LOGIN; END IF;
                END $$;
                ALTER ROLE "{Name}" NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
                """, cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", server)
                { Parameters = { new() { Value = Name } } };
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                await ExecuteAsync(server, $"CREATE DATABASE \"{Name}\" OWNER \"{Name}\"", cancellationToken);
        }
        await using (var database = new NpgsqlConnection(AdminConnectionString))
        {
            // A database made before it had its own role (data kept from an earlier run) is handed over whole.
            await database.OpenAsync(cancellationToken);
            await ExecuteAsync(database, $"""
                ALTER DATABASE "{Name}" OWNER TO "{Name}";
                DO $$ DECLARE item record; BEGIN
                  FOR item IN SELECT format('ALTER TABLE %I OWNER TO "{Name}"', tablename) AS sql FROM pg_tables
                      WHERE schemaname = 'public' AND tableowner <> '{Name}'
                    UNION ALL SELECT format('ALTER SEQUENCE %I OWNER TO "{Name}"', sequencename) FROM pg_sequences
                      WHERE schemaname = 'public' AND sequenceowner <> '{Name}'
                    UNION ALL SELECT format('ALTER FUNCTION %s OWNER TO "{Name}"', p.oid::regprocedure) FROM pg_proc p
                      JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
                      AND pg_get_userbyid(p.proowner) <> '{Name}'
                  LOOP EXECUTE item.sql; END LOOP;
                END $$
                """, cancellationToken);
            await AuditStore.ProvisionAsync(database, Name, cancellationToken);
        }
        State = ResourceState.Running;
    }

    public override Task StopAsync()
    {
        State = ResourceState.Stopped;
        return Task.CompletedTask;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public static class PostgresBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new PostgresServerResource(name, builder.PortFor(name, 15432), builder.Options));

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> server, string name) =>
        server.ApplicationBuilder.AddResource(new PostgresDatabaseResource(name, server.Resource));
}
