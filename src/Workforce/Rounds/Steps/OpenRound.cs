using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rounds.Steps;

/// <summary>The district opens a round for a term; every 在编 teacher of the district is a candidate.</summary>
internal static class OpenRound
{
    public static async Task<Results<Created<RoundView>, ValidationProblem>> HandleAsync(
        OpenRoundRequest request, SignedInUser user, Database dataSource, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        if (request.TermFrom is null)
            validation.Add("termFrom", UserText.Required);
        if (request.TermTo is null)
            validation.Add("termTo", UserText.Required);
        else if (request.TermFrom is { } from && (request.TermTo <= from || request.TermTo > from.AddYears(6)))
            validation.Add("termTo",
                new("须晚于聘期开始日期，且聘期最长六年。", "must be after termFrom; a term lasts at most six years."));
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = Guid.CreateVersion7();
        var candidates = await RoundStore.OpenAsync(
            transaction, id, district, request.TermFrom!.Value, request.TermTo!.Value, clock.Today(), cancellationToken);
        if (candidates == 0)
        {
            validation.Add("districtCode", new("还没有在编教师，请先导入教师名单。",
                "has no 在编 teachers: import them first (POST /teachers/import)."));
            return validation.Problem();
        }
        await RoundStore.Events.RecordAsync(
            transaction, id, "open", user, new($"{candidates} 名候选人", $"{candidates} candidates"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/rounds/{id}", (await RoundStore.ViewAsync(connection, id, cancellationToken))!);
    }
}
