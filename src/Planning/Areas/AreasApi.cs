using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Planning.Areas;

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
        districts.MapGet("/", ListDistrictsAsync)
            .Describe("区", "The districts in the caller's scope.");
        districts.MapGet("/{code}/streets", ListStreetsAsync)
            .Describe("区内街道", "The streets (街道) of a district.");
        districts.MapPost("/{code}/streets", AddStreetAsync)
            .Describe("新增街道", "Adds a street to a district; its name is unique there.");
        districts.MapGet("/{code}/zones", ListZonesAsync)
            .Describe("区内学区与片区", "The zones of a district: 学区, 片区 and 施教区.");
        districts.MapPost("/{code}/zones", AddZoneAsync)
            .Describe("新增学区或片区", "Adds a zone to a district; its name is unique there.");
        return app;
    }

    private static async Task<Ok<List<District>>> ListDistrictsAsync(
        DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok((await AreaStore.DistrictsAsync(connection, cancellationToken))
            .Where(district => scope.Covers(district.Code)).ToList());
    }

    private static Task<Results<Ok<List<Street>>, NotFound>> ListStreetsAsync(
        string code, Database dataSource, CancellationToken cancellationToken) =>
        ListAsync(dataSource, code, AreaStore.StreetsAsync, cancellationToken);

    private static Task<Results<Ok<List<Zone>>, NotFound>> ListZonesAsync(
        string code, Database dataSource, CancellationToken cancellationToken) =>
        ListAsync(dataSource, code, AreaStore.ZonesAsync, cancellationToken);

    /// <summary>The streets or zones of a district; 404 for an unknown district.</summary>
    private static async Task<Results<Ok<List<T>>, NotFound>> ListAsync<T>(
        Database dataSource, string code, Func<NpgsqlConnection, string, CancellationToken, Task<List<T>>> list,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if (!await AreaStore.DistrictExistsAsync(connection, code, cancellationToken))
            return TypedResults.NotFound();
        return TypedResults.Ok(await list(connection, code, cancellationToken));
    }

    private static async Task<Results<Created<Street>, NotFound, ValidationProblem, ProblemHttpResult>> AddStreetAsync(
        string code, StreetRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.Text("name", request.Name, 100);
        if (!validation.IsValid)
            return validation.Problem();
        var street = new Street(Guid.CreateVersion7(), code, name);
        return await InsertAsync(dataSource, code, street, $"/districts/{code}/streets/{street.Id}", AreaStore.InsertAsync,
            cancellationToken);
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
        return await InsertAsync(dataSource, code, zone, $"/districts/{code}/zones/{zone.Id}", AreaStore.InsertAsync,
            cancellationToken);
    }

    /// <summary>Adds a street or zone to a district: 404 for an unknown district, 409 when the name is taken.</summary>
    private static async Task<Results<Created<T>, NotFound, ValidationProblem, ProblemHttpResult>> InsertAsync<T>(
        Database dataSource, string districtCode, T area, string location,
        Func<NpgsqlConnection, T, CancellationToken, Task> insert, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if (!await AreaStore.DistrictExistsAsync(connection, districtCode, cancellationToken))
            return TypedResults.NotFound();
        try
        {
            await insert(connection, area, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return TypedResults.Problem(title: PlanningTexts.NameTaken.ToString(),
                detail: new UserText("本区已有同名的街道或学区。", "The district already has one by this name.").ToString(),
                statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["field"] = "name" });
        }
        return TypedResults.Created(location, area);
    }
}
