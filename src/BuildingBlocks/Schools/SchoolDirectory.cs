using Dapper;
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
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;

namespace Platform.BuildingBlocks.Schools;

/// <summary>A school as the services other than Planning know it.</summary>
public sealed record KnownSchool(Guid Id, string Name, string DistrictCode, string Stage, int Classes, int ClassSizeNorm, int Places);

/// <summary>
/// The school directory: the services that do not own the school registry keep a replica of it (known_schools)
/// from Planning's events, to attach projects, teachers and staffing to schools without calling Planning.
/// </summary>
public static class SchoolDirectory
{
    private const string Columns =
        "id, name, district_code AS DistrictCode, stage, classes, class_size_norm AS ClassSizeNorm, places";

    /// <summary>Adds the directory's table to the service's migrations and its consumer to the bus.</summary>
    public static IHostApplicationBuilder AddSchoolDirectory(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new MigrationSource(MigrationSource.Module, MigrationCatalog.Embedded(
            typeof(SchoolDirectory).Assembly, "Platform.BuildingBlocks.Schools.Migrations", "schooldirectory")));
        return builder;
    }

    public static void AddSchoolDirectoryConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<SchoolRegisteredConsumer>();

    /// <summary>GET /schools: the schools this service knows of.</summary>
    public static IEndpointRouteBuilder MapSchoolDirectory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/schools", ListAsync).WithTags("Schools");
        return app;
    }

    public static async Task<KnownSchool?> FindAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<KnownSchool>(new CommandDefinition(
            $"SELECT {Columns} FROM known_schools WHERE id = @id", new { id }, cancellationToken: cancellationToken));

    private static async Task<Ok<List<KnownSchool>>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var schools = await connection.QueryAsync<KnownSchool>(new CommandDefinition(
            $"SELECT {Columns} FROM known_schools ORDER BY district_code, name", cancellationToken: cancellationToken));
        return TypedResults.Ok(schools.ToList());
    }
}

/// <summary>Enters a newly registered school in the directory.</summary>
public sealed class SchoolRegisteredConsumer(NpgsqlDataSource dataSource, ILogger<SchoolRegisteredConsumer> logger)
    : IdempotentConsumer<SchoolRegistered>(dataSource, logger)
{
    protected override Task ApplyAsync(SchoolRegistered message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("""
            INSERT INTO known_schools (id, name, district_code, stage, classes, class_size_norm, places)
            VALUES (@SchoolId, @Name, @DistrictCode, @Stage, @Classes, @ClassSizeNorm, @Places)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, district_code = excluded.district_code, stage = excluded.stage,
                classes = excluded.classes, class_size_norm = excluded.class_size_norm, places = excluded.places
            """, message, transaction, cancellationToken: cancellationToken));
}
