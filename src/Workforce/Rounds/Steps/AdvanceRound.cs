using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rounds.Steps;

/// <summary>
/// Moves a round to its next step. Closing needs every candidate placed or sent to 待岗培训 / 转岗; it writes the
/// appointments and moves teachers placed in another school there from the start of the term.
/// </summary>
internal static class AdvanceRound
{
    /// <param name="from">
    /// The step the caller saw: a round another user has moved on meanwhile answers 409 instead of skipping a step.
    /// </param>
    public static async Task<Results<Ok<RoundView>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, string? from, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        RoundStage[] open = RoundRules.Stages[..^1];
        var asked = open.Where(stage => stage.Code() == from).ToArray();
        if (from is not null && asked.Length == 0)
        {
            var validation = new Validation();
            validation.Add("from", new(
                $"须为以下之一：{string.Join("、", open.Select(stage => RoundRules.StageNames[stage].Zh))}。",
                $"must be one of: {string.Join(", ", open.Select(stage => stage.Code()))}."));
            return validation.Problem();
        }
        return await RoundStore.Change.RunAsync(dataSource, id, from is null ? open : asked,
            stage => $"advance_to_{JsonNamingPolicy.SnakeCaseLower.ConvertName(RoundRules.After(stage).ToString())}", user,
            (transaction, round, problems) => MoveOnAsync(transaction, round, problems, cancellationToken), cancellationToken);
    }

    private static async Task<UserText?> MoveOnAsync(
        NpgsqlTransaction transaction, RoundRow round, Validation problems, CancellationToken cancellationToken)
    {
        var next = RoundRules.After(round.Stage);
        if (next == RoundStage.Closed)
        {
            if (await RoundStore.CountLeftAsync(transaction, round.Id, cancellationToken) is var left and > 0)
            {
                problems.Add("candidates", new($"有 {left} 名教师既未受聘，也未安排待岗培训或转岗。",
                    $"{left} teachers are neither placed nor sent to training or reassignment."));
                return null;
            }
            await RoundStore.CloseAsync(transaction, round, cancellationToken);
        }
        await RoundStore.MoveToAsync(transaction, round.Id, next, cancellationToken);
        return RoundRules.StageNames[next];
    }
}
