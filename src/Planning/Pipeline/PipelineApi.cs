using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Planning.Schools;

namespace Platform.Planning.Pipeline;

/// <summary>The facility pipeline Planning counts: proposed and approved projects not yet in use, listed and exported.</summary>
public static class PipelineApi
{
    private static readonly SheetTable<PipelineProject> Table = new(
        (connection, filter, cancellationToken) => PipelineStore.ListAsync(connection, filter.DistrictCode, cancellationToken),
        "在建与储备项目", "pipeline.xlsx",
        ["项目", "状态", "学区", "学段", "班数", "学位", "计划投入使用"],
        p => [p.Name, p.Status == ProjectStatus.Approved ? "已立项" : "谋划中", p.ZoneName,
            string.Join("、", p.Places.Select(s => Stage.All[s.Stage].ChineseName)), p.Places.Sum(s => s.Classes),
            p.Places.Sum(s => s.Places), p.PlannedInUse?.ToString("yyyy-MM-dd")]);

    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        Table.Map(app.MapGroup("/pipeline").WithTags("Pipeline"));
        return app;
    }
}
