using Microsoft.AspNetCore.Http.HttpResults;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Http;
using Platform.Contracts;

namespace Platform.Workforce.Teachers;

/// <summary>A correction of a posting the import may not rewrite.</summary>
/// <param name="FromDate">The first day of the posting to correct, as the teacher's history shows it.</param>
/// <param name="SchoolId">The school it should name.</param>
/// <param name="NewFromDate">Its first day, if that was wrong too.</param>
public sealed record PostingCorrection(DateOnly? FromDate, Guid? SchoolId, DateOnly? NewFromDate, string? Reason);

/// <summary>
/// Corrects one posting of a teacher's history, an explicit step with its reason, recorded in the audit trail: the
/// school it names, and its first day within the postings around it.
/// </summary>
internal static class CorrectPosting
{
    public static async Task<Results<Ok<TeacherDetail>, NotFound, ValidationProblem>> HandleAsync(
        Guid id, PostingCorrection request, Database dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.FromDate is null)
            validation.Add("fromDate", UserText.Required);
        if (request.SchoolId is null)
            validation.Add("schoolId", UserText.Required);
        var reason = validation.Text("reason", request.Reason, 200);
        if (!validation.IsValid)
            return validation.Problem();
        await using var connection = await dataSource.OpenAuditedAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TeacherStore.LockAsync(transaction, id, cancellationToken);
        if (await TeacherStore.FindAsync(connection, id, null, clock.Today(), cancellationToken) is not { } teacher)
            return TypedResults.NotFound();
        var postings = await TeacherStore.PostingsAsync(connection, id, cancellationToken);
        var at = postings.ToList().FindIndex(p => p.FromDate == request.FromDate);
        var from = request.NewFromDate ?? request.FromDate!.Value;
        if (at < 0)
            validation.Add("fromDate",
                new("不是该教师任何一条任职记录的开始日期。", "is not the first day of one of the teacher's postings."));
        else if (postings[at].Origin is "rotation" or "return")
            validation.Add("fromDate", new(
                "是交流轮岗的任职记录：其日期以轮岗方案为准，只随方案的各步操作改变。",
                "is a rotation's posting: its dates are the plan's, changed by the plan's steps."));
        else if (from < teacher.BirthDate.AddYears(18) || from > clock.Today().AddYears(1))
            validation.Add("newFromDate", new("须在教师年满 18 周岁之后、今天起一年之内。",
                "must fall between the teacher's 18th birthday and a year from today."));
        else if ((at > 0 && from <= postings[at - 1].FromDate) || (at < postings.Count - 1 && from >= postings[at + 1].FromDate))
            validation.Add("newFromDate", new("须在前后两条任职记录的开始日期之间。",
                "must fall between the first days of the postings before and after it."));
        if (await TeacherStore.DistrictOfSchoolAsync(connection, request.SchoolId!.Value, cancellationToken) != teacher.DistrictCode)
            validation.Add("schoolId", new("不是该教师所在区的学校。", "is not a school of the teacher's district."));
        if (!validation.IsValid)
            return validation.Problem();
        await TeacherStore.CorrectAsync(transaction, id, postings[at], request.SchoolId.Value, from, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new TeacherDetail(
            (await TeacherStore.FindAsync(connection, id, null, clock.Today(), cancellationToken))!,
            await TeacherStore.PostingsAsync(connection, id, cancellationToken)));
    }
}
