using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.BuildingBlocks.Schools;

/// <summary>A school as the services other than Planning know it.</summary>
public sealed record KnownSchool(
    Guid Id, int Version, string Name, string DistrictCode, Guid ZoneId, string Ownership, string Status, int? OpeningYear,
    IReadOnlyList<SchoolStageCapacity> Stages)
{
    public int Places => Stages.Sum(s => s.Places);
}

/// <summary>
/// The school directory: the services that do not own the school registry keep a replica of it (known_schools)
/// from Planning's events, to attach projects, teachers and staffing to schools without calling Planning.
/// </summary>
public static class SchoolDirectory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Row(
        Guid Id, int Version, string Name, string DistrictCode, Guid ZoneId, string Ownership, string Status, int? OpeningYear,
        string Stages);

    private const string Columns =
        "id, version, name, district_code AS DistrictCode, zone_id AS ZoneId, "
        + "ownership, status, opening_year AS OpeningYear, stages::text AS Stages";

    /// <summary>Adds the directory's table to the service's migrations.</summary>
    public static IHostApplicationBuilder AddSchoolDirectory(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new MigrationSource(MigrationSource.Module, MigrationCatalog.Embedded(
            typeof(SchoolDirectory).Assembly, "Platform.BuildingBlocks.Schools.Migrations", "schooldirectory")));
        return builder;
    }

    public static void AddSchoolDirectoryConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<SchoolRegisteredConsumer>();
        bus.AddConsumer<SchoolUpdatedConsumer>();
    }

    /// <summary>GET /schools: the schools this service knows of.</summary>
    public static IEndpointRouteBuilder MapSchoolDirectory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/schools", ListAsync).WithTags("Schools")
            .Describe("已知学校", "The schools this service knows of, as the registry's events told them.");
        return app;
    }

    public static async Task<KnownSchool?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken) =>
        (await connection.ListAsync<Row>($"""
            SELECT {Columns}
            FROM known_schools
            WHERE id = @id
            """, new { id }, cancellationToken)).Select(ToSchool).SingleOrDefault();

    private static async Task<Ok<IReadOnlyList<KnownSchool>>> ListAsync(
        DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await AllAsync(connection, scope.Prefix, cancellationToken));
    }

    /// <summary>The schools in the districts <paramref name="scopePrefix"/> covers (DistrictScope.Prefix).</summary>
    public static async Task<IReadOnlyList<KnownSchool>> AllAsync(
        NpgsqlConnection connection, string scopePrefix, CancellationToken cancellationToken) =>
        (await connection.ListAsync<Row>($"""
            SELECT {Columns}
            FROM known_schools
            WHERE starts_with(district_code, @scopePrefix)
            ORDER BY district_code, name
            """, new { scopePrefix }, cancellationToken)).Select(ToSchool).ToList();

    private static KnownSchool ToSchool(Row row) => new(
        row.Id, row.Version, row.Name, row.DistrictCode, row.ZoneId, row.Ownership, row.Status,
        row.OpeningYear, JsonSerializer.Deserialize<List<SchoolStageCapacity>>(row.Stages, Json)!);

    /// <summary>Keeps the newest version of a school, whichever of its events arrives first.</summary>
    internal static Task UpsertAsync(NpgsqlTransaction transaction, KnownSchool school, CancellationToken cancellationToken) =>
        transaction.WriteAsync("""
            INSERT INTO known_schools (id, version, name, district_code, zone_id, ownership, status, opening_year, stages)
            VALUES (@Id, @Version, @Name, @DistrictCode, @ZoneId, @Ownership, @Status, @OpeningYear, @stages::jsonb)
            ON CONFLICT (id) DO UPDATE
                SET version = excluded.version, name = excluded.name, district_code = excluded.district_code,
                    zone_id = excluded.zone_id, ownership = excluded.ownership, status = excluded.status,
                    opening_year = excluded.opening_year, stages = excluded.stages, received_at = clock_timestamp()
            WHERE known_schools.version < excluded.version
            """,
            new
            {
                school.Id, school.Version, school.Name, school.DistrictCode, school.ZoneId, school.Ownership, school.Status,
                school.OpeningYear, stages = JsonSerializer.Serialize(school.Stages, Json)
            }, cancellationToken);
}

/// <summary>Enters a newly registered school in the directory.</summary>
public sealed class SchoolRegisteredConsumer(Database dataSource, ILogger<SchoolRegisteredConsumer> logger)
    : IdempotentConsumer<SchoolRegistered>(dataSource, logger)
{
    protected override Task ApplyAsync(SchoolRegistered m, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        SchoolDirectory.UpsertAsync(transaction,
            new KnownSchool(m.SchoolId, m.Version, m.Name, m.DistrictCode, m.ZoneId, m.Ownership, m.Status, m.OpeningYear, m.Stages),
            cancellationToken);
}

/// <summary>Brings a school of the directory up to date.</summary>
public sealed class SchoolUpdatedConsumer(Database dataSource, ILogger<SchoolUpdatedConsumer> logger)
    : IdempotentConsumer<SchoolUpdated>(dataSource, logger)
{
    protected override Task ApplyAsync(SchoolUpdated m, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        SchoolDirectory.UpsertAsync(transaction,
            new KnownSchool(m.SchoolId, m.Version, m.Name, m.DistrictCode, m.ZoneId, m.Ownership, m.Status, m.OpeningYear, m.Stages),
            cancellationToken);
}
