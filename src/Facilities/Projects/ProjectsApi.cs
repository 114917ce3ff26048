using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Facilities.Projects;

/// <param name="OtherStages">Stages beyond the main one, for a nine- or twelve-year school; places default to classes × the stage's norm.</param>
/// <param name="NewSchool">Instead of <paramref name="SchoolId"/>: a school the registry does not have yet, registered in Planning when the project is put into use.</param>
public sealed record CreateProjectRequest(
    Guid? SchoolId, string? Name, string? Stage,
    [property: Bounds(1, 200)] int? ClassesAdded, [property: Bounds(1, 20_000)] int? PlacesAdded, DateOnly? PlannedInUse = null,
    IReadOnlyList<OtherStageRequest>? OtherStages = null,
    NewSchoolRequest? NewSchool = null);

/// <param name="Ownership">public (default), private or inclusive_private.</param>
public sealed record NewSchoolRequest(string? Name, Guid? ZoneId, string? Ownership);

public sealed record OtherStageRequest(string? Stage, [property: Bounds(1, 200)] int? Classes, [property: Bounds(1, 20_000)] int? Places);

public sealed record ScheduleRequest(DateOnly? PlannedInUse);

public sealed record CancelRequest(string? Reason);

/// <summary>A step of a project's status: from which statuses, the change, and the events it writes (with the project before it).</summary>
internal sealed record ProjectStep(
    string[] From, string Action, Func<Project, Project> Change,
    Func<NpgsqlTransaction, Project, FacilityProject, KnownSchool?, CancellationToken, Task> Announce, bool NeedsSchool = false);

/// <summary>
/// Projects that add classes to a school: proposed (谋划), approved (立项), rescheduled, cancelled or commissioned
/// (投入使用). Each change is announced, in the same transaction, with the project's new state.
/// </summary>
public static class ProjectsApi
{
    private static readonly string[] Active = ["proposed", "approved"];

    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/projects").WithTags("Projects");
        projects.MapPost("/", CreateAsync)
            .Describe("新建项目", "A new-build, expansion or developer-built project for a school or a new one.");
        projects.MapGet("/{id:guid}", GetAsync)
            .Describe("项目", "A project with its school, stages, classes, places and status.");
        projects.MapGet("/", ListAsync)
            .Describe("项目清单", "The projects of the districts in the caller's scope, newest first.");
        projects.MapPut("/{id:guid}/school", ChooseSchoolAsync)
            .Describe("选定学校", "The school a proposed project builds for, chosen from the district's schools.");
        projects.MapPut("/{id:guid}/schedule", ScheduleAsync)
            .Describe("计划投入使用日期", "The date a project's places are planned to be in use.");
        projects.MapPost("/{id:guid}/cancel", CancelAsync)
            .Describe("撤销项目", "Cancels a proposed or approved project, with the reason; Planning stops counting it.");
        return app;
    }

    private static async Task<Results<Created<Project>, ValidationProblem>> CreateAsync(
        CreateProjectRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.Text("name", request.Name, 200);
        var classes = validation.Required("classesAdded", request.ClassesAdded);
        if (request.SchoolId is null == request.NewSchool is null)
            validation.Add("schoolId", "is required, or else newSchool for a school the registry does not have yet (not both).");
        if (request.PlannedInUse is { Year: < 2000 or > 2100 })
            validation.Add("plannedInUse", "must be a date between 2000 and 2100.");

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        // A school outside the caller's districts is as unknown to them as one that does not exist.
        var school = request.SchoolId is { } schoolId && await SchoolDirectory.FindAsync(connection, schoolId, cancellationToken) is { } found
            && scope.Covers(found.DistrictCode) ? found : null;
        if (request.SchoolId is not null && school is null)
            validation.Add("schoolId", "is not a school known to Facilities.");
        var newSchool = request.NewSchool is { } fresh ? await NewSchoolAsync(connection, fresh, request.Stage, scope, validation, cancellationToken) : null;
        if (request.NewSchool is not null && request.Stage is null)
            validation.Add("stage", "is required for a new school.");
        if (request.NewSchool is not null && request.PlacesAdded is null)
            validation.Add("placesAdded", "is required for a new school: it has no class-size norm yet.");
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
        var places = request.PlacesAdded is null ? classes * (norm ?? 0) : request.PlacesAdded.Value;
        var others = new List<StagePlaces>();
        for (var i = 0; i < (request.OtherStages?.Count ?? 0); i++)
        {
            var other = request.OtherStages![i];
            var otherNorm = school?.Stages.FirstOrDefault(s => s.Stage == other.Stage)?.ClassSizeNorm;
            if (other.Stage is null || !SchoolStages.Codes.Contains(other.Stage) || other.Stage == stage || others.Any(o => o.Stage == other.Stage))
                validation.Add($"otherStages[{i}].stage", $"must be another stage ({string.Join(", ", SchoolStages.Codes)}), each once, not the main one.");
            else if (otherNorm is null && other.Places is null)
                validation.Add($"otherStages[{i}].stage", "is not a stage of the school; give places for a new stage.");
            var otherClasses = validation.Required($"otherStages[{i}].classes", other.Classes);
            var otherPlaces = other.Places is null ? otherClasses * (otherNorm ?? 0) : other.Places.Value;
            if (validation.IsValid)
                others.Add(new StagePlaces(other.Stage!, otherClasses, otherPlaces));
        }
        if (!validation.IsValid)
            return validation.Problem();

        var proposed = school is not null
            ? new Project(Guid.CreateVersion7(), 1, school.Id, school.DistrictCode, school.ZoneId, name, stage!, classes, places,
                "proposed", request.PlannedInUse, null)
            : new Project(Guid.CreateVersion7(), 1, null, newSchool!.DistrictCode, newSchool.ZoneId, name, stage!, classes, places,
                "proposed", request.PlannedInUse, null,
                NewSchoolId: Guid.CreateVersion7(), NewSchoolName: newSchool.Name, NewSchoolOwnership: newSchool.Ownership);
        var project = proposed with { OtherStages = others };
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ProjectStore.InsertAsync(transaction, project, cancellationToken);
        await transaction.EnqueueAsync(new FacilityProjectProposed(State(project, school)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/projects/{project.Id}", project);
    }

    private static async Task<Results<Ok<Project>, NotFound>> GetAsync(Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await ProjectStore.FindAsync(connection, id, cancellationToken) is { } project ? TypedResults.Ok(project) : TypedResults.NotFound();
    }

    private static async Task<Ok<IReadOnlyList<Project>>> ListAsync(DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await ProjectStore.ListAsync(connection, scope.Prefix, cancellationToken));
    }

    private static async Task<Results<Ok<Project>, NotFound, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        Guid id, ScheduleRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.PlannedInUse is not { Year: >= 2000 and <= 2100 })
            validation.Add("plannedInUse", "is required: a date between 2000 and 2100.");
        if (!validation.IsValid)
            return validation.Problem();
        return await ChangeAsync(id, new ProjectStep(Active, "rescheduled", project => project with { PlannedInUse = request.PlannedInUse },
            (transaction, before, state, _, token) => transaction.EnqueueAsync(new FacilityProjectScheduleChanged(state, before.PlannedInUse), token)),
            dataSource, cancellationToken);
    }

    private static async Task<Results<Ok<Project>, NotFound, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, CancelRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var reason = validation.Text("reason", request.Reason, 500);
        if (!validation.IsValid)
            return validation.Problem();
        return await ChangeAsync(id, new ProjectStep(Active, "cancelled", project => project with { Status = "cancelled" },
            (transaction, _, state, _, token) => transaction.EnqueueAsync(new FacilityProjectCancelled(state, reason), token)), dataSource, cancellationToken);
    }

    /// <summary>
    /// A new school's name, zone and ownership checked as the registry would: a zone Facilities knows from its schools,
    /// in the caller's districts; a name no school of the district has (names are unique in a district); 普惠性民办 only
    /// for a kindergarten.
    /// </summary>
    private static async Task<NewSchoolDetails?> NewSchoolAsync(
        NpgsqlConnection connection, NewSchoolRequest request, string? stage, DistrictScope scope, Validation validation, CancellationToken cancellationToken)
    {
        var name = validation.Text("newSchool.name", request.Name, 100);
        var ownership = request.Ownership ?? "public";
        validation.OneOf("newSchool.ownership", ownership, SchoolOwnerships.ChineseNames);
        if (ownership == SchoolOwnerships.InclusivePrivate && stage != "kindergarten")
            validation.Add("newSchool.ownership", "普惠性民办 (inclusive_private) applies to kindergartens only.");
        var district = request.ZoneId is { } zone ? await ProjectStore.DistrictOfZoneAsync(connection, zone, cancellationToken) : null;
        if (district is null || !scope.Covers(district))
            validation.Add("newSchool.zoneId", "is required: a zone Facilities knows from its schools, in your districts.");
        else if (name is not null && await ProjectStore.SchoolNameTakenAsync(connection, district, name, cancellationToken))
            validation.Add("newSchool.name", "is the name of a school the district has already.");
        return validation.IsValid ? new NewSchoolDetails(name!, district!, request.ZoneId!.Value, ownership) : null;
    }

    /// <summary>立项: announced, and the staffing the classes will need raised with Workforce.</summary>
    internal static readonly ProjectStep Approval = new(["proposed"], "approved", project => project with { Status = "approved" },
        async (transaction, project, state, school, cancellationToken) =>
        {
            await transaction.EnqueueAsync(new FacilityProjectApproved(state), cancellationToken);
            // Without a planned date, staff are wanted for the next school year.
            await RaiseStaffingAsync(transaction, project, school, state.PlannedInUse ?? new DateOnly(DateTime.UtcNow.Year + 1, 9, 1), "approved", cancellationToken);
        }, NeedsSchool: true);

    /// <summary>投入使用 from a date: the capacity announced once, and the staffing raised again.</summary>
    internal static ProjectStep Commissioning(DateOnly inUseFrom) => new(Active, "commissioned", project => project with { Status = "commissioned", InUseFrom = inUseFrom },
        async (transaction, project, _, school, cancellationToken) =>
        {
            // A school the registry does not have yet is registered by Planning with these details.
            var newSchool = school is null ? new NewSchoolDetails(project.NewSchoolName!, project.DistrictCode, project.ZoneId, project.NewSchoolOwnership!) : null;
            foreach (var added in project.AllStages)
                await transaction.EnqueueAsync(new CapacityCommissioned(project.Id, school?.Id ?? project.NewSchoolId!.Value, added.Stage, added.Classes, added.Places,
                    inUseFrom, OpensSchool: school?.Status == "planned", newSchool), cancellationToken);
            await RaiseStaffingAsync(transaction, project, school, inUseFrom, "commissioned", cancellationToken);
        }, NeedsSchool: true);

    public sealed record SchoolChoice(Guid? SchoolId);

    /// <summary>
    /// Chooses the school of a proposal (one made from a shortfall names only its zone): a school Facilities knows, in
    /// the project's zone, serving the project's stage (a planned school may be registered in Planning first).
    /// </summary>
    private static async Task<Results<Ok<Project>, NotFound, ValidationProblem, ProblemHttpResult>> ChooseSchoolAsync(
        Guid id, SchoolChoice request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        KnownSchool? school = null;
        if (request.SchoolId is null)
            validation.Add("schoolId", "is required.");
        else
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            school = await SchoolDirectory.FindAsync(connection, request.SchoolId.Value, cancellationToken);
            var project = await ProjectStore.FindAsync(connection, id, cancellationToken);
            if (project?.NewSchoolId is not null)
                validation.Add("schoolId", $"cannot be chosen: the project builds a new school ({project.NewSchoolName}).");
            else if (school is null)
                validation.Add("schoolId", "is not a school known to Facilities.");
            else if (project is not null && (school.ZoneId != project.ZoneId || school.Stages.All(s => s.Stage != project.Stage)))
                validation.Add("schoolId", $"must be a school of the project's zone serving its stage ({project.Stage}).");
        }
        if (!validation.IsValid)
            return validation.Problem();
        return await ChangeAsync(id, new ProjectStep(["proposed"], "given a school", project => project with { SchoolId = school!.Id },
            (transaction, _, state, _, token) => transaction.EnqueueAsync(new FacilityProjectProposed(state), token)), dataSource, cancellationToken);
    }

    /// <summary>Takes a step in its own transaction: 404 for an unknown project, otherwise as <see cref="TakeAsync"/>.</summary>
    private static async Task<Results<Ok<Project>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, ProjectStep step, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var project = await ProjectStore.FindAsync(connection, id, cancellationToken, lockFor: transaction);
        if (project is null)
            return TypedResults.NotFound();
        var (changed, problem) = await TakeAsync(transaction, project, step, cancellationToken);
        if (changed is null)
            return problem!;
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(changed);
    }

    /// <summary>
    /// Moves a (locked) project one step from one of the step's statuses: saves the change with the version raised and
    /// writes its events in the caller's transaction; a 409 problem when the status, or a missing school, does not allow it.
    /// </summary>
    internal static async Task<(Project? Changed, ProblemHttpResult? Problem)> TakeAsync(
        NpgsqlTransaction transaction, Project project, ProjectStep step, CancellationToken cancellationToken)
    {
        if (!step.From.Contains(project.Status))
            return (null, TypedResults.Problem(
                title: $"The project is {project.Status}.",
                detail: $"Project {project.Id} can be {step.Action} only while {string.Join(" or ", step.From)}" +
                    (project.InUseFrom is { } inUse ? $"; it was put into use from {inUse:yyyy-MM-dd}." : "."),
                statusCode: StatusCodes.Status409Conflict));
        if (step.NeedsSchool && project.SchoolId is null && project.NewSchoolId is null)
            return (null, TypedResults.Problem(title: "The project has no school yet.", detail: $"Choose its school first (PUT /projects/{project.Id}/school).",
                statusCode: StatusCodes.Status409Conflict));

        var changed = step.Change(project) with { Version = project.Version + 1 };
        await ProjectStore.UpdateAsync(transaction, changed, cancellationToken);
        var school = changed.SchoolId is { } schoolId ? await SchoolDirectory.FindAsync(transaction.Connection!, schoolId, cancellationToken) : null;
        await step.Announce(transaction, project, State(changed, school), school, cancellationToken);
        return (changed, null);
    }

    /// <summary>
    /// Tells Workforce the teachers a project's classes will need, one requirement per stage: at approval, at completion
    /// (竣工验收) and at commissioning. Classes for a school the registry still has as planned, or does not have yet
    /// (<paramref name="school"/> null), open a new school.
    /// </summary>
    internal static async Task RaiseStaffingAsync(
        NpgsqlTransaction transaction, Project project, KnownSchool? school, DateOnly from, string milestone, CancellationToken cancellationToken)
    {
        foreach (var stage in project.AllStages)
            await transaction.EnqueueAsync(new StaffingRequirementRaised(project.Id, project.DistrictCode, school?.Id ?? project.NewSchoolId!.Value, stage.Stage,
                stage.Classes, stage.Places, from, NewSchool: school is null || school.Status == "planned", milestone), cancellationToken);
    }

    internal static FacilityProject State(Project project, KnownSchool? school) =>
        new(project.Id, project.Version, project.DistrictCode, project.ZoneId, school?.Id, project.Name, project.Status, project.AllStages, project.PlannedInUse);
}
