using Platform.BuildingBlocks.Http;
using Platform.Contracts;

namespace Platform.Planning.Schools;

public sealed record StageRequest(
    string? Stage, [property: Bounds(10, 80)] int? ClassSizeNorm, [property: Bounds(0, 100)] int[]? ClassesPerGrade);

public sealed record SchoolRequest(
    string? Name, string? DistrictCode, Guid? ZoneId, Guid? StreetId, string? Ownership, string? Status,
    [property: Bounds(1900, 2100)] int? OpeningYear, IReadOnlyList<StageRequest>? Stages);

public sealed record StageDraft(string Stage, int ClassSizeNorm, IReadOnlyList<int> ClassesPerGrade);

public sealed record SchoolDraft(
    string Name, string DistrictCode, Guid ZoneId, Guid? StreetId, string Ownership, string Status, int? OpeningYear,
    IReadOnlyList<StageDraft> Stages);

/// <summary>
/// The rules a school entry must follow on its own; whether its district, zone and street exist is checked against the
/// registry.
/// </summary>
public static class SchoolRules
{
    public static SchoolDraft? Validate(SchoolRequest request, Validation validation)
    {
        var name = validation.Text("name", request.Name, 200);
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        if (request.ZoneId is null)
            validation.Add("zoneId", UserText.Required);
        var ownership = validation.OneOf("ownership", request.Ownership, SchoolOwnerships.ChineseNames) is null ? null : request.Ownership;
        var status = validation.OneOf("status", request.Status, SchoolStatus.All) is null ? null : request.Status;
        if (request.OpeningYear is null && status == SchoolStatus.Planned)
            validation.Add("openingYear", new("规划中的学校必须填写。", "is required for a planned school."));

        var stages = new List<StageDraft>();
        if (request.Stages is not { Count: > 0 and <= 4 })
            validation.Add("stages",
                new("须列出学校所设的 1 到 4 个学段。", "must list the 1 to 4 stages the school serves."));
        else
            for (var i = 0; i < request.Stages.Count; i++)
                if (ValidateStage(request.Stages[i], $"stages[{i}]", validation) is { } stage)
                {
                    if (stages.Any(s => s.Stage == stage.Stage))
                        validation.Add($"stages[{i}].stage", new("重复列出。", "is listed twice."));
                    stages.Add(stage);
                }
        if (ownership == SchoolOwnerships.InclusivePrivate && stages.Any(s => s.Stage != "kindergarten"))
            validation.Add("ownership",
                new("普惠性民办只适用于幼儿园。", "普惠性民办 (inclusive_private) applies to kindergartens only."));

        return validation.IsValid
            ? new SchoolDraft(name, district, request.ZoneId!.Value, request.StreetId, ownership!, status!, request.OpeningYear,
                stages.OrderBy(s => Stage.All[s.Stage].Grades[0]).ToList())
            : null;
    }

    private static StageDraft? ValidateStage(StageRequest? request, string field, Validation validation)
    {
        if (validation.OneOf($"{field}.stage", request?.Stage, Stage.All) is not { } stage)
            return null;
        var norm = request!.ClassSizeNorm ?? stage.DefaultClassSizeNorm;
        var classes = request.ClassesPerGrade;
        if (classes is null || classes.Length != stage.Grades.Count)
        {
            validation.Add($"{field}.classesPerGrade", new(
                $"须从低年级到高年级依次给出该学段 {stage.Grades.Count} 个年级各自的班数。",
                $"must give the classes of each of the stage's {stage.Grades.Count} grades, lowest grade first."));
            return null;
        }
        return new StageDraft(stage.Code, norm, classes);
    }
}
