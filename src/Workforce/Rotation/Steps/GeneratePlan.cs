using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.BuildingBlocks.Security;
using Platform.Contracts;

namespace Platform.Workforce.Rotation.Steps;

/// <summary>
/// A draft plan generated from the district's teachers and schools under the policy given, else the district's own,
/// else Tianjin's. A district
/// has one plan a year: a new one replaces its draft, and is refused (409) once that plan has been submitted.
/// </summary>
internal static class GeneratePlan
{
    public static async Task<Results<Created<PlanView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        GenerateRequest request, SignedInUser user, Database dataSource, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var district = validation.Text("districtCode", request.DistrictCode, 6);
        var year = validation.Required("year", request.Year);
        foreach (var (field, problem) in request.Policy?.Problems() ?? new Dictionary<string, UserText>())
            validation.Add($"policy.{char.ToLowerInvariant(field[0])}{field[1..]}", problem);
        if (!validation.IsValid)
            return validation.Problem();
        // The school year starts on 1 September: eligibility is judged on that day unless another day of it is given.
        var referenceDate = request.ReferenceDate ?? RotationDates.SchoolYear(year).From;
        if (RotationDates.WhyNotReferenceDate(year, referenceDate) is { } why)
        {
            validation.Add("referenceDate", why);
            return validation.Problem();
        }

        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        var policy = request.Policy
            ?? await RotationStore.DistrictPolicyAsync(connection, district, cancellationToken) ?? new RotationPolicy();
        var (teachers, schools) = await RotationStore.LoadPoolAsync(connection, district, referenceDate, null, cancellationToken);
        if (teachers.Count == 0)
        {
            validation.Add("districtCode",
                new("还没有教师，请先导入教师名单。", "has no teachers yet: import them first (POST /teachers/import)."));
            return validation.Problem();
        }
        var result = RotationPlanner.Plan(teachers, schools, policy, referenceDate);
        var id = Guid.CreateVersion7();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await RotationStore.ReplaceDraftAsync(transaction, district, year, cancellationToken) is { } kept)
            return new StateConflict(
                new($"{district} 的 {year} 年度方案当前状态为“{PlanSteps.StatusNames[kept].Zh}”。",
                    $"The {year} plan of {district} is “{PlanSteps.StatusNames[kept].En}”."),
                new("每个区每年只有一份方案：只有草稿可以由新生成的方案替换。",
                    "A district has one plan a year: only a draft is replaced by a new one.")).Problem();
        await RotationStore.InsertPlanAsync(transaction, id, district, year, referenceDate, policy, result, cancellationToken);
        foreach (var assignment in result.Assignments)
            await RotationStore.InsertAssignmentAsync(
                transaction, id, assignment, manual: false, policy.TermYears, cancellationToken);
        await RotationStore.Events.RecordAsync(
            transaction, id, "generate", user, new($"{result.Assignments.Count} 人", $"{result.Assignments.Count} teachers"),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/rotation/plans/{id}", (await RotationStore.ViewAsync(connection, id, cancellationToken))!);
    }
}
