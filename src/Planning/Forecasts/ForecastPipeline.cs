using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.Contracts;
using Platform.Planning.Forecasting;
using Platform.Planning.Schools;

namespace Platform.Planning.Forecasts;

/// <summary>A school opened or closed from a school year on, in a scenario.</summary>
public sealed record SchoolChange(Guid? SchoolId, string? Change, [property: Bounds(1900, 2100)] int? Year);

/// <summary>A share of a zone's demand in a stage sent to a school in another zone, from a school year on.</summary>
public sealed record DemandMove(
    Guid? FromZoneId, Guid? ToSchoolId, string? Stage, [property: Bounds(0, 1)] double? Share,
    [property: Bounds(1900, 2100)] int? FromYear);

/// <summary>
/// A forecast for a district and its levers: the method and its settings, births after the last registered year
/// (birthSeries where it gives a year, else birthGrowth a year), migration, housing (null leaves it out), the low,
/// central or high variant, class-size norms per stage (小班化), schools opened or closed, demand moved between zones'
/// schools, and which facility projects count (approved only, or proposed too). A scenario is a named, saved one.
/// </summary>
public sealed record ForecastRequest(
    string? DistrictCode, string? Method,
    [property: Bounds(3, 6)] int? RatioYears,
    [property: Bounds(0, 1)] double? Alpha,
    [property: Bounds(3, 5)] int? EntryRatioYears,
    [property: Bounds(1, 15)] int? Horizon,
    [property: Bounds(0.5, 2)] double? MigrationFactor,
    [property: Bounds(-0.5, 0.5)] double? BirthGrowth,
    [property: Bounds(1990, 2100)] int? BaseYear,
    string? Level,
    [property: Bounds(10, 80)] Dictionary<string, int>? ClassSizeNorms = null,
    IReadOnlyList<SchoolChange>? SchoolChanges = null,
    HousingSettings? Housing = null, string? Variant = null, IReadOnlyList<DemandMove>? DemandMoves = null, string? FacilityProjects = null,
    [property: Bounds(0, 2_000_000)] Dictionary<int, int>? BirthSeries = null);

/// <param name="Names">The name of every unit in the rows (zone, school or district), by its id or code.</param>
/// <param name="VariantErrors">For the low and high variants: the relative error applied, by years ahead.</param>
public sealed record ForecastResult(
    int BaseYear, ForecastSettings Settings, string Level, string Variant, IReadOnlyDictionary<int, double>? VariantErrors,
    IReadOnlyList<string> Warnings, IReadOnlyList<DemandRow> Rows, IReadOnlyDictionary<string, string> Names);

public sealed record CapacityResult(
    int BaseYear, ForecastSettings Settings, string Variant, IReadOnlyDictionary<int, double>? VariantErrors,
    IReadOnlyList<string> ForecastWarnings, CapacityReport Report, IReadOnlyDictionary<string, string> Names)
    : CapacitySummary(BaseYear, Report, Names);

/// <summary>Checks a forecast request, loads the district's data and runs the engine; the failures are RFC 7807 answers.</summary>
public static class ForecastPipeline
{
    private static readonly IReadOnlyDictionary<string, Variant> VariantNames =
        Enum.GetValues<Variant>().ToDictionary(v => v.ToString().ToLowerInvariant(), v => v);

    /// <summary>Which facility projects' places count: approved ones only (the default), or proposed ones too.</summary>
    private static readonly IReadOnlyDictionary<string, string> ProjectChoices = new Dictionary<string, string>
    {
        ["approved"] = "approved projects only",
        ["proposed"] = "proposed and approved projects",
    };

    public static async Task<(ForecastResult? Result, ProblemHttpResult? Problem)> ForecastAsync(
        ForecastRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var settings = Settings(request, validation, "");
        var level = request.Level ?? "zone";
        if (!Codes.TryParse<Level>(level, out var parsedLevel))
            validation.Add("level",
                new("须为 school（学校）、zone（学区）或 district（全区）。", "must be one of: school, zone, district."));
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        if (!validation.IsValid)
            return (null, validation.AsProblem());

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await RunAsync(request, settings!, parsedLevel, district, connection, cancellationToken);
    }

    public static async Task<(CapacityResult? Result, ProblemHttpResult? Problem)> CapacityAsync(
        ForecastRequest request, Database dataSource, CancellationToken cancellationToken)
    {
        // The levers are checked, on their own and against the registry, before the forecast runs: an input error is
        // reported as such rather than as missing data.
        var validation = new Validation();
        var settings = Settings(request, validation, "");
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        if (!validation.IsValid)
            return (null, validation.AsProblem());

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var (capacity, unknown) = await CapacityStore.LoadAsync(
            connection, district, request.ClassSizeNorms, request.SchoolChanges, request.FacilityProjects == "proposed", cancellationToken);
        if (unknown.Count > 0)
        {
            validation.Add("schoolChanges", new($"列出了不在 {district} 区的学校：{string.Join("、", unknown)}。",
                $"names schools that are not in district {district}: {string.Join(", ", unknown)}."));
            return (null, validation.AsProblem());
        }
        var (forecast, problem) = await RunAsync(request, settings!, Level.Zone, district, connection, cancellationToken);
        if (forecast is null)
            return (null, problem);
        var report = CapacityAnalysis.Run(forecast.Rows, capacity, forecast.BaseYear, new CapacitySettings());
        return (new CapacityResult(
            forecast.BaseYear, forecast.Settings, forecast.Variant, forecast.VariantErrors, forecast.Warnings, report,
            forecast.Names), null);
    }

    /// <summary>Loads the district's data, checks the demand moves against it, runs the engine and applies moves and variant.</summary>
    private static async Task<(ForecastResult? Result, ProblemHttpResult? Problem)> RunAsync(
        ForecastRequest request, ForecastSettings settings, Level level, string district, NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        var input = await ForecastStore.LoadAsync(
            connection, district, request.BaseYear, settings.Horizon, request.BirthGrowth ?? 0, request.BirthSeries, cancellationToken);
        if (input is null)
            return (null, NoEnrolment(district));
        var units = await ForecastStore.UnitsAsync(connection, district, cancellationToken);
        var validation = new Validation();
        var moves = Moves(request.DemandMoves ?? [], input, units, validation);
        if (!validation.IsValid)
            return (null, validation.AsProblem());
        try
        {
            var forecast = ForecastEngine.Run(input, settings);
            var rows = forecast.Demand(level);
            if (level == Level.Zone)
                rows = DemandMoves.Apply(rows, moves);
            var variant = VariantNames[request.Variant ?? "central"];
            var errors = variant == Variant.Central ? null : Variants.Errors(input, settings, level);
            if (errors is not null)
                rows = Variants.Apply(rows, forecast.BaseYear, errors, variant);
            var names = units.ToDictionary(u => u.Id, u => u.Name);
            return (new ForecastResult(
                forecast.BaseYear, settings, level.ToString().ToLowerInvariant(), variant.ToString().ToLowerInvariant(), errors,
                [.. forecast.Warnings.Select(warning => warning.ToString())], rows, names), null);
        }
        catch (ForecastInputException e)
        {
            return (null, TypedResults.Problem(
                title: new UserText(
                    "本区的数据不足以支持此次预测。", "The district's data cannot support this forecast.").ToString(),
                detail: e.Reason.ToString(), statusCode: StatusCodes.Status422UnprocessableEntity));
        }
    }

    /// <summary>
    /// The demand moves of a request resolved to zones: each from a zone of the district to a school there that serves the
    /// stage.
    /// </summary>
    private static List<ZoneDemandMove> Moves(
        IReadOnlyList<DemandMove> requested, ForecastInput input, IReadOnlyList<ForecastUnit> units, Validation validation)
    {
        var zones = units.Where(u => u.Kind == "zone").ToDictionary(u => u.Id, u => u.Name);
        var schools = input.Schools.ToDictionary(s => s.SchoolId);
        var moves = new List<ZoneDemandMove>();
        for (var i = 0; i < requested.Count; i++)
        {
            var move = requested[i];
            var from = move.FromZoneId!.Value.ToString();
            if (!zones.ContainsKey(from))
                validation.Add($"demandMoves[{i}].fromZoneId", new("不是本区的学区。", "is not a zone of the district."));
            if (!schools.TryGetValue(move.ToSchoolId!.Value.ToString(), out var school))
                validation.Add($"demandMoves[{i}].toSchoolId",
                    new("不是本区规划中或在办的学校。", "is not a school of the district that is planned or open."));
            else if (!school.Grades.Any(grade => Grades.StageOf(grade) == move.Stage))
                validation.Add($"demandMoves[{i}].toSchoolId",
                    new($"不设{Stage.All[move.Stage!].ChineseName}学段。", $"does not serve the stage {move.Stage}."));
            else if (school.ZoneId == from)
                validation.Add($"demandMoves[{i}].toSchoolId", new(
                    "位于生源调出的学区内：在同一学区内调整生源不会改变结果。",
                    "is in the zone the demand comes from; moving demand within a zone changes nothing."));
            else
                moves.Add(new ZoneDemandMove(from, school.ZoneId, move.Stage!, move.Share!.Value, move.FromYear!.Value));
        }
        foreach (var moved in moves.GroupBy(m => (m.FromZone, m.Stage)).Where(g => g.Sum(m => m.Share) > 1 + 1e-9))
        {
            var (zone, stage, shares) = (zones.GetValueOrDefault(moved.Key.FromZone, moved.Key.FromZone), moved.Key.Stage,
                moved.Sum(m => m.Share));
            validation.Add("demandMoves", new(
                $"从{zone}调出的{Stage.All[stage].ChineseName}生源超过了全部（比例合计 {shares:0.##}）。",
                $"move more than all of zone {zone}'s {stage} demand (shares add up to {shares:0.##})."));
        }
        return moves;
    }

    /// <summary>The engine settings of a request, with every lever out of range named under <paramref name="prefix"/>.</summary>
    public static ForecastSettings? Settings(ForecastRequest request, Validation validation, string prefix)
    {
        var defaults = new ForecastSettings();
        RatioMethod method = defaults.Method;
        if (request.Method is not null && !Codes.TryParse(request.Method, out method))
            validation.Add($"{prefix}method", new(
                $"须为以下之一：{string.Join("、", ForecastsApi.MethodNames.Select(m => $"{m.Key}（{m.Value}）"))}。",
                $"must be one of: {string.Join(", ", Enum.GetNames<RatioMethod>())}."));
        var settings = new ForecastSettings
        {
            Method = method,
            RatioYears = request.RatioYears ?? defaults.RatioYears,
            Alpha = request.Alpha ?? defaults.Alpha,
            EntryRatioYears = request.EntryRatioYears ?? defaults.EntryRatioYears,
            Horizon = request.Horizon ?? defaults.Horizon,
            MigrationFactor = request.MigrationFactor ?? defaults.MigrationFactor,
            Housing = request.Housing,
        };
        foreach (var (field, problem) in settings.Problems())
            validation.Add(prefix + string.Join('.', field.Split('.').Select(part => char.ToLowerInvariant(part[0]) + part[1..])), problem);
        // A base year outside the registry's span would make the engine project from nothing, or for ever.
        if (request.BaseYear is { } baseYear && (baseYear < 1990 || baseYear > DateTime.UtcNow.Year))
            validation.Add($"{prefix}baseYear", new($"须为有在校生数据的学年，在 1990 到 {DateTime.UtcNow.Year} 之间。",
                $"must be a school year with enrolment, between 1990 and {DateTime.UtcNow.Year}."));
        if (request.BirthSeries?.Keys.Any(year => year is < 1950 or > 2100) == true)
            validation.Add($"{prefix}birthSeries", new("须按年份（1950 到 2100）填写出生人口（0 到 2,000,000）。",
                "maps years (1950-2100) to births (0 to 2,000,000)."));
        foreach (var (stage, norm) in request.ClassSizeNorms ?? [])
            if (!Stage.All.ContainsKey(stage) || norm is < 10 or > 80)
                validation.Add($"{prefix}classSizeNorms", new(
                    $"须按学段填写，每项在 10 到 80 之间；学段为 {Stage.Listed.Zh}。",
                    $"each stage ({Stage.Listed.En}) takes a norm between 10 and 80."));
        for (var i = 0; i < (request.SchoolChanges?.Count ?? 0); i++)
        {
            var change = request.SchoolChanges![i];
            if (change.SchoolId is null)
                validation.Add($"{prefix}schoolChanges[{i}].schoolId", UserText.Required);
            if (change.Change is not ("open" or "close"))
                validation.Add($"{prefix}schoolChanges[{i}].change",
                    new("须为 open（开办）或 close（停办）。", "must be open or close."));
            validation.Required($"{prefix}schoolChanges[{i}].year", change.Year);
        }
        for (var i = 0; i < (request.DemandMoves?.Count ?? 0); i++)
        {
            var move = request.DemandMoves![i];
            if (move.FromZoneId is null)
                validation.Add($"{prefix}demandMoves[{i}].fromZoneId", UserText.Required);
            if (move.ToSchoolId is null)
                validation.Add($"{prefix}demandMoves[{i}].toSchoolId", UserText.Required);
            validation.OneOf($"{prefix}demandMoves[{i}].stage", move.Stage, Stage.All);
            if (move.Share is not (> 0 and <= 1))
                validation.Add($"{prefix}demandMoves[{i}].share", new("须大于 0 且不大于 1（从学区调出的生源比例）。",
                    "must be above 0 and at most 1 (the share of the zone's demand moved)."));
            validation.Required($"{prefix}demandMoves[{i}].fromYear", move.FromYear);
        }
        if (request.Variant is not null)
            validation.OneOf($"{prefix}variant", request.Variant, VariantNames.ToDictionary(v => v.Key, v => v.Key));
        if (request.FacilityProjects is not null)
            validation.OneOf($"{prefix}facilityProjects", request.FacilityProjects, ProjectChoices);
        return settings;
    }

    public static ProblemHttpResult NoEnrolment(string district) =>
        TypedResults.Problem(
            title: new UserText("本区还没有在校生数据。", "The district has no enrolment yet.").ToString(),
            detail: new UserText($"请先在“导入数据”中导入 {district} 区的在校生数据，才能预测。",
                $"Import the enrolment of {district} first (Import data); then it can be forecast.").ToString(),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["field"] = "districtCode" });
}
