using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Planning.Forecasting;

namespace Platform.Planning.Indicators;

/// <summary>Plan indicators: the dictionary, the plans and their targets, values by area, and progress against each target.</summary>
public static class IndicatorsApi
{
    /// <summary>The stages a value may be given for, besides none (""): the codes and their Chinese names.</summary>
    private static readonly IReadOnlyDictionary<string, string> Stages = new Dictionary<string, string>
    {
        ["primary"] = "小学", ["junior_secondary"] = "初中", ["senior_secondary"] = "普通高中", ["vocational"] = "中职",
    };

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var indicators = app.MapGroup("/indicators").WithTags("Indicators");
        indicators.MapGet("/", ListIndicatorsAsync)
            .Describe("指标", "The plan indicators, with their units, direction and formula.");
        indicators.MapGet("/values", ListValuesAsync)
            .Describe("指标值", "An area's indicator values by year: computed from the registry, or entered.");
        indicators.MapPost("/observations", ObserveAsync)
            .Describe("录入指标值", "An area's value of an indicator for a stage and year, with its source.");

        var plans = app.MapGroup("/plans").WithTags("Indicators");
        plans.MapGet("/", ListPlansAsync)
            .Describe("规划", "The plans of the areas in the caller's scope.");
        plans.MapGet("/{id}/progress", GetProgressAsync)
            .Describe("规划指标进度", "Each target of a plan with its latest value, the path's value that year, and its status.");
        plans.MapGet("/{id}/progress/export", ExportAsync)
            .Describe("导出规划指标进度", "The plan's progress as an Excel workbook.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<Indicator>>> ListIndicatorsAsync(
        Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await IndicatorStore.IndicatorsAsync(connection, cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<AreaValue>>> ListValuesAsync(
        string areaCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(
            await IndicatorStore.ValuesAsync(connection, areaCode, new CapacitySettings().LargeClassPupils, cancellationToken));
    }

    private static async Task<Ok<List<IndicatorPlan>>> ListPlansAsync(
        DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok((await IndicatorStore.PlansAsync(connection, null, cancellationToken))
            .Where(plan => scope.Covers(plan.AreaCode)).ToList());
    }

    private static async Task<Results<Ok<PlanProgress>, NotFound>> GetProgressAsync(
        string id, Database dataSource, CancellationToken cancellationToken) =>
        await ProgressAsync(dataSource, id, cancellationToken) is { } progress ? TypedResults.Ok(progress) : TypedResults.NotFound();

    private static async Task<PlanProgress?> ProgressAsync(Database dataSource, string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if ((await IndicatorStore.PlansAsync(connection, id, cancellationToken)).SingleOrDefault() is not { } plan)
            return null;
        var targets = await IndicatorStore.TargetsAsync(connection, id, cancellationToken);
        var values = await IndicatorStore.ValuesAsync(
            connection, plan.AreaCode, new CapacitySettings().LargeClassPupils, cancellationToken);
        return new PlanProgress(plan, targets.Select(target =>
        {
            var latest = values
                .Where(v => v.IndicatorCode == target.IndicatorCode
                    && v.Stage == target.Stage
                    && v.Year >= plan.BaselineYear
                    && v.Year <= plan.TargetYear)
                .MaxBy(v => v.Year);
            var rule = new PlanTarget(target.Better, plan.BaselineYear, target.BaselineComparator, target.BaselineValue,
                plan.TargetYear, target.TargetComparator, target.TargetValue);
            return new TargetProgress(target, latest?.Value, latest?.Year, latest?.Source,
                latest is null ? null : IndicatorProgress.Expected(rule, latest.Year),
                latest is null ? null : IndicatorProgress.Meets(rule, latest.Value),
                IndicatorProgress.Status(rule, latest?.Value, latest?.Year));
        }).ToList());
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        string id, Database dataSource, CancellationToken cancellationToken)
    {
        if (await ProgressAsync(dataSource, id, cancellationToken) is not { } progress)
            return TypedResults.NotFound();
        var workbook = XlsxWriter.Write("规划指标", ["指标", "基期值", "目标值", "指标属性", "最新值", "年份", "来源", "进度线值", "状态"],
            progress.Targets.Select(t => (IReadOnlyList<object?>)[
                t.Target.Label,
                $"{t.Target.BaselineComparator}{t.Target.BaselineValue}",
                $"{t.Target.TargetComparator}{t.Target.TargetValue}",
                t.Target.Binding switch { true => "约束性", false => "预期性", _ => null },
                t.Value, t.ValueYear, t.ValueSource, t.Expected is { } expected ? Math.Round(expected, 2) : null,
                t.Status switch { ProgressStatus.OnTrack => "达标或按进度", ProgressStatus.Behind => "滞后", _ => "无数据" }]));
        return TypedResults.File(workbook, XlsxWriter.ContentType, $"{id}.xlsx");
    }

    /// <summary>Enters (or corrects) a value Planning cannot compute, e.g. 学生体质健康优良率 from the health survey.</summary>
    private static async Task<Results<Ok<AreaValue>, ValidationProblem>> ObserveAsync(
        ObservationRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var area = validation.Text("areaCode", request.AreaCode, 6);
        var code = validation.Text("indicatorCode", request.IndicatorCode, 100);
        var stage = request.Stage ?? "";
        if (stage != "" && !Stages.ContainsKey(stage))
            validation.Add("stage", new(
                $"须留空或为以下之一：{string.Join("、", Stages.Select(s => $"{s.Key}（{s.Value}）"))}。",
                $"must be empty or one of: {string.Join(", ", Stages.Keys)}."));
        var year = validation.Number("year", request.Year, 1949, DateTime.UtcNow.Year);
        if (request.Value is null)
            validation.Add("value", UserText.Required);
        var source = validation.Text("source", request.Source, 200);

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var known = await IndicatorStore.KnownAsync(connection, area, code, cancellationToken);
        if (area.Length > 0 && !known.Area)
            validation.Add("areaCode", new("既不是区划代码，也不是规划所属地区的代码（如天津市为 120000）。",
                "is neither a district code nor the area of a plan (120000 for 天津市)."));
        if (code.Length > 0 && !known.Indicator)
            validation.Add("indicatorCode", new("不是已有的指标。",
                "is not an indicator (GET /indicators lists them)."));
        if (!validation.IsValid)
            return validation.Problem();

        var observed = new AreaValue(code, stage, year, request.Value!.Value, source);
        await IndicatorStore.RecordAsync(connection, area, observed, cancellationToken);
        return TypedResults.Ok(observed);
    }
}
