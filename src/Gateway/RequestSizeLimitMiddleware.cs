using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Platform.Gateway;

/// <summary>
/// Refuses a request whose declared body is over the limit with 413, before anything is proxied. Without it the
/// service would answer 413 while the gateway is still sending, and the client would see 502. Bodies without a
/// declared length are capped by Kestrel's MaxRequestBodySize, set to the same limit.
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const long DefaultMaxBodyBytes = 10 * 1024 * 1024;

    private readonly long maxBodyBytes = MaxBodyBytes(configuration);

    public static long MaxBodyBytes(IConfiguration configuration) =>
        configuration.GetValue("Gateway:MaxRequestBodyBytes", DefaultMaxBodyBytes);

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problemDetails)
    {
        if (context.Request.ContentLength > maxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Title = new UserText("提交的内容过大。", "The request body is too large.").ToString(),
                    Detail = new UserText($"至多接受 {maxBodyBytes / (1024 * 1024)} MB，请把文件拆分成较小的文件。",
                        $"Bodies of at most {maxBodyBytes / (1024 * 1024)} MB are accepted; split the file into smaller ones.").ToString(),
                    Status = StatusCodes.Status413PayloadTooLarge,
                },
            });
            return;
        }
        await next(context);
    }

    public static void Configure(IHostApplicationBuilder builder) =>
        builder.Services.Configure<KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes(builder.Configuration));
}
