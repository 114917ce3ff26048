using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rotation.Steps;

/// <summary>
/// A teacher goes home before the end of their term, while the plan is in effect: an explicit step with its date
/// (after the term began, before it ends) and its reason. From that day they count at their home school again.
/// </summary>
internal static class ReturnEarly
{
    public static async Task<Results<Ok<PlanView>, NotFound, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid id, Guid teacherId, EarlyReturnRequest request, SignedInUser user, Database dataSource,
        CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.On is null)
            validation.Add("on", UserText.Required);
        var reason = validation.Text("reason", request.Reason, 500);
        if (!validation.IsValid)
            return validation.Problem();
        var on = request.On!.Value;
        return await RotationStore.Change.RunAsync(dataSource, id, PlanStatus.InEffect, "return_early", user,
            async (transaction, plan, problems) =>
            {
                var assignment = (await RotationStore.ViewAsync(transaction.Connection!, id, cancellationToken))!
                    .Assignments.SingleOrDefault(a => a.TeacherId == teacherId);
                if (assignment is null)
                    problems.Add("teacherId", EditPlan.NotInPlan);
                else if (assignment.ReturnsOn is not null)
                    problems.Add("teacherId", new($"已于 {assignment.ReturnsOn:yyyy-MM-dd} 返回。",
                        $"has returned already, on {assignment.ReturnsOn:yyyy-MM-dd}."));
                else if (RotationDates.WhyNotReturnOn(plan.ReferenceDate, assignment.TermYears, on) is { } why)
                    problems.Add("on", why);
                if (!problems.IsValid)
                    return null;
                await RotationStore.ReturnEarlyAsync(transaction, id, teacherId, on, reason, cancellationToken);
                return new($"{assignment!.TeacherName} {on:yyyy-MM-dd}：{reason}", $"{assignment.TeacherName} {on:yyyy-MM-dd}: {reason}");
            }, cancellationToken);
    }
}
