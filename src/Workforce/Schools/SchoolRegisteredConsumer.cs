using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;

namespace Platform.Workforce.Schools;

/// <summary>Keeps the read model of the schools whose classes need teachers.</summary>
public sealed class SchoolRegisteredConsumer(NpgsqlDataSource dataSource, ILogger<SchoolRegisteredConsumer> logger)
    : IdempotentConsumer<SchoolRegistered>(dataSource, logger)
{
    protected override Task ApplyAsync(SchoolRegistered message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO schools (id, name, district_code, stage, classes)
            VALUES (@SchoolId, @Name, @DistrictCode, @Stage, @Classes)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, district_code = excluded.district_code,
                stage = excluded.stage, classes = excluded.classes
            """, message, transaction, cancellationToken: cancellationToken));
}
