using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// A write the district scope refused (PostgreSQL's row-level security: a row into a district outside the caller's
/// scope, or naming a record of one) answers 404, as a record outside the scope does everywhere: it is not there.
/// </summary>
internal sealed class OutOfScopeExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege })
            return false;
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 404, Title = "未找到：请求涉及的记录不在您的管辖区内。" },
            Exception = exception,
        });
    }
}
