using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Facilities.Projects;

/// <summary>
/// Projects that add classes to a school: proposed (谋划), approved (立项), rescheduled, cancelled or commissioned
/// (投入使用), as <see cref="ProjectLifecycle"/> decides. Each change is announced, in the same transaction, with the
/// project's new state.
/// </summary>
public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/projects").WithTags("Projects");
        projects.MapPost("/", CreateProject.HandleAsync)
            .Describe("新建项目", "A new-build, expansion or developer-built project for a school or a new one.");
        projects.MapGet("/{id:guid}", GetAsync)
            .Describe("项目", "A project with its school, stages, classes, places and status.");
        projects.MapGet("/", ListAsync)
            .Describe("项目清单", "The projects of the districts in the caller's scope, newest first.");
        projects.MapGet("/{id:guid}/schools", ChoosableSchoolsAsync)
            .Describe("可选学校", "The schools a proposal may be built at: of its zone, not closed, serving its stage.");
        projects.MapPut("/{id:guid}/school", ChooseSchoolAsync)
            .Describe("选定学校", "The school a proposed project builds for, chosen from the district's schools.");
        projects.MapPut("/{id:guid}/schedule", ScheduleAsync)
            .Describe("计划投入使用日期", "The date a project's places are planned to be in use.");
        projects.MapPost("/{id:guid}/cancel", CancelAsync)
            .Describe("撤销项目", "Cancels a proposed or approved project, with the reason; Planning stops counting it.");
        return app;
    }

    private static async Task<Results<Ok<Project>, NotFound>> GetAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await ProjectStore.FindAsync(connection, id, cancellationToken) is { } project
            ? TypedResults.Ok(project)
            : TypedResults.NotFound();
    }

    private static async Task<Ok<IReadOnlyList<Project>>> ListAsync(
        DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await ProjectStore.ListAsync(connection, scope.Prefix, cancellationToken));
    }

    private static async Task<Results<Ok<Project>, NotFound, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        Guid id, ScheduleRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        if (request.PlannedInUse is not { Year: >= 2000 and <= 2100 } plannedInUse)
        {
            var validation = new Validation();
            validation.Add("plannedInUse", ProjectLifecycle.InUseYears);
            return validation.Problem();
        }
        return await TakeAsync(dataSource, id, (project, school) =>
            ProjectLifecycle.Reschedule(project, plannedInUse, school), cancellationToken);
    }

    private static async Task<Results<Ok<Project>, NotFound, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, CancelRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var reason = validation.Text("reason", request.Reason, 500);
        if (!validation.IsValid)
            return validation.Problem();
        return await TakeAsync(dataSource, id, (project, school) =>
            ProjectLifecycle.Cancel(project, reason!, school), cancellationToken);
    }

    /// <summary>The schools a proposal may be built at, as <see cref="ProjectLifecycle.WhyNotAt"/> decides.</summary>
    private static async Task<Results<Ok<IReadOnlyList<KnownSchool>>, NotFound>> ChoosableSchoolsAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if (await ProjectStore.FindAsync(connection, id, cancellationToken) is not { } project)
            return TypedResults.NotFound();
        var schools = await SchoolDirectory.AllAsync(connection, project.DistrictCode, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<KnownSchool>>([.. schools.Where(s => ProjectLifecycle.WhyNotAt(project, s) is null)]);
    }

    /// <summary>Chooses the school of a proposal, as <see cref="ProjectLifecycle.WhyNotAt"/> allows.</summary>
    private static async Task<Results<Ok<Project>, NotFound, ValidationProblem, ProblemHttpResult>> ChooseSchoolAsync(
        Guid id, SchoolChoice request, Database dataSource, CancellationToken cancellationToken)
    {
        if (request.SchoolId is not { } schoolId)
        {
            var validation = new Validation();
            validation.Add("schoolId", UserText.Required);
            return validation.Problem();
        }
        return await ProjectStore.Change.RunAsync(dataSource, id, async (transaction, project, problems) =>
        {
            var school = await SchoolDirectory.FindAsync(transaction.Connection!, schoolId, cancellationToken);
            if (ProjectLifecycle.WhyNotAt(project, school) is { } problem)
            {
                problems.Add("schoolId", problem);
                return null;
            }
            return await ProjectStore.SaveAsync(transaction, ProjectLifecycle.ChooseSchool(project, school!), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Takes a step of the project's lifecycle in its own transaction and answers the project after it.</summary>
    private static Task<Results<Ok<Project>, NotFound, ValidationProblem, ProblemHttpResult>> TakeAsync(
        Database dataSource, Guid id, Func<Project, KnownSchool?, ProjectStep> decide, CancellationToken cancellationToken) =>
        ProjectStore.Change.RunAsync(dataSource, id, async (transaction, project, _) =>
            await ProjectStore.SaveAsync(transaction,
                decide(project, await ProjectStore.SchoolOfAsync(transaction.Connection!, project, cancellationToken)),
                cancellationToken), cancellationToken);
}
