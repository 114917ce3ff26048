using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts;

namespace Platform.Planning.Schools;

public sealed record RegisterSchoolRequest(string? Name, string? DistrictCode, string? Stage, int? Classes, int? ClassSizeNorm);

public static partial class SchoolsApi
{
    /// <summary>A county-level administrative division code (GB/T 2260), e.g. 120106 for 红桥区.</summary>
    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex DistrictCode();

    public static IEndpointRouteBuilder MapSchoolsApi(this IEndpointRouteBuilder app)
    {
        var schools = app.MapGroup("/schools").WithTags("Schools");
        schools.MapPost("/", RegisterAsync);
        schools.MapGet("/{id:guid}", GetAsync);
        schools.MapGet("/", ListAsync);
        return app;
    }

    private static async Task<Results<Created<School>, ValidationProblem>> RegisterAsync(
        RegisterSchoolRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.Text("name", request.Name, 200);
        var district = validation.Matches("districtCode", request.DistrictCode, DistrictCode(), "a six-digit district code such as 120106");
        var stage = validation.OneOf("stage", request.Stage, Stage.All);
        var classes = validation.Number("classes", request.Classes, 0, 500);
        var norm = request.ClassSizeNorm is null ? stage?.DefaultClassSizeNorm ?? 0 : validation.Number("classSizeNorm", request.ClassSizeNorm, 10, 80);
        if (!validation.IsValid)
            return validation.Problem();

        var school = new School(Guid.CreateVersion7(), name, district, stage!.Code, classes, norm, classes * norm);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SchoolQueries.InsertAsync(transaction, school, cancellationToken);
        await transaction.EnqueueAsync(new SchoolRegistered(
            school.Id, school.Name, school.DistrictCode, school.Stage, school.Classes, school.ClassSizeNorm, school.Places), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/schools/{school.Id}", school);
    }

    private static async Task<Results<Ok<School>, NotFound>> GetAsync(Guid id, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        await SchoolQueries.FindAsync(dataSource, id, cancellationToken) is { } school ? TypedResults.Ok(school) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<School>>> ListAsync(string? districtCode, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SchoolQueries.ListAsync(dataSource, districtCode, cancellationToken));
}
