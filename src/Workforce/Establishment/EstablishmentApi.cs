using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Spreadsheets;
using Platform.Contracts;

namespace Platform.Workforce.Establishment;

/// <summary>
/// Establishment (编制): required teachers from each school's latest enrolment against approved posts and 在编 teachers,
/// per school and district; required teachers for each year of the official forecast; the district's ratios; and the
/// staffing requirements Facilities raised with Workforce's answers.
/// </summary>
public static class EstablishmentApi
{
    /// <summary>The page's columns under the page's names (docs/workforce.md, "Establishment").</summary>
    private static readonly XlsxSheet<DistrictEstablishment> Sheet = new("编制", "establishment.xlsx",
        ["学校", "学年", "在校生", "按标准应配", "核定编制", "在编教师", "超缺编（对应配）", "超缺编（对核定）", "音体美缺科"],
        district => district.Schools.Select(s => (IReadOnlyList<object?>)
        [
            s.SchoolName, s.Year, s.Year is null ? null : s.Pupils.Values.Sum(), s.Required ?? (object)NoEnrolment, s.Approved,
            s.Actual, s.AgainstRequired, s.AgainstApproved, string.Join("、", s.MissingArtsAndSports),
        ]).Append(
        [
            "全区合计", null, null, district.Required, district.Approved, district.Actual, district.AgainstRequired,
            district.AgainstApproved, district.WithoutEnrolment > 0 ? $"{district.WithoutEnrolment} 所学校{NoEnrolment}，未计入按标准应配" : null,
        ]));

    private const string NoEnrolment = "无在校生数据";

    public static IEndpointRouteBuilder MapEstablishmentApi(this IEndpointRouteBuilder app)
    {
        var establishment = app.MapGroup("/establishment").WithTags("Establishment");
        establishment.MapGet("/", GetAsync)
            .Describe("区编制核算",
                "Each school's required teachers, approved posts and 在编 teachers on a day (today unless asOf), and the district's.");
        establishment.MapGet("/export", ExportAsync)
            .Describe("导出编制核算", "The district's establishment school by school, as an Excel workbook.");
        establishment.MapGet("/forecast", ForecastAsync)
            .Describe("预测年度需编制", "Teachers the official forecast requires each year, against the 在编 teachers today.");
        establishment.MapPut("/ratios/{districtCode}", PutRatiosAsync)
            .Describe("设置生师比", "The district's pupils per teacher by stage, in place of the national ratios.");
        app.MapGet("/staffing/requirements", RequirementsAsync).WithTags("Establishment")
            .Describe("新校新班配师需求", "The staffing requirements Facilities raised, with Workforce's answers.");
        return app;
    }

    private static async Task<Ok<DistrictEstablishment>> GetAsync(
        string districtCode, DateOnly? asOf, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DistrictAsync(dataSource, districtCode, asOf ?? clock.Today(), cancellationToken));

    private static async Task<FileContentHttpResult> ExportAsync(
        string districtCode, DateOnly? asOf, Database dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        Sheet.File(await DistrictAsync(dataSource, districtCode, asOf ?? clock.Today(), cancellationToken));

    private static async Task<DistrictEstablishment> DistrictAsync(
        Database dataSource, string districtCode, DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var schools = await EstablishmentStore.SchoolsAsync(connection, districtCode, day, cancellationToken);
        return EstablishmentRules.District(districtCode, schools);
    }

    private static async Task<Ok<List<StaffingRequirementView>>> RequirementsAsync(
        string districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await EstablishmentStore.StaffingRequirementsAsync(connection, districtCode, cancellationToken));
    }

    private static async Task<Ok<ForecastEstablishment>> ForecastAsync(
        string districtCode, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        // One snapshot: a publication arriving between two reads would pair the new demand with no scenario name.
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var ratios = await EstablishmentStore.RatiosAsync(connection, districtCode, cancellationToken);
        var publication = await EstablishmentStore.PublicationAsync(snapshot, districtCode, cancellationToken);
        var demand = await EstablishmentStore.ForecastDemandAsync(snapshot, districtCode, cancellationToken);
        var actual = await EstablishmentStore.TeachersInEstablishmentAsync(snapshot, districtCode, cancellationToken);
        var years = EstablishmentRules.ByYear(demand, ratios, actual);
        return TypedResults.Ok(new ForecastEstablishment(districtCode, publication?.ScenarioName, publication?.BaseYear, years));
    }

    private static async Task<Results<NoContent, ValidationProblem>> PutRatiosAsync(
        string districtCode, [Bounds(0, 100)] Dictionary<string, double> ratios, Database dataSource,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        foreach (var (stage, ratio) in ratios)
            if (EstablishmentRules.WhyNotRatio(stage, ratio) is { } problem)
                validation.Add(stage, problem);
        if (ratios.Count == 0)
            validation.Add("ratios", new("须至少填写一个学段。", "must give at least one stage."));
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await EstablishmentStore.SetRatiosAsync(connection, districtCode, ratios, cancellationToken);
        return TypedResults.NoContent();
    }
}
