using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A problem's title in the user's language when ASP.NET Core wrote it (an empty 404 turned into a problem by the
/// status code pages, a binding failure, an unhandled error): its own titles are English reason phrases.
/// </summary>
public static class ProblemTitles
{
    public static readonly UserText Invalid = new("提交的内容有误，请按提示修改。", "The request has invalid fields.");
    public static readonly UserText Unreadable = new("无法读取提交的内容。", "The request could not be read.");

    private static readonly Dictionary<int, UserText> ByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = Invalid,
        [StatusCodes.Status401Unauthorized] = new("请先登录。", "Sign in first."),
        [StatusCodes.Status403Forbidden] = new("您没有办理此事的权限。", "You may not do this."),
        [StatusCodes.Status404NotFound] = new("找不到所要的内容。", "Not found."),
        [StatusCodes.Status405MethodNotAllowed] = new("不支持此操作。", "This operation is not supported."),
        [StatusCodes.Status409Conflict] = new("与当前状态冲突。", "It conflicts with the current state."),
        [StatusCodes.Status413PayloadTooLarge] = new("提交的内容过大。", "The request is too large."),
        [StatusCodes.Status415UnsupportedMediaType] = new("不支持此格式。", "This format is not supported."),
        [StatusCodes.Status429TooManyRequests] = new("操作过于频繁，请稍后再试。", "Too many requests; try again shortly."),
        [StatusCodes.Status500InternalServerError] = new("服务出错，请稍后再试。", "Something went wrong; try again shortly."),
        [StatusCodes.Status503ServiceUnavailable] =
            new("服务暂时无法访问，请稍后再试。", "The service is unavailable; try again shortly."),
    };

    private static readonly UserText Other = new("请求未能完成。", "The request could not be completed.");

    public static UserText Of(int status) => ByStatus.GetValueOrDefault(status) ?? Other;

    /// <summary>
    /// An answer without a body (a 404 of an unknown address, a 405): a problem when the client reads JSON, otherwise its
    /// title as plain text, both in the user's language.
    /// </summary>
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } }))
            return;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(Of(http.Response.StatusCode).ToString());
    }

    /// <summary>Replaces a title ASP.NET Core wrote; a title the service wrote is in the user's language already.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Title is null or "One or more validation errors occurred." or "An error occurred while processing your request."
            || problem.Title == ReasonPhrases.GetReasonPhrase(status))
            problem.Title = Of(status).ToString();
    }
}
