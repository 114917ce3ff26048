using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Spreadsheets;

namespace Platform.Workforce.Establishment;

public sealed record DistrictEstablishment(string DistrictCode, int Required, int Approved, int Actual, int Surplus, IReadOnlyList<SchoolEstablishment> Schools);

/// <summary>Teachers the official forecast requires in a school year, by stage and in all, against the 在编 teachers today.</summary>
public sealed record YearRequirement(int Year, IReadOnlyDictionary<string, int> ByStage, int Required, int ActualToday, int Gap);

public sealed record ForecastEstablishment(string DistrictCode, string? ScenarioName, int? BaseYear, IReadOnlyList<YearRequirement> Years);

public sealed record StaffingRequirementView(Guid ProjectId, string Milestone, Guid SchoolId, string Stage, int Classes, int Places, DateOnly FromDate,
    bool NewSchool, int TeachersNeeded, int Surplus, string Outcome);

/// <summary>
/// Establishment (编制): required teachers from each school's latest enrolment against approved posts and 在编 teachers,
/// per school and district; required teachers for each year of the official forecast; the district's ratios; and the
/// staffing requirements Facilities raised with Workforce's answers.
/// </summary>
public static class EstablishmentApi
{
    private static readonly XlsxSheet<DistrictEstablishment> Sheet = new("编制", "establishment.xlsx",
        ["学校", "学年", "在校生", "需编制", "核定编制", "在编教师", "对需求超缺编", "对核定超缺编", "缺音体美"],
        district => district.Schools.Select(s => (IReadOnlyList<object?>)[s.SchoolName, s.Year, s.Pupils.Values.Sum(), s.Required, s.Approved, s.Actual,
            s.AgainstRequired, s.AgainstApproved, string.Join("、", s.MissingArtsAndSports)]));

    public static IEndpointRouteBuilder MapEstablishmentApi(this IEndpointRouteBuilder app)
    {
        var establishment = app.MapGroup("/establishment").WithTags("Establishment");
        establishment.MapGet("/", async (string districtCode, Database dataSource, CancellationToken cancellationToken) =>
            TypedResults.Ok(await DistrictAsync(dataSource, districtCode, cancellationToken)));
        establishment.MapGet("/export", async (string districtCode, Database dataSource, CancellationToken cancellationToken) =>
            Sheet.File(await DistrictAsync(dataSource, districtCode, cancellationToken)));
        establishment.MapGet("/forecast", ForecastAsync);
        establishment.MapPut("/ratios/{districtCode}", PutRatiosAsync);
        app.MapGet("/staffing/requirements", async (string districtCode, Database dataSource, CancellationToken cancellationToken) =>
        {
            await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
            return TypedResults.Ok((await connection.QueryAsync<StaffingRequirementView>(new CommandDefinition("""
                SELECT project_id AS ProjectId, milestone, school_id AS SchoolId, stage, classes, places, from_date AS FromDate, new_school AS NewSchool,
                       teachers_needed AS TeachersNeeded, surplus, outcome
                FROM staffing_requirements WHERE district_code = @districtCode ORDER BY received_at
                """, new { districtCode }, cancellationToken: cancellationToken))).ToList());
        }).WithTags("Establishment");
        return app;
    }

    private static async Task<DistrictEstablishment> DistrictAsync(Database dataSource, string districtCode, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var schools = await EstablishmentData.SchoolsAsync(connection, districtCode, cancellationToken);
        return new DistrictEstablishment(districtCode, schools.Sum(s => s.Required), schools.Sum(s => s.Approved), schools.Sum(s => s.Actual),
            EstablishmentRules.Surplus(schools.Select(s => (s.Actual, s.Required))), schools);
    }

    private static async Task<Ok<ForecastEstablishment>> ForecastAsync(string districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        // One snapshot: a publication arriving between two reads would pair the new demand with no scenario name.
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var ratios = await EstablishmentData.RatiosAsync(connection, districtCode, cancellationToken);
        var publication = await connection.QuerySingleOrDefaultAsync<(string ScenarioName, int BaseYear)?>(new CommandDefinition(
            "SELECT scenario_name, base_year FROM forecast_publications WHERE district_code = @districtCode", new { districtCode }, snapshot, cancellationToken: cancellationToken));
        var demand = await connection.QueryAsync<(int Year, string Stage, double Pupils)>(new CommandDefinition(
            "SELECT year, stage, sum(pupils)::float8 FROM forecast_demand WHERE district_code = @districtCode GROUP BY year, stage ORDER BY year, stage",
            new { districtCode }, snapshot, cancellationToken: cancellationToken));
        var actual = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*)::int FROM teachers WHERE district_code = @districtCode AND establishment = 'in_establishment'", new { districtCode }, snapshot, cancellationToken: cancellationToken));
        var years = demand.GroupBy(d => d.Year).Select(year =>
        {
            var byStage = year.ToDictionary(d => d.Stage, d => EstablishmentRules.Required([(d.Stage, d.Pupils)], ratios));
            var required = byStage.Values.Sum();
            return new YearRequirement(year.Key, byStage, required, actual, required - actual);
        }).ToList();
        return TypedResults.Ok(new ForecastEstablishment(districtCode, publication?.ScenarioName, publication?.BaseYear, years));
    }

    private static async Task<Results<NoContent, ValidationProblem>> PutRatiosAsync(
        string districtCode, [Bounds(0, 100)] Dictionary<string, double> ratios, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        foreach (var (stage, ratio) in ratios)
            if (!EstablishmentRules.DefaultPupilsPerTeacher.ContainsKey(stage) || ratio is <= 0 or > 100 || double.IsNaN(ratio))
                validation.Add(stage, $"must be a stage ({string.Join(", ", EstablishmentRules.DefaultPupilsPerTeacher.Keys)}) with pupils per teacher above 0 and at most 100.");
        if (ratios.Count == 0)
            validation.Add("ratios", "must give at least one stage.");
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO staffing_ratios (district_code, stage, pupils_per_teacher) SELECT @districtCode, s, r FROM unnest(@stages, @ratios) AS x (s, r)
            ON CONFLICT (district_code, stage) DO UPDATE SET pupils_per_teacher = excluded.pupils_per_teacher
            """, new { districtCode, stages = ratios.Keys.ToArray(), ratios = ratios.Values.Select(r => (decimal)r).ToArray() }, cancellationToken: cancellationToken));
        return TypedResults.NoContent();
    }
}
