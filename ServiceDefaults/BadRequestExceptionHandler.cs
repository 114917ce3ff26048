using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Turns request-binding failures into RFC 7807 answers. A body that is not JSON, or whose values have the wrong
/// types, gets a validation problem naming each bad field, as does a query or route value that does not bind; other
/// binding failures keep ASP.NET Core's status (e.g. 413 for a body over the size limit), told in the user's words.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        context.Response.StatusCode = badRequest.StatusCode;
        ProblemDetails problem = badRequest.InnerException is JsonException
            ? new HttpValidationProblemDetails(await JsonFieldErrors.FindAsync(context))
            {
                Title = ProblemTitles.Unreadable.ToString(), Status = badRequest.StatusCode,
            }
            : ParameterName().Match(badRequest.Message) is { Success: true } parameter
                ? new HttpValidationProblemDetails(ParameterError(parameter.Groups[1].Value, badRequest.Message))
                {
                    Title = ProblemTitles.Unreadable.ToString(), Status = badRequest.StatusCode,
                }
                : new ProblemDetails
                {
                    Title = ProblemTitles.Unreadable.ToString(), Status = badRequest.StatusCode,
                };

        return await problemDetails.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The parameter in ASP.NET Core's binding messages: Failed to bind parameter "int? year" from "1e400".</summary>
    /// <summary>The one field a query or route value names, as the request spells it.</summary>
    private static Dictionary<string, string[]> ParameterError(string parameter, string message) => new()
    {
        [JsonNamingPolicy.CamelCase.ConvertName(parameter)] =
            [(message.StartsWith("Required", StringComparison.Ordinal) ? UserText.Required : NotValid).ToString()],
    };

    private static readonly UserText NotValid = new("不是有效的值。", "is not a valid value.");

    [GeneratedRegex("""parameter "(?:[^"]* )?(\w+)" """)]
    private static partial Regex ParameterName();
}
