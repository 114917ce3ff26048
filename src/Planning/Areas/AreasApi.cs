using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;

namespace Platform.Planning.Areas;

public sealed record District(string Code, string Name, string CityCode);

public sealed record Street(Guid Id, string DistrictCode, string Name);

public sealed record Zone(Guid Id, string DistrictCode, string Name, string Kind);

public sealed record StreetRequest(string? Name);

public sealed record ZoneRequest(string? Name, string? Kind);

/// <summary>The planning units of a city: districts (区), their streets (街道) and zones (学区/片区/施教区).</summary>
public static class AreasApi
{
    /// <summary>学区 (a school district), 片区 (an area), 施教区 (a school's catchment).</summary>
    public static readonly IReadOnlyDictionary<string, string> ZoneKinds = new Dictionary<string, string>
    {
        ["school_district"] = "学区",
        ["area"] = "片区",
        ["catchment"] = "施教区",
    };

    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        var districts = app.MapGroup("/districts").WithTags("Areas");
        districts.MapGet("/", ListDistrictsAsync);
        districts.MapGet("/{code}/streets", ListStreetsAsync);
        districts.MapPost("/{code}/streets", AddStreetAsync);
        districts.MapGet("/{code}/zones", ListZonesAsync);
        districts.MapPost("/{code}/zones", AddZoneAsync);
        return app;
    }

    public static async Task<IReadOnlyList<District>> DistrictsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<District>(new CommandDefinition(
            "SELECT code, name, city_code AS CityCode FROM districts ORDER BY code", cancellationToken: cancellationToken))).ToList();

    private static async Task<Ok<IReadOnlyList<District>>> ListDistrictsAsync(DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok((await DistrictsAsync(connection, cancellationToken)).Where(district => scope.Covers(district.Code)).ToList() as IReadOnlyList<District>);
    }

    private static Task<Results<Ok<List<Street>>, NotFound>> ListStreetsAsync(string code, Database dataSource, CancellationToken cancellationToken) =>
        ListAsync<Street>(dataSource, code, "SELECT id, district_code AS DistrictCode, name FROM streets WHERE district_code = @code ORDER BY name", cancellationToken);

    private static Task<Results<Ok<List<Zone>>, NotFound>> ListZonesAsync(string code, Database dataSource, CancellationToken cancellationToken) =>
        ListAsync<Zone>(dataSource, code, "SELECT id, district_code AS DistrictCode, name, kind FROM zones WHERE district_code = @code ORDER BY name", cancellationToken);

    /// <summary>The streets or zones of a district; 404 for an unknown district.</summary>
    private static async Task<Results<Ok<List<T>>, NotFound>> ListAsync<T>(Database dataSource, string code, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if (!await DistrictExistsAsync(connection, code, cancellationToken))
            return TypedResults.NotFound();
        return TypedResults.Ok((await connection.QueryAsync<T>(new CommandDefinition(sql, new { code }, cancellationToken: cancellationToken))).ToList());
    }

    private static async Task<Results<Created<Street>, NotFound, ValidationProblem, ProblemHttpResult>> AddStreetAsync(
        string code, StreetRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.Text("name", request.Name, 100);
        if (!validation.IsValid)
            return validation.Problem();
        var street = new Street(Guid.CreateVersion7(), code, name);
        return await InsertAsync(dataSource, code, street, $"/districts/{code}/streets/{street.Id}",
            "INSERT INTO streets (id, district_code, name) VALUES (@Id, @DistrictCode, @Name)", cancellationToken);
    }

    private static async Task<Results<Created<Zone>, NotFound, ValidationProblem, ProblemHttpResult>> AddZoneAsync(
        string code, ZoneRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.Text("name", request.Name, 100);
        var kind = request.Kind ?? "school_district";
        validation.OneOf("kind", kind, ZoneKinds);
        if (!validation.IsValid)
            return validation.Problem();
        var zone = new Zone(Guid.CreateVersion7(), code, name, kind);
        return await InsertAsync(dataSource, code, zone, $"/districts/{code}/zones/{zone.Id}",
            "INSERT INTO zones (id, district_code, name, kind) VALUES (@Id, @DistrictCode, @Name, @Kind)", cancellationToken);
    }

    /// <summary>Adds a street or zone to a district: 404 for an unknown district, 409 when the name is taken.</summary>
    private static async Task<Results<Created<T>, NotFound, ValidationProblem, ProblemHttpResult>> InsertAsync<T>(
        Database dataSource, string districtCode, T area, string location, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if (!await DistrictExistsAsync(connection, districtCode, cancellationToken))
            return TypedResults.NotFound();
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, area, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return TypedResults.Problem(title: "The name is taken.", detail: "The district already has one by this name.",
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["field"] = "name" });
        }
        return TypedResults.Created(location, area);
    }

    private static Task<bool> DistrictExistsAsync(NpgsqlConnection connection, string code, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM districts WHERE code = @code)", new { code }, cancellationToken: cancellationToken));
}
