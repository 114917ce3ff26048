using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;
using Platform.Workforce.Rounds.Steps;

namespace Platform.Workforce.Rounds;

/// <summary>
/// 区管校聘 rounds. The district opens a round for a term; every 在编 teacher of the district is a candidate. Steps:
/// posts per school and subject (within the approved posts), 校内竞聘 (schools choose their own teachers), 跨校竞聘
/// (teachers ask for schools; schools choose among those who asked), 组织调剂 (the district places the rest, by hand or
/// automatically), then whoever is left goes to 待岗培训 or 转岗, and closing turns the placements into appointments.
/// Every step is recorded with what, when and who: the signed-in user. One file per step, in Steps/.
/// </summary>
public static class RoundsApi
{
    public static IEndpointRouteBuilder MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var rounds = app.MapGroup("/rounds").WithTags("Appointment rounds");
        rounds.MapPost("/", OpenRound.HandleAsync)
            .Describe("开启一轮区管校聘", "Open an appointment round for a district and a term.");
        rounds.MapGet("/", ListAsync)
            .Describe("区内各轮区管校聘", "The rounds of the districts in the caller's scope, newest term first.");
        rounds.MapGet("/{id:guid}", GetAsync)
            .Describe("一轮的岗位、人员与记录", "A round with its posts, candidates and the record of its steps.");
        rounds.MapGet("/{id:guid}/export", ExportAsync)
            .Describe("导出聘任结果", "Every candidate and where they went, as an Excel workbook.");
        rounds.MapPut("/{id:guid}/posts", SetPosts.HandleAsync)
            .Describe("设岗", "A school's posts per subject for the round, within those approved.");
        rounds.MapPost("/{id:guid}/choices", ChooseTeachers.HandleAsync)
            .Describe("学校选聘", "A school chooses teachers: its own in 校内竞聘, those who asked for it in 跨校竞聘.");
        rounds.MapPost("/{id:guid}/preferences", StatePreferences.HandleAsync)
            .Describe("教师填报志愿", "A teacher asks for schools, in order, in 跨校竞聘.");
        rounds.MapPost("/{id:guid}/placements", PlaceTeachers.PlaceAsync)
            .Describe("组织调剂（逐人）", "The district places an unplaced teacher in a school with an open post.");
        rounds.MapPost("/{id:guid}/placements/auto", PlaceTeachers.AutoPlaceAsync)
            .Describe("组织调剂（自动）", "The district places every unplaced teacher by preference, then by open posts.");
        rounds.MapPost("/{id:guid}/unplaced", PlaceTeachers.SendUnplacedAsync)
            .Describe("待岗培训或转岗", "A teacher left without a post goes to training (待岗培训) or reassignment (转岗).");
        rounds.MapPost("/{id:guid}/unplaced/rest", PlaceTeachers.SendRestAsync)
            .Describe("其余教师待岗培训或转岗", "Every teacher still without a post or outcome goes to training or reassignment.");
        rounds.MapPost("/{id:guid}/advance", AdvanceRound.HandleAsync)
            .Describe("进入下一步", "The round moves to its next step; closing writes the appointments.");
        return app;
    }

    private static async Task<Ok<List<RoundLine>>> ListAsync(
        string? districtCode, DistrictScope scope, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return TypedResults.Ok(await RoundStore.ListAsync(connection, scope.Prefix, districtCode, cancellationToken));
    }

    private static async Task<Results<Ok<RoundView>, NotFound>> GetAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        return await RoundStore.ViewAsync(connection, id, cancellationToken) is { } round
            ? TypedResults.Ok(round)
            : TypedResults.NotFound();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(
        Guid id, Database dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        if (await RoundStore.ViewAsync(connection, id, cancellationToken) is not { } round)
            return TypedResults.NotFound();
        var schools = await SchoolNameStore.InDistrictAsync(connection, round.DistrictCode, cancellationToken);
        return RoundSheet.Sheet.File((round, schools));
    }
}
