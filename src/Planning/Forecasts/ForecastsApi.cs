using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Planning.Forecasting;

namespace Platform.Planning.Forecasts;

public sealed record ForecastRequest(
    string? DistrictCode, string? Method, int? RatioYears, double? Alpha, int? EntryRatioYears, int? Horizon,
    double? MigrationFactor, double? BirthGrowth, int? BaseYear, string? Level);

public sealed record ForecastResult(int BaseYear, ForecastSettings Settings, string Level, IReadOnlyList<string> Warnings, IReadOnlyList<DemandRow> Rows);

public sealed record CapacityResult(int BaseYear, ForecastSettings Settings, IReadOnlyList<string> ForecastWarnings, CapacityReport Report);

public sealed record BackTestRequest(string? DistrictCode, int? HoldoutYears, ForecastRequest[]? Candidates);

/// <summary>Accuracy at one level; the measures are null when nothing at that level could be compared.</summary>
public sealed record AccuracyView(string Level, int Count, double? Mape, double? Malpe, double? WithinTwoPercent)
{
    public static AccuracyView Of(Level level, Accuracy accuracy) => accuracy.Count == 0
        ? new(level.ToString().ToLowerInvariant(), 0, null, null, null)
        : new(level.ToString().ToLowerInvariant(), accuracy.Count, accuracy.Mape, accuracy.Malpe, accuracy.WithinTwoPercent);
}

public sealed record BackTestView(ForecastSettings Settings, int HoldoutYears, IReadOnlyList<AccuracyView> Accuracy);

/// <summary>Enrolment forecasts for a district from its stored history and births, and back-tests of methods.</summary>
public static class ForecastsApi
{
    public static IEndpointRouteBuilder MapForecastsApi(this IEndpointRouteBuilder app)
    {
        var forecasts = app.MapGroup("/forecasts").WithTags("Forecasts");
        forecasts.MapPost("/", RunAsync);
        forecasts.MapPost("/export", ExportAsync);
        forecasts.MapPost("/backtest", BackTestAsync);
        forecasts.MapPost("/capacity", CapacityAsync);
        forecasts.MapPost("/capacity/export", CapacityExportAsync);
        return app;
    }

    /// <summary>
    /// Capacity analysis: the zone forecast against the places the registry gives each zone and stage, year by year,
    /// with the warnings (shortfall, 大班额, surplus) ordered urgent first, then by severity.
    /// </summary>
    private static async Task<Results<Ok<CapacityResult>, ValidationProblem, ProblemHttpResult>> CapacityAsync(
        ForecastRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var (result, problem) = await CapacityAnalysisAsync(request, dataSource, cancellationToken);
        if (result is null)
            return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem!;
        return TypedResults.Ok(result);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> CapacityExportAsync(
        ForecastRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var (result, problem) = await CapacityAnalysisAsync(request, dataSource, cancellationToken);
        if (result is null)
            return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem!;
        var workbook = XlsxWriter.Write("学位供需", ["片区", "学段", "学年", "需求", "学位", "班数", "使用率", "缺口学位", "缺口班数", "富余学位", "富余班数", "班均人数", "大班额风险"],
            result.Report.Rows.Select(r => (IReadOnlyList<object?>)[r.Zone, r.Stage, r.Year, Math.Round(r.Demand, 1), r.Capacity, r.Classes,
                r.Utilisation is { } utilisation ? Math.Round(utilisation, 3) : null, Math.Round(r.Shortfall, 1), r.ShortfallClasses,
                Math.Round(r.Surplus, 1), r.SurplusClasses, Math.Round(r.PupilsPerClass, 1), r.LargeClassRisk ? "是" : "否"]));
        return TypedResults.File(workbook, XlsxWriter.ContentType, "capacity.xlsx");
    }

    private static async Task<(CapacityResult? Result, IResult? Problem)> CapacityAnalysisAsync(
        ForecastRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var (forecast, problem) = await ForecastAsync(request with { Level = "zone" }, dataSource, cancellationToken);
        if (forecast is null)
            return (null, problem);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var capacity = await CapacityData.LoadAsync(connection, request.DistrictCode!, cancellationToken);
        var report = CapacityAnalysis.Run(forecast.Rows, capacity, forecast.BaseYear, new CapacitySettings());
        return (new CapacityResult(forecast.BaseYear, forecast.Settings, forecast.Warnings, report), null);
    }

    private static async Task<Results<Ok<ForecastResult>, ValidationProblem, ProblemHttpResult>> RunAsync(
        ForecastRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var (result, problem) = await ForecastAsync(request, dataSource, cancellationToken);
        if (result is null)
            return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem!;
        return TypedResults.Ok(result);
    }

    /// <summary>The same forecast as an .xlsx table.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        ForecastRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var (result, problem) = await ForecastAsync(request, dataSource, cancellationToken);
        if (result is null)
            return problem is ValidationProblem invalid ? invalid : (ProblemHttpResult)problem!;
        var workbook = XlsxWriter.Write("学位需求预测", ["单位", "学段", "学年", "预测学生数", "其中新建住宅"],
            result.Rows.Select(r => (IReadOnlyList<object?>)[r.Unit, r.Stage, r.Year, Math.Round(r.Pupils, 1), Math.Round(r.FromHousing, 1)]));
        return TypedResults.File(workbook, XlsxWriter.ContentType, "forecast.xlsx");
    }

    private static async Task<(ForecastResult? Result, IResult? Problem)> ForecastAsync(
        ForecastRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var settings = Settings(request, validation, "");
        var level = request.Level ?? "zone";
        if (!Enum.TryParse<Level>(level, ignoreCase: true, out var parsedLevel))
            validation.Add("level", "must be one of: school, zone, district.");
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        if (request.BirthGrowth is < -0.5 or > 0.5)
            validation.Add("birthGrowth", "must be between -0.5 and 0.5 (a yearly change of births after the last registered year).");
        if (!validation.IsValid)
            return (null, validation.Problem());

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var input = await ForecastData.LoadAsync(connection, district, request.BaseYear, settings!.Horizon, request.BirthGrowth ?? 0, cancellationToken);
        if (input is null)
            return (null, NoEnrolment(district));
        try
        {
            var forecast = ForecastEngine.Run(input, settings);
            return (new ForecastResult(forecast.BaseYear, settings, level.ToLowerInvariant(), forecast.Warnings, forecast.Demand(parsedLevel)), null);
        }
        catch (ForecastInputException e)
        {
            return (null, TypedResults.Problem(title: "The district's data cannot support this forecast.", detail: e.Message,
                statusCode: StatusCodes.Status422UnprocessableEntity));
        }
    }

    /// <summary>Back-tests each candidate (the five summary methods when none is given) and ranks them by district-level MAPE.</summary>
    private static async Task<Results<Ok<IReadOnlyList<BackTestView>>, ValidationProblem, ProblemHttpResult>> BackTestAsync(
        BackTestRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        var holdout = validation.Number("holdoutYears", request.HoldoutYears, 1, 10);
        var candidates = (request.Candidates is { Length: > 0 } given
                ? given.Select((candidate, i) => Settings(candidate, validation, $"candidates[{i}]."))
                : Enum.GetValues<RatioMethod>().Select(method => (ForecastSettings?)new ForecastSettings { Method = method }))
            .ToList();
        if (candidates.Count > 12)
            validation.Add("candidates", "at most 12 candidates are compared at once.");
        if (!validation.IsValid)
            return validation.Problem();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var input = await ForecastData.LoadAsync(connection, district, null, holdout, 0, cancellationToken);
        if (input is null)
            return NoEnrolment(district);
        try
        {
            var ranked = BackTest.Compare(input, candidates.Select(c => c!), holdout);
            return TypedResults.Ok<IReadOnlyList<BackTestView>>(ranked.Select(r => new BackTestView(r.Settings, r.HoldoutYears,
                r.ByLevel.Select(a => AccuracyView.Of(a.Key, a.Value)).ToList())).ToList());
        }
        catch (Exception e) when (e is ForecastInputException or ArgumentException)
        {
            return TypedResults.Problem(title: "The district's history cannot support this back-test.", detail: e.Message,
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static ForecastSettings? Settings(ForecastRequest request, Validation validation, string prefix)
    {
        var defaults = new ForecastSettings();
        RatioMethod method = defaults.Method;
        if (request.Method is not null && !Enum.TryParse(request.Method, ignoreCase: true, out method))
            validation.Add($"{prefix}method", $"must be one of: {string.Join(", ", Enum.GetNames<RatioMethod>())}.");
        var settings = new ForecastSettings
        {
            Method = method,
            RatioYears = request.RatioYears ?? defaults.RatioYears,
            Alpha = request.Alpha ?? defaults.Alpha,
            EntryRatioYears = request.EntryRatioYears ?? defaults.EntryRatioYears,
            Horizon = request.Horizon ?? defaults.Horizon,
            MigrationFactor = request.MigrationFactor ?? defaults.MigrationFactor,
        };
        foreach (var (field, problem) in settings.Problems())
            validation.Add(prefix + char.ToLowerInvariant(field[0]) + field[1..], problem);
        return settings;
    }

    private static ProblemHttpResult NoEnrolment(string district) =>
        TypedResults.Problem(title: "The district has no enrolment yet.", detail: $"Import enrolment for {district} first (POST /enrolment/import).",
            statusCode: StatusCodes.Status422UnprocessableEntity, extensions: new Dictionary<string, object?> { ["field"] = "districtCode" });
}
