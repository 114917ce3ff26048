using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Platform.Gateway;

/// <summary>
/// What the gateway adds for every request: a rate limit per client address (a token bucket: Gateway:RateLimit:Burst
/// requests at once, refilled at Gateway:RateLimit:PerSecond), CORS only for the origins in Gateway:AllowedOrigins
/// (none by default: the UI is served behind the gateway, from the same origin), and security headers.
/// </summary>
public static class Hardening
{
    public static void AddGatewayHardening(this IHostApplicationBuilder builder)
    {
        var perSecond = builder.Configuration.GetValue("Gateway:RateLimit:PerSecond", 500);
        var burst = builder.Configuration.GetValue("Gateway:RateLimit:Burst", 1000);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = burst, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "1";
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails =
                    {
                        Title = "Too many requests.",
                        Detail = $"This address may send {perSecond} requests a second (bursts of {burst}); retry after a second.",
                        Status = StatusCodes.Status429TooManyRequests,
                    },
                });
            };
        });
        var origins = builder.Configuration.GetSection("Gateway:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
            policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("X-Correlation-Id")));
    }

    public static void UseGatewayHardening(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // The API answers data, never pages: nothing in it may load or frame anything. The UI sets its own policy.
            if (context.Request.Path.StartsWithSegments("/api"))
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            return next(context);
        });
        app.UseCors();
        app.UseRateLimiter();
    }
}
