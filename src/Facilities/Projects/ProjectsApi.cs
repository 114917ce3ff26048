using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Schools;
using Platform.Contracts;

namespace Platform.Facilities.Projects;

public sealed record CreateProjectRequest(Guid? SchoolId, string? Name, string? Stage, int? ClassesAdded, int? PlacesAdded);

public sealed record CommissionProjectRequest(DateOnly? InUseFrom);

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/projects").WithTags("Projects");
        projects.MapPost("/", CreateAsync);
        projects.MapGet("/{id:guid}", GetAsync);
        projects.MapGet("/", ListAsync);
        projects.MapPost("/{id:guid}/commission", CommissionAsync);
        return app;
    }

    private static async Task<Results<Created<Project>, ValidationProblem>> CreateAsync(
        CreateProjectRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.Text("name", request.Name, 200);
        var classes = validation.Number("classesAdded", request.ClassesAdded, 1, 200);
        if (request.SchoolId is null)
            validation.Add("schoolId", "is required.");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var school = request.SchoolId is { } schoolId ? await SchoolDirectory.FindAsync(connection, schoolId, cancellationToken) : null;
        if (request.SchoolId is not null && school is null)
            validation.Add("schoolId", "is not a school known to Facilities.");
        // The stage the new classes serve: required when the school serves several (e.g. a nine-year school).
        var stage = request.Stage is null && school?.Stages.Count == 1 ? school.Stages[0].Stage : request.Stage;
        var norm = school?.Stages.FirstOrDefault(s => s.Stage == stage)?.ClassSizeNorm;
        if (school is not null && stage is null)
            validation.Add("stage", $"is required: the school serves {string.Join(", ", school.Stages.Select(s => s.Stage))}.");
        else if (stage is not null && !SchoolStages.Codes.Contains(stage))
            validation.Add("stage", $"must be one of: {string.Join(", ", SchoolStages.Codes)}.");
        else if (school is not null && norm is null && request.PlacesAdded is null)
            validation.Add("stage", "is not a stage of the school; give placesAdded for a new stage.");
        // Places default to the new classes at the stage's class-size norm.
        var places = request.PlacesAdded is null ? classes * (norm ?? 0) : validation.Number("placesAdded", request.PlacesAdded, 1, 20_000);
        if (!validation.IsValid)
            return validation.Problem();

        var project = new Project(Guid.CreateVersion7(), school!.Id, name, stage!, classes, places, "planned", null);
        await ProjectQueries.InsertAsync(connection, project, cancellationToken);
        return TypedResults.Created($"/projects/{project.Id}", project);
    }

    private static async Task<Results<Ok<Project>, NotFound>> GetAsync(Guid id, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ProjectQueries.FindAsync(connection, id, cancellationToken) is { } project ? TypedResults.Ok(project) : TypedResults.NotFound();
    }

    private static async Task<Ok<IReadOnlyList<Project>>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok(await ProjectQueries.ListAsync(connection, cancellationToken));
    }

    /// <summary>投入使用: the project's places count as the school's capacity from <c>inUseFrom</c>; announced once.</summary>
    private static async Task<Results<Ok<Project>, NotFound, ValidationProblem, ProblemHttpResult>> CommissionAsync(
        Guid id, CommissionProjectRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.InUseFrom is null)
            validation.Add("inUseFrom", "is required.");
        if (!validation.IsValid)
            return validation.Problem();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var project = await ProjectQueries.FindAsync(connection, id, cancellationToken, lockFor: transaction);
        if (project is null)
            return TypedResults.NotFound();
        if (project.Status == "commissioned")
            return TypedResults.Problem(
                title: "The project is already commissioned.", detail: $"Project {id} was put into use from {project.InUseFrom:yyyy-MM-dd}.",
                statusCode: StatusCodes.Status409Conflict);

        var inUseFrom = request.InUseFrom!.Value;
        await ProjectQueries.MarkCommissionedAsync(transaction, id, inUseFrom, cancellationToken);
        await transaction.EnqueueAsync(new CapacityCommissioned(
            project.Id, project.SchoolId, project.Stage, project.ClassesAdded, project.PlacesAdded, inUseFrom), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(project with { Status = "commissioned", InUseFrom = inUseFrom });
    }
}
