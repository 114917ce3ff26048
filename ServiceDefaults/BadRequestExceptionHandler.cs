using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Turns request-binding failures into RFC 7807 answers. Malformed JSON and values of the wrong type name the
/// field (from the JSON path) and the problem; other binding failures keep ASP.NET Core's message and status.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        context.Response.StatusCode = badRequest.StatusCode;
        ProblemDetails problem = badRequest.InnerException is JsonException json
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
              {
                  [FieldName(json.Path)] = [json.Path is null or "$" ? "The body is not valid JSON." : "The value is missing, malformed or of the wrong type."],
              })
              { Title = "The request body could not be read.", Status = badRequest.StatusCode }
            : new ProblemDetails { Title = "The request could not be read.", Detail = badRequest.Message, Status = badRequest.StatusCode };

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>"$.classes" becomes "classes", "$.stages[2].name" becomes "stages[2].name"; the whole body is "$".</summary>
    internal static string FieldName(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;
}
