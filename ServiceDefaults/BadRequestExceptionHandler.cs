using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Turns request-binding failures into RFC 7807 answers. A body that is not JSON, or whose values have the wrong
/// types, gets a validation problem naming each bad field; other binding failures keep ASP.NET Core's message and
/// status (e.g. 413 for a body over the size limit).
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
            return false;

        context.Response.StatusCode = badRequest.StatusCode;
        ProblemDetails problem = badRequest.InnerException is JsonException
            ? new HttpValidationProblemDetails(await JsonFieldErrors.FindAsync(context))
              {
                  Title = "The request body could not be read.", Status = badRequest.StatusCode,
              }
            : new ProblemDetails { Title = "The request could not be read.", Detail = badRequest.Message, Status = badRequest.StatusCode };

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
