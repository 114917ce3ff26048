using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.BuildingBlocks.Spreadsheets;

/// <summary>How a result is laid out as an .xlsx download: the sheet, the file name, the headers and the rows.</summary>
public sealed record XlsxSheet<T>(
    string Name, string FileName, IReadOnlyList<string> Headers, Func<T, IEnumerable<IReadOnlyList<object?>>> Rows)
{
    public FileContentHttpResult File(T value) =>
        TypedResults.File(XlsxWriter.Write(Name, Headers, Rows(value)), XlsxWriter.ContentType, FileName);
}

/// <summary>
/// Answers for a computation that gives either a result or an RFC 7807 problem, so one computation backs both its
/// JSON endpoint and its .xlsx export.
/// </summary>
public static class Answer
{
    public static Results<Ok<T>, ProblemHttpResult> Json<T>((T? Value, ProblemHttpResult? Problem) outcome) where T : class =>
        outcome.Value is { } value ? TypedResults.Ok(value) : outcome.Problem!;

    public static Results<FileContentHttpResult, ProblemHttpResult> Xlsx<T>(
        (T? Value, ProblemHttpResult? Problem) outcome, XlsxSheet<T> sheet) where T : class =>
        outcome.Value is { } value ? sheet.File(value) : outcome.Problem!;
}
