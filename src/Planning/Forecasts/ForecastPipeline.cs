using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Http;
using Platform.Planning.Forecasting;
using Platform.Planning.Schools;

namespace Platform.Planning.Forecasts;

/// <summary>A school opened or closed from a school year on, in a scenario.</summary>
public sealed record SchoolChange(Guid? SchoolId, string? Change, int? Year);

/// <summary>
/// A forecast for a district and its levers: the method and its settings, births after the last registered year
/// (birthGrowth a year), migration, class-size norms per stage (小班化) and schools opened or closed. A scenario is
/// a named, saved one.
/// </summary>
public sealed record ForecastRequest(
    string? DistrictCode, string? Method, int? RatioYears, double? Alpha, int? EntryRatioYears, int? Horizon,
    double? MigrationFactor, double? BirthGrowth, int? BaseYear, string? Level,
    Dictionary<string, int>? ClassSizeNorms = null, SchoolChange[]? SchoolChanges = null);

/// <param name="Names">The name of every unit in the rows (zone, school or district), by its id or code.</param>
public sealed record ForecastResult(
    int BaseYear, ForecastSettings Settings, string Level, IReadOnlyList<string> Warnings, IReadOnlyList<DemandRow> Rows, IReadOnlyDictionary<string, string> Names);

public sealed record CapacityResult(
    int BaseYear, ForecastSettings Settings, IReadOnlyList<string> ForecastWarnings, CapacityReport Report, IReadOnlyDictionary<string, string> Names);

/// <summary>Checks a forecast request, loads the district's data and runs the engine; the failures are RFC 7807 answers.</summary>
public static class ForecastPipeline
{
    public static async Task<(ForecastResult? Result, ProblemHttpResult? Problem)> ForecastAsync(
        ForecastRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var settings = Settings(request, validation, "");
        var level = request.Level ?? "zone";
        if (!Enum.TryParse<Level>(level, ignoreCase: true, out var parsedLevel))
            validation.Add("level", "must be one of: school, zone, district.");
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        if (!validation.IsValid)
            return (null, validation.AsProblem());

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var input = await ForecastData.LoadAsync(connection, district, request.BaseYear, settings!.Horizon, request.BirthGrowth ?? 0, cancellationToken);
        if (input is null)
            return (null, NoEnrolment(district));
        try
        {
            var forecast = ForecastEngine.Run(input, settings);
            var names = await UnitNamesAsync(connection, district, cancellationToken);
            return (new ForecastResult(forecast.BaseYear, settings, level.ToLowerInvariant(), forecast.Warnings, forecast.Demand(parsedLevel), names), null);
        }
        catch (ForecastInputException e)
        {
            return (null, TypedResults.Problem(title: "The district's data cannot support this forecast.", detail: e.Message,
                statusCode: StatusCodes.Status422UnprocessableEntity));
        }
    }

    public static async Task<(CapacityResult? Result, ProblemHttpResult? Problem)> CapacityAsync(
        ForecastRequest request, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        // The levers are checked, on their own and against the registry, before the forecast runs: an input error is
        // reported as such rather than as missing data.
        var validation = new Validation();
        Settings(request, validation, "");
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        if (!validation.IsValid)
            return (null, validation.AsProblem());
        IReadOnlyList<CapacitySource> capacity;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            (capacity, var unknown) = await CapacityData.LoadAsync(connection, district, request.ClassSizeNorms, request.SchoolChanges, cancellationToken);
            if (unknown.Count > 0)
            {
                validation.Add("schoolChanges", $"names schools that are not in district {district}: {string.Join(", ", unknown)}.");
                return (null, validation.AsProblem());
            }
        }
        var (forecast, problem) = await ForecastAsync(request with { Level = "zone" }, dataSource, cancellationToken);
        if (forecast is null)
            return (null, problem);
        var report = CapacityAnalysis.Run(forecast.Rows, capacity, forecast.BaseYear, new CapacitySettings());
        return (new CapacityResult(forecast.BaseYear, forecast.Settings, forecast.Warnings, report, forecast.Names), null);
    }

    /// <summary>Names of the district, its zones and its schools, by code or id, so results and exports read as names.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> UnitNamesAsync(NpgsqlConnection connection, string district, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition("""
            SELECT code, name FROM districts WHERE code = @district
            UNION ALL SELECT id::text, name FROM zones WHERE district_code = @district
            UNION ALL SELECT id::text, name FROM schools WHERE district_code = @district
            """, new { district }, cancellationToken: cancellationToken)))
        .ToDictionary(n => n.Id, n => n.Name);

    /// <summary>The engine settings of a request, with every lever out of range named under <paramref name="prefix"/>.</summary>
    public static ForecastSettings? Settings(ForecastRequest request, Validation validation, string prefix)
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
        if (request.BirthGrowth is < -0.5 or > 0.5)
            validation.Add($"{prefix}birthGrowth", "must be between -0.5 and 0.5 (a yearly change of births after the last registered year).");
        foreach (var (stage, norm) in request.ClassSizeNorms ?? [])
            if (!Stage.All.ContainsKey(stage) || norm is < 10 or > 80)
                validation.Add($"{prefix}classSizeNorms", $"each stage ({string.Join(", ", Stage.All.Keys)}) takes a norm between 10 and 80.");
        for (var i = 0; i < (request.SchoolChanges?.Length ?? 0); i++)
        {
            var change = request.SchoolChanges![i];
            if (change.SchoolId is null)
                validation.Add($"{prefix}schoolChanges[{i}].schoolId", "is required.");
            if (change.Change is not ("open" or "close"))
                validation.Add($"{prefix}schoolChanges[{i}].change", "must be open or close.");
            validation.Number($"{prefix}schoolChanges[{i}].year", change.Year, 1900, 2100);
        }
        return settings;
    }

    public static ProblemHttpResult NoEnrolment(string district) =>
        TypedResults.Problem(title: "The district has no enrolment yet.", detail: $"Import enrolment for {district} first (POST /enrolment/import).",
            statusCode: StatusCodes.Status422UnprocessableEntity, extensions: new Dictionary<string, object?> { ["field"] = "districtCode" });
}
