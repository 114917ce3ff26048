using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;
using Platform.Planning.Forecasting;
using Platform.Planning.Schools;

namespace Platform.Planning.Forecasts;

/// <summary>Enrolment forecasts for a district from its stored history and births, and back-tests of methods.</summary>
public static class ForecastsApi
{
    internal static readonly IReadOnlyDictionary<RatioMethod, string> MethodNames = new Dictionary<RatioMethod, string>
    {
        [RatioMethod.Mean] = "平均",
        [RatioMethod.WeightedMean] = "加权平均",
        [RatioMethod.Median] = "中位数",
        [RatioMethod.LastValue] = "最近值",
        [RatioMethod.ExponentialSmoothing] = "指数平滑",
    };

    private static readonly XlsxSheet<ForecastResult> ForecastSheet = new("学位需求预测", "forecast.xlsx",
        ["单位", "学段", "学年", "预测学生数", "其中新建住宅"],
        result => result.Rows.Select(r => (IReadOnlyList<object?>)[
            result.Names.GetValueOrDefault(r.Unit, r.Unit), Stage.All[r.Stage].ChineseName, r.Year, Math.Round(r.Pupils, 1),
            Math.Round(r.FromHousing, 1)]));

    private static readonly XlsxSheet<CapacityResult> CapacitySheet = new("学位供需", "capacity.xlsx",
        ["片区", "学段", "学年", "需求", "学位", "余缺学位", "状态", "其中在建与储备", "班数", "使用率",
            "缺口学位", "缺口班数", "富余学位", "富余班数", "班均人数", "大班额风险"],
        result => result.Report.Rows.Select(r => (IReadOnlyList<object?>)[
            result.Names.GetValueOrDefault(r.Zone, r.Zone), Stage.All[r.Stage].ChineseName, r.Year, Math.Round(r.Demand, 1),
            r.Capacity, r.Balance, Standings.ChineseNames[r.Standing], r.PipelinePlaces, r.Classes,
            r.Utilisation is { } utilisation ? Math.Round(utilisation, 3) : null,
            Math.Round(r.Shortfall, 1), r.ShortfallClasses, Math.Round(r.Surplus, 1), r.SurplusClasses, Math.Round(r.PupilsPerClass, 1),
            r.LargeClassRisk ? "是" : "否"]));

    private static readonly XlsxSheet<IReadOnlyList<BackTestView>> BackTestSheet = new("回测", "backtest.xlsx",
        ["排名", "方法", "比率年数", "α", "入学比率年数", "预留年数", "层级", "比较数", "MAPE", "MALPE",
            "±2%以内占比"],
        views => views.SelectMany((view, rank) => view.Accuracy.Select(a => (IReadOnlyList<object?>)[
            rank + 1, MethodNames[view.Settings.Method], view.Settings.RatioYears, view.Settings.Alpha, view.Settings.EntryRatioYears,
            view.HoldoutYears, a.Level, a.Count, a.Mape, a.Malpe, a.WithinTwoPercent])));

    /// <summary>
    /// Each computation answers as JSON and as .xlsx: the forecast; the capacity analysis (the zone forecast against the
    /// places of each zone and stage, year by year, with warnings urgent first, then by severity); and the back-test
    /// of candidate settings (the five summary methods when none is given), ranked by district-level MAPE.
    /// </summary>
    public static IEndpointRouteBuilder MapForecastsApi(this IEndpointRouteBuilder app)
    {
        // Every call here computes and stores nothing, so whoever may read Planning may ask.
        var forecasts = app.MapGroup("/forecasts").WithTags("Forecasts").ComputesOnly();
        forecasts.MapPost("/", ForecastAsync)
            .Describe("入学需求预测", "Pupils by zone, stage and year from births, population, housing and enrolment.");
        forecasts.MapPost("/export", ExportForecastAsync)
            .Describe("导出入学需求预测", "The forecast as an Excel workbook.");
        forecasts.MapPost("/capacity", CapacityAsync)
            .Describe("学位供需分析", "The forecast against the places, by zone, stage and year: shortfalls and surpluses.");
        forecasts.MapPost("/capacity/export", ExportCapacityAsync)
            .Describe("导出学位供需分析", "The capacity analysis as an Excel workbook.");
        forecasts.MapPost("/backtest", BackTestAsync)
            .Describe("预测回测", "How each method would have forecast the years held out, against what happened.");
        forecasts.MapPost("/backtest/export", ExportBackTestAsync)
            .Describe("导出预测回测", "The back-test as an Excel workbook.");
        return app;
    }

    private static async Task<Results<Ok<ForecastResult>, ProblemHttpResult>> ForecastAsync(
        ForecastRequest request, Database dataSource, CancellationToken cancellationToken) =>
        Answer.Json(await ForecastPipeline.ForecastAsync(request, dataSource, cancellationToken));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportForecastAsync(
        ForecastRequest request, Database dataSource, CancellationToken cancellationToken) =>
        Answer.Xlsx(await ForecastPipeline.ForecastAsync(request, dataSource, cancellationToken), ForecastSheet);

    private static async Task<Results<Ok<CapacityResult>, ProblemHttpResult>> CapacityAsync(
        ForecastRequest request, Database dataSource, CancellationToken cancellationToken) =>
        Answer.Json(await ForecastPipeline.CapacityAsync(request, dataSource, cancellationToken));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportCapacityAsync(
        ForecastRequest request, Database dataSource, CancellationToken cancellationToken) =>
        Answer.Xlsx(await ForecastPipeline.CapacityAsync(request, dataSource, cancellationToken), CapacitySheet);

    private static async Task<Results<Ok<IReadOnlyList<BackTestView>>, ProblemHttpResult>> BackTestAsync(
        BackTestRequest request, Database dataSource, CancellationToken cancellationToken) =>
        Answer.Json(await RunBackTestAsync(request, dataSource, cancellationToken));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportBackTestAsync(
        BackTestRequest request, Database dataSource, CancellationToken cancellationToken) =>
        Answer.Xlsx(await RunBackTestAsync(request, dataSource, cancellationToken), BackTestSheet);

    private static async Task<(IReadOnlyList<BackTestView>? Views, ProblemHttpResult? Problem)> RunBackTestAsync(
        BackTestRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        var holdout = validation.Required("holdoutYears", request.HoldoutYears);
        var candidates = (request.Candidates is { Count: > 0 } given
                ? given.Select((candidate, i) => ForecastPipeline.Settings(candidate, validation, $"candidates[{i}]."))
                : Enum.GetValues<RatioMethod>().Select(method => (ForecastSettings?)new ForecastSettings { Method = method }))
            .ToList();
        if (candidates.Count > 12)
            validation.Add("candidates", new("一次至多比较 12 组设置。", "at most 12 candidates are compared at once."));
        if (!validation.IsValid)
            return (null, validation.AsProblem());

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var input = await ForecastStore.LoadAsync(connection, district, null, holdout, 0, null, cancellationToken);
        if (input is null)
            return (null, ForecastPipeline.NoEnrolment(district));
        try
        {
            var ranked = BackTest.Compare(input, candidates.Select(c => c!), holdout);
            return (ranked
                .Select(r => new BackTestView(r.Settings, r.HoldoutYears, r.ByLevel.Select(a => ViewOf(a.Key, a.Value)).ToList()))
                .ToList(), null);
        }
        catch (Exception e) when (e is ForecastInputException or ArgumentException)
        {
            // An ArgumentException has no words for the user: the problem then goes without a detail.
            return (null, TypedResults.Problem(
                title: new UserText("本区的历史数据不足以支持此次回测。",
                    "The district's history cannot support this back-test.").ToString(),
                detail: (e as ForecastInputException)?.Reason.ToString(), statusCode: StatusCodes.Status422UnprocessableEntity));
        }
    }

    private static AccuracyView ViewOf(Level level, Accuracy accuracy) => accuracy.Count == 0
        ? new(level.ToString().ToLowerInvariant(), 0, null, null, null)
        : new(level.ToString().ToLowerInvariant(), accuracy.Count, accuracy.Mape, accuracy.Malpe, accuracy.WithinTwoPercent);
}
