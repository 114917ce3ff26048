using Dapper;
using Npgsql;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;

namespace Platform.Facilities.Schools;

/// <summary>Keeps the read model of Planning's schools that projects are attached to.</summary>
public sealed class SchoolRegisteredConsumer(NpgsqlDataSource dataSource, ILogger<SchoolRegisteredConsumer> logger)
    : IdempotentConsumer<SchoolRegistered>(dataSource, logger)
{
    protected override Task ApplyAsync(SchoolRegistered message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO schools (id, name, district_code, stage, class_size_norm)
            VALUES (@SchoolId, @Name, @DistrictCode, @Stage, @ClassSizeNorm)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, district_code = excluded.district_code,
                stage = excluded.stage, class_size_norm = excluded.class_size_norm
            """, message, transaction, cancellationToken: cancellationToken));
}
