using System.Reflection;
using Npgsql;

namespace Platform.AppHost.Resources;

/// <summary>
/// The audit trail's schema and table (src/BuildingBlocks/Data/AuditStore.sql), made as a superuser with the
/// database and owned by a role of its own, so that the service's role, which owns the database, can add entries
/// and read them but never change one. Idempotent: run on every start, before the service migrates.
/// </summary>
public static class AuditStore
{
    private static readonly string Sql = ReadSql();

    /// <summary>The role that owns a database's audit trail: it cannot log in.</summary>
    public static string OwnerFor(string serviceRole) => $"{serviceRole}_audit";

    public static async Task ProvisionAsync(NpgsqlConnection superuser, string serviceRole, CancellationToken cancellationToken)
    {
        // Role names are checked where databases are declared (lower-case letters, digits and '_'), so they can be spliced in.
        await using var command = new NpgsqlCommand(
            Sql.Replace("{role}", serviceRole).Replace("{owner}", OwnerFor(serviceRole)), superuser);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadSql()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AuditStore.sql")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
