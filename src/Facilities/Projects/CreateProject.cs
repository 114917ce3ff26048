using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Schools;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Facilities.Projects;

/// <summary>
/// A new project (谋划) for a school of the caller's districts, or for a school the registry does not have yet; its
/// places default to the new classes at the stage's class-size norm.
/// </summary>
internal static class CreateProject
{
    public static async Task<Results<Created<Project>, ValidationProblem>> HandleAsync(
        CreateProjectRequest request, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = validation.Text("name", request.Name, 200);
        var classes = validation.Required("classesAdded", request.ClassesAdded);
        if (request.SchoolId is null == request.NewSchool is null)
            validation.Add("schoolId", new("须填写，或改为填写新建学校（名录中尚无的学校），二者只填其一。",
                "is required, or else newSchool for a school the registry does not have yet (not both)."));
        if (request.PlannedInUse is { Year: < 2000 or > 2100 })
            validation.Add("plannedInUse", ProjectLifecycle.InUseYears);

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        // A school outside the caller's districts is as unknown to them as one that does not exist.
        var school = request.SchoolId is { } schoolId
            && await SchoolDirectory.FindAsync(connection, schoolId, cancellationToken) is { } found
            && scope.Covers(found.DistrictCode) ? found : null;
        if (request.SchoolId is not null && school is null)
            validation.Add("schoolId", ProjectLifecycle.UnknownSchool);
        var newSchool = request.NewSchool is { } fresh
            ? await NewSchoolAsync(connection, fresh, request.Stage, scope, validation, cancellationToken)
            : null;
        if (request.NewSchool is not null && request.Stage is null)
            validation.Add("stage", new("新建学校须填写。", "is required for a new school."));
        if (request.NewSchool is not null && request.PlacesAdded is null)
            validation.Add("placesAdded", new("新建学校须填写：它还没有班额标准。",
                "is required for a new school: it has no class-size norm yet."));
        // The stage the new classes serve: required when the school serves several (e.g. a nine-year school).
        var stage = request.Stage is null && school?.Stages.Count == 1 ? school.Stages[0].Stage : request.Stage;
        var norm = school?.Stages.FirstOrDefault(s => s.Stage == stage)?.ClassSizeNorm;
        if (school is not null && stage is null)
            validation.Add("stage", new(
                $"须填写：该校有{string.Join("、", school.Stages.Select(s => SchoolStages.ChineseName(s.Stage)))}。",
                $"is required: the school serves {string.Join(", ", school.Stages.Select(s => s.Stage))}."));
        else if (stage is not null && !SchoolStages.Codes.Contains(stage))
            validation.OneOf("stage", stage, SchoolStages.ChineseNames);
        else if (school is not null && norm is null && request.PlacesAdded is null)
            validation.Add("stage", new("不是该校的学段；新增学段请填写新增学位数。",
                "is not a stage of the school; give placesAdded for a new stage."));
        var places = request.PlacesAdded ?? classes * (norm ?? 0);
        var others = OtherStages(request.OtherStages ?? [], school, stage, validation);
        if (!validation.IsValid)
            return validation.Problem();

        var project = new Project(Guid.CreateVersion7(), 1, school?.Id, school?.DistrictCode ?? newSchool!.DistrictCode,
            school?.ZoneId ?? newSchool!.ZoneId, name!, stage!, classes, places, ProjectStatus.Proposed, request.PlannedInUse, null,
            NewSchoolId: newSchool is null ? null : Guid.CreateVersion7(), NewSchoolName: newSchool?.Name,
            NewSchoolOwnership: newSchool?.Ownership)
        { OtherStages = others };
        await ProjectStore.CreateAsync(connection, project, school, cancellationToken);
        return TypedResults.Created($"/projects/{project.Id}", project);
    }

    /// <summary>The stages beyond the main one, each once; places default to classes × the stage's norm.</summary>
    private static List<StagePlaces> OtherStages(
        IReadOnlyList<OtherStageRequest> requested, KnownSchool? school, string? mainStage, Validation validation)
    {
        var others = new List<StagePlaces>();
        for (var i = 0; i < requested.Count; i++)
        {
            var other = requested[i];
            var norm = school?.Stages.FirstOrDefault(s => s.Stage == other.Stage)?.ClassSizeNorm;
            if (other.Stage is null || !SchoolStages.Codes.Contains(other.Stage) || other.Stage == mainStage
                || others.Any(o => o.Stage == other.Stage))
                validation.Add($"otherStages[{i}].stage", new("须为主学段以外的其他学段，每个学段只列一次。",
                    $"must be another stage ({string.Join(", ", SchoolStages.Codes)}), each once, not the main one."));
            else if (norm is null && other.Places is null)
                validation.Add($"otherStages[{i}].stage", new("不是该校的学段；新增学段请填写学位数。",
                    "is not a stage of the school; give places for a new stage."));
            var classes = validation.Required($"otherStages[{i}].classes", other.Classes);
            if (validation.IsValid)
                others.Add(new StagePlaces(other.Stage!, classes, other.Places ?? classes * (norm ?? 0)));
        }
        return others;
    }

    /// <summary>
    /// A new school's name, zone and ownership checked as the registry would: a zone Facilities knows from its schools,
    /// in the caller's districts; a name no school of the district has (names are unique in a district); 普惠性民办 only
    /// for a kindergarten.
    /// </summary>
    private static async Task<NewSchoolDetails?> NewSchoolAsync(NpgsqlConnection connection, NewSchoolRequest request,
        string? stage, DistrictScope scope, Validation validation, CancellationToken cancellationToken)
    {
        var name = validation.Text("newSchool.name", request.Name, 100);
        var ownership = request.Ownership ?? "public";
        validation.OneOf("newSchool.ownership", ownership, SchoolOwnerships.ChineseNames);
        if (ownership == SchoolOwnerships.InclusivePrivate && stage != "kindergarten")
            validation.Add("newSchool.ownership", new("普惠性民办只适用于幼儿园。",
                "普惠性民办 (inclusive_private) applies to kindergartens only."));
        var district = request.ZoneId is { } zone
            ? await ProjectStore.DistrictOfZoneAsync(connection, zone, cancellationToken)
            : null;
        if (district is null || !scope.Covers(district))
            validation.Add("newSchool.zoneId", new("须填写您辖区内、已有学校的学区。",
                "is required: a zone Facilities knows from its schools, in your districts."));
        else if (name is not null && await ProjectStore.SchoolNameTakenAsync(connection, district, name, cancellationToken))
            validation.Add("newSchool.name", new("本区已有同名学校。", "is the name of a school the district has already."));
        return validation.IsValid ? new NewSchoolDetails(name!, district!, request.ZoneId!.Value, ownership) : null;
    }
}
